import Foundation
import TarjumanCore

/// Document pairs with a known sentence pairing, for measuring alignment: NTREX-128's documents
/// (lines grouped by `DOCUMENT_IDS.tsv`), their lines joined into paragraphs on each side, and
/// harder variants of them.
public struct AlignmentDocument: Sendable {
    public let name: String
    public let arabicLines: [String]
    public let englishLines: [String]
    /// The paragraph of each line: the headline alone, then three lines a paragraph, the same
    /// on both sides (a merged line keeps its first line's paragraph).
    public let arabicParagraphs: [Int]
    public let englishParagraphs: [Int]
    /// Pairs of (Arabic line, English line) that translate each other.
    public let gold: Set<AlignmentLink>

    /// The paragraph of line `index` of a document laid out as articles are.
    static func paragraph(of index: Int) -> Int {
        index == 0 ? 0 : 1 + (index - 1) / 3
    }
}

public struct AlignmentLink: Hashable, Sendable {
    public let arabic: Int
    public let english: Int

    public init(_ arabic: Int, _ english: Int) {
        self.arabic = arabic
        self.english = english
    }
}

/// How the pairing was made harder.
public enum AlignmentVariant: String, Sendable, CaseIterable {
    case plain
    /// About one English line in five made one sentence with the next (2-1 beads).
    case mergedEnglish = "merged English sentences"
    /// One line deleted on one side, Arabic and English in turn (1-0 and 0-1 beads).
    case deletedSentence = "one sentence deleted"
    /// Two English paragraphs made one (documents of three paragraphs or more).
    case mergedEnglishParagraphs = "English paragraphs merged"
    /// One Arabic paragraph left out (documents of three paragraphs or more).
    case deletedArabicParagraph = "Arabic paragraph deleted"
}

/// How a document's paragraphs are laid out as text.
public enum AlignmentLayout: String, Sendable, CaseIterable {
    /// A blank line between paragraphs.
    case blankLines = "blank lines"
    /// One paragraph a line, as word processors and web pages save text.
    case lines = "one paragraph a line"
}

/// Precision, recall and F1 of predicted links against the known ones.
public struct AlignmentScore: Sendable {
    public var correct = 0
    public var predicted = 0
    public var gold = 0

    public init() {}

    public var precision: Double { predicted == 0 ? 0 : Double(correct) / Double(predicted) }
    public var recall: Double { gold == 0 ? 0 : Double(correct) / Double(gold) }
    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

    public mutating func add(predicted links: Set<AlignmentLink>, gold: Set<AlignmentLink>) {
        correct += links.intersection(gold).count
        predicted += links.count
        self.gold += gold.count
    }
}

public enum AlignmentCorpus {
    /// NTREX-128's documents with a line-by-line pairing.
    public static func ntrex(dataRoot: URL) throws -> [AlignmentDocument] {
        let folder = dataRoot.appendingPathComponent("ntrex128")
        let ids = try SegmentationCorpus.readLines(folder.appendingPathComponent("DOCUMENT_IDS.tsv"))
        let arabic = try SegmentationCorpus.readLines(folder.appendingPathComponent("NTREX-128/newstest2019-ref.arb.txt"))
        let english = try SegmentationCorpus.readLines(folder.appendingPathComponent("NTREX-128/newstest2019-src.eng.txt"))
        return documents(ids: ids, arabic: arabic, english: english)
    }

    /// FLORES-200 devtest's articles (consecutive lines from one URL) with a line-by-line pairing.
    public static func flores(dataRoot: URL) throws -> [AlignmentDocument] {
        let folder = dataRoot.appendingPathComponent("flores/flores200_dataset")
        let arabic = try SegmentationCorpus.readLines(folder.appendingPathComponent("devtest/arb_Arab.devtest"))
        let english = try SegmentationCorpus.readLines(folder.appendingPathComponent("devtest/eng_Latn.devtest"))
        let metadata = try SegmentationCorpus.readLines(folder.appendingPathComponent("metadata_devtest.tsv")).dropFirst()
        let urls = metadata.map { String($0.split(separator: "\t", omittingEmptySubsequences: false).first ?? "") }
        return documents(ids: urls, arabic: arabic, english: english)
    }

