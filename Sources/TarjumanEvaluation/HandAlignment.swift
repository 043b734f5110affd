import Foundation
import TarjumanCore

/// A sentence pair aligned word by word by hand: the links a reader is sure of and those that
/// are only possible, over the words between spaces on each side.
public struct HandAlignedPair: Sendable, Equatable {
    public let arabic: String
    public let english: String
    /// Sure links, as word indices (`WordAlignment.Link` with word, not token, indices).
    public let sure: Set<WordAlignment.Link>
    /// Sure and possible links.
    public let possible: Set<WordAlignment.Link>

    /// The pairs of a hand-alignment file: three lines per pair (Arabic, English, links as
    /// `i-j` for sure and `i?j` for possible); blank lines and `#` lines are skipped.
    public static func parse(_ text: String, file: String) throws(TarjumanError) -> [HandAlignedPair] {
        var pairs: [HandAlignedPair] = []
        var pending: [(line: Int, text: String)] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = String(line).trimmingWhitespace()
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            pending.append((index + 1, trimmed))
            guard pending.count == 3 else { continue }
            pairs.append(try pair(arabic: pending[0].text, english: pending[1].text, links: pending[2].text, line: pending[2].line, file: file))
            pending = []
        }
        if let last = pending.last {
            throw .malformedFile(file: file, line: last.line, column: 1, reason: "a pair needs three lines: the Arabic, the English and the links")
        }
        return pairs
    }

    static func pair(arabic: String, english: String, links: String, line: Int, file: String) throws(TarjumanError) -> HandAlignedPair {
        let arabicWords = words(of: arabic).count, englishWords = words(of: english).count
        var sure: Set<WordAlignment.Link> = [], possible: Set<WordAlignment.Link> = []
        for field in links.split(separator: " ") {
            let isSure = field.contains("-")
            let parts = field.split(whereSeparator: { $0 == "-" || $0 == "?" }).compactMap { Int($0) }
            guard parts.count == 2, parts[0] < arabicWords, parts[1] < englishWords else {
                throw .malformedFile(file: file, line: line, column: 1,
                                     reason: "link «\(field)» is not ARABIC-ENGLISH or ARABIC?ENGLISH within \(arabicWords) and \(englishWords) words")
            }
            let link = WordAlignment.Link(arabic: parts[0], english: parts[1])
            possible.insert(link)
            if isSure { sure.insert(link) }
        }
        return HandAlignedPair(arabic: arabic, english: english, sure: sure, possible: possible)
    }

    /// The scalar ranges of the words of a line: pieces between spaces holding a letter or digit.
    public static func words(of text: String) -> [Range<Int>] {
        var words: [Range<Int>] = []
        var start: Int?
        var hasWordScalar = false
        let scalars = text.scalarArray
        for index in 0 ... scalars.count {
            if index == scalars.count || ScalarClass.isWhitespace(scalars[index].value) {
                if let begin = start, hasWordScalar { words.append(begin ..< index) }
                start = nil
                hasWordScalar = false
            } else {
                if start == nil { start = index }
                if ScalarClass.isAlphabetic(scalars[index]) || ScalarClass.isDigit(scalars[index]) { hasWordScalar = true }
            }
        }
        return words
    }

    /// An aligner's token links as links between this pair's words.
    public func wordLinks(_ alignment: WordAlignment, arabicTokens: [AlignmentToken], englishTokens: [AlignmentToken]) -> Set<WordAlignment.Link> {
        let arabicWords = Self.words(of: arabic), englishWords = Self.words(of: english)
        func word(_ token: AlignmentToken, _ words: [Range<Int>]) -> Int? {
            words.firstIndex { $0.contains(token.range.lowerBound) }
        }
        var links: Set<WordAlignment.Link> = []
        for link in alignment.links {
            guard let a = word(arabicTokens[link.arabic], arabicWords), let e = word(englishTokens[link.english], englishWords) else { continue }
            links.insert(WordAlignment.Link(arabic: a, english: e))
        }
        return links
    }
}

/// Alignment error rate over hand-aligned pairs (Och & Ney 2003): 1 − (|A∩S| + |A∩P|) / (|A| + |S|),
/// with precision |A∩P| / |A| and recall |A∩S| / |S|.
public struct AlignmentErrorRate: Sendable, Equatable {
    public private(set) var predicted = 0
    public private(set) var sure = 0
    public private(set) var predictedSure = 0
    public private(set) var predictedPossible = 0

    public init() {}

    public mutating func add(_ links: Set<WordAlignment.Link>, gold: HandAlignedPair) {
        predicted += links.count
        sure += gold.sure.count
        predictedSure += links.intersection(gold.sure).count
        predictedPossible += links.intersection(gold.possible).count
    }

    public var precision: Double { predicted == 0 ? 0 : Double(predictedPossible) / Double(predicted) }
    public var recall: Double { sure == 0 ? 0 : Double(predictedSure) / Double(sure) }
    public var errorRate: Double {
        predicted + sure == 0 ? 0 : 1 - Double(predictedSure + predictedPossible) / Double(predicted + sure)
    }
}