    /// Documents of consecutive lines with the same id.
    static func documents(ids: [String], arabic: [String], english: [String]) -> [AlignmentDocument] {
        var documents: [AlignmentDocument] = []
        var start = 0
        let count = min(ids.count, arabic.count, english.count)
        while start < count {
            var end = start + 1
            while end < count, ids[end] == ids[start] { end += 1 }
            let lines = (start ..< end).filter { !arabic[$0].trimmingCharacters(in: .whitespaces).isEmpty && !english[$0].trimmingCharacters(in: .whitespaces).isEmpty }
            let paragraphs = lines.indices.map(AlignmentDocument.paragraph(of:))
            documents.append(AlignmentDocument(
                name: ids[start], arabicLines: lines.map { arabic[$0] }, englishLines: lines.map { english[$0] },
                arabicParagraphs: paragraphs, englishParagraphs: paragraphs,
                gold: Set(lines.indices.map { AlignmentLink($0, $0) })))
            start = end
        }
        return documents
    }

    /// A document made harder as `variant` says.
    public static func variant(_ document: AlignmentDocument, _ variant: AlignmentVariant, seed: UInt64) -> AlignmentDocument {
        var generator = SeededGenerator(seed: seed)
        switch variant {
        case .plain:
            return document
        case .mergedEnglish:
            var english: [String] = []
            var paragraphs: [Int] = []
            var gold = Set<AlignmentLink>()
            var line = 0
            while line < document.englishLines.count {
                paragraphs.append(document.englishParagraphs[line])
                if line + 1 < document.englishLines.count, document.englishParagraphs[line + 1] == document.englishParagraphs[line],
                   Int.random(in: 0 ..< 5, using: &generator) == 0 {
                    // One sentence, not two side by side: the first one's full stop becomes a semicolon.
                    var first = document.englishLines[line].trimmingCharacters(in: .whitespaces)
                    if let last = first.last, ".!?".contains(last) { first.removeLast() }
                    english.append(first + "; " + document.englishLines[line + 1])
                    gold.insert(AlignmentLink(line, english.count - 1))
                    gold.insert(AlignmentLink(line + 1, english.count - 1))
                    line += 2
                } else {
                    english.append(document.englishLines[line])
                    gold.insert(AlignmentLink(line, english.count - 1))
                    line += 1
                }
            }
            return AlignmentDocument(name: document.name, arabicLines: document.arabicLines, englishLines: english,
                                     arabicParagraphs: document.arabicParagraphs, englishParagraphs: paragraphs, gold: gold)
        case .deletedSentence:
            guard document.arabicLines.count > 2 else { return document }
            let removed = Int.random(in: 0 ..< document.arabicLines.count, using: &generator)
            let fromArabic = seed % 2 == 0
            var arabic = document.arabicLines, english = document.englishLines
            var arabicParagraphs = document.arabicParagraphs, englishParagraphs = document.englishParagraphs
            if fromArabic {
                arabic.remove(at: removed)
                arabicParagraphs.remove(at: removed)
            } else {
                english.remove(at: removed)
                englishParagraphs.remove(at: removed)
            }
            var gold = Set<AlignmentLink>()
            for line in document.arabicLines.indices where line != removed {
                let shifted = line > removed ? line - 1 : line
                gold.insert(fromArabic ? AlignmentLink(shifted, line) : AlignmentLink(line, shifted))
            }
            return AlignmentDocument(name: document.name, arabicLines: arabic, englishLines: english,
                                     arabicParagraphs: arabicParagraphs, englishParagraphs: englishParagraphs, gold: gold)
        case .mergedEnglishParagraphs:
            let count = Set(document.englishParagraphs).count
            guard count >= 3 else { return document }
            let merged = Int.random(in: 1 ..< count, using: &generator)
            let paragraphs = document.englishParagraphs.map { $0 >= merged ? $0 - 1 : $0 }
            return AlignmentDocument(name: document.name, arabicLines: document.arabicLines, englishLines: document.englishLines,
                                     arabicParagraphs: document.arabicParagraphs, englishParagraphs: paragraphs, gold: document.gold)
        case .deletedArabicParagraph:
            let count = Set(document.arabicParagraphs).count
            guard count >= 3 else { return document }
            let removed = Int.random(in: 0 ..< count, using: &generator)
            let kept = document.arabicLines.indices.filter { document.arabicParagraphs[$0] != removed }
            var gold = Set<AlignmentLink>()
            for (shifted, line) in kept.enumerated() {
                for link in document.gold where link.arabic == line { gold.insert(AlignmentLink(shifted, link.english)) }
            }
            return AlignmentDocument(name: document.name, arabicLines: kept.map { document.arabicLines[$0] },
                                     englishLines: document.englishLines, arabicParagraphs: kept.map { document.arabicParagraphs[$0] },
                                     englishParagraphs: document.englishParagraphs, gold: gold)
        }
    }

    /// The lines joined into a text, a blank line between paragraphs or a paragraph a line; and
    /// where each line is in it (Unicode scalars).
    public static func joined(_ lines: [String], paragraphs: [Int], layout: AlignmentLayout = .blankLines) -> (text: String, ranges: [Range<Int>]) {
        let separator = layout == .blankLines ? "\n\n" : "\n"
        var text = ""
        var ranges: [Range<Int>] = []
        var offset = 0
        for (index, line) in lines.enumerated() {
            if !text.isEmpty {
                let breaksParagraph = paragraphs[index] != paragraphs[index - 1]
                text += breaksParagraph ? separator : " "
                offset += breaksParagraph ? separator.unicodeScalars.count : 1
            }
            let length = line.unicodeScalars.count
            ranges.append(offset ..< offset + length)
            text += line
            offset += length
        }
        return (text, ranges)
    }

    /// The lines each segment overlaps.
    public static func lines(of segments: [Segment], in ranges: [Range<Int>]) -> [[Int]] {
        segments.map { segment in ranges.indices.filter { ranges[$0].overlaps(segment.start ..< segment.end) } }
    }

    /// The links between segments that the known pairing of lines implies: two segments are
    /// linked when some line of one translates some line of the other.
    public static func segmentGold(_ gold: Set<AlignmentLink>, arabicLines: [[Int]], englishLines: [[Int]]) -> Set<AlignmentLink> {
        var links = Set<AlignmentLink>()
        var englishOfLine: [Int: [Int]] = [:]
        for (segment, lines) in englishLines.enumerated() { for line in lines { englishOfLine[line, default: []].append(segment) } }
        for (segment, lines) in arabicLines.enumerated() {
            for line in lines {
                for link in gold where link.arabic == line {
                    for english in englishOfLine[link.english] ?? [] { links.insert(AlignmentLink(segment, english)) }
                }
            }
        }
        return links
    }

    /// The links between segments that aligned beads make.
    public static func segmentLinks(_ beads: [(arabic: [Int], english: [Int])]) -> Set<AlignmentLink> {
        var links = Set<AlignmentLink>()
        for bead in beads { for a in bead.arabic { for e in bead.english { links.insert(AlignmentLink(a, e)) } } }
        return links
    }

    /// The links between lines that aligned beads of segments make.
    public static func links(_ beads: [(arabic: [Int], english: [Int])], arabicLines: [[Int]], englishLines: [[Int]]) -> Set<AlignmentLink> {
        var links = Set<AlignmentLink>()
        for bead in beads {
            let arabic = Set(bead.arabic.flatMap { arabicLines[$0] })
            let english = Set(bead.english.flatMap { englishLines[$0] })
            for a in arabic { for e in english { links.insert(AlignmentLink(a, e)) } }
        }
        return links
    }
}
