import ArgumentParser
import Foundation
import TarjumanCore
import TarjumanEvaluation

struct AlignEvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "align-corpus",
        abstract: "Sentence alignment on NTREX-128 and FLORES-200 documents against the galechurch package.",
        discussion: """
            Each NTREX-128 document's and FLORES-200 article's lines are joined into paragraphs (the first line alone,
            then three lines a paragraph, the same on both sides) on each side, laid out with a blank line between
            paragraphs or one paragraph a line, segmented (our Arabic segmenter, ICU's English rules, both with
            --paragraphs auto) and aligned; the links between the original lines are scored against the known pairing.
            Variants merge about one English line in five with the next, delete one line on one side, merge two
            English paragraphs into one, or delete one Arabic paragraph. galechurch
            (pip install galechurch) runs on the same segmented sentences, with its defaults and with our length
            parameters. Also times a pair of 1,000 sentences.
            """
    )

    @OptionGroup var data: DataOptions

    @Option(help: "The folder of shipped glossaries (their terms are anchors).")
    var glossaries = "Glossaries"

    @Option(help: "Try another length ratio (English/Arabic characters).")
    var ratio: Double?

    @Option(help: "Try another length variance.")
    var variance: Double?

    @Option(help: "The script that runs galechurch.")
    var script = "Scripts/galechurch_align.py"

    @Option(help: "Only this corpus: ntrex or flores.")
    var corpus: String?

    @Option(help: "How both sides' lines are read: auto (default), lines or blank-lines (every single line break a hard wrap, as before auto).")
    var paragraphs: String = "auto"

    @Option(help: "Only this layout: blank or lines.")
    var layout: String?

    func run() throws {
        let root = try data.requireData()
        let corpora = [("NTREX-128", try AlignmentCorpus.ntrex(dataRoot: root)), ("FLORES-200", try AlignmentCorpus.flores(dataRoot: root))]
            .filter { corpus == nil || $0.0.lowercased().hasPrefix(corpus!.lowercased()) }
        let terms = try shippedGlossaryTerms(in: glossaries)
        let arabicSegmenter = try SentenceSegmenter()
        let englishSegmenter = try EnglishSentenceSegmenter()
        let aligner = try SentenceAligner(terms: terms, ratio: ratio ?? SentenceAligner.meanRatio, variance: variance ?? SentenceAligner.variance)
        let plainAligner = try SentenceAligner(ratio: ratio ?? SentenceAligner.meanRatio, variance: variance ?? SentenceAligner.variance, useAnchors: false)
        for (corpusName, documents) in corpora {
        print("\(documents.count) \(corpusName) documents, \(documents.map(\.arabicLines.count).reduce(0, +)) line pairs; \(terms.count) glossary entries as anchors")
        print("Links between the original lines (line level), between the segmented sentences (sentence level) and between paragraphs (para: the file's lines when laid out one paragraph a line):")
        print("layout                variant                     aligner                          line P   line R  line F1    sent P   sent R  sent F1   para F1")
        let paragraphLayout = ParagraphLayout(rawValue: paragraphs) ?? .auto
        for layout in AlignmentLayout.allCases where self.layout == nil || (self.layout == "lines") == (layout == .lines) {
        for variant in AlignmentVariant.allCases {
            var scores: [String: (line: AlignmentScore, sentence: AlignmentScore, paragraph: AlignmentScore)] = [:]
            var order: [String] = []
            func add(_ name: String, _ beads: [(arabic: [Int], english: [Int])], _ item: Prepared) {
                if scores[name] == nil { order.append(name); scores[name] = (AlignmentScore(), AlignmentScore(), AlignmentScore()) }
                let lineLinks = AlignmentCorpus.links(beads, arabicLines: item.arabicLines, englishLines: item.englishLines)
                scores[name]!.paragraph.add(predicted: Set(lineLinks.map { AlignmentLink(item.arabicParagraphOfLine[$0.arabic], item.englishParagraphOfLine[$0.english]) }),
                                            gold: Set(item.gold.map { AlignmentLink(item.arabicParagraphOfLine[$0.arabic], item.englishParagraphOfLine[$0.english]) }))
                scores[name]!.line.add(predicted: AlignmentCorpus.links(beads, arabicLines: item.arabicLines, englishLines: item.englishLines), gold: item.gold)
                scores[name]!.sentence.add(predicted: AlignmentCorpus.segmentLinks(beads),
                                           gold: AlignmentCorpus.segmentGold(item.gold, arabicLines: item.arabicLines, englishLines: item.englishLines))
            }
            var whole: [[String: [String]]] = []
            var byParagraph: [[String: [String]]] = []
            var prepared: [Prepared] = []
            for (index, original) in documents.enumerated() {
                let document = AlignmentCorpus.variant(original, variant, seed: UInt64(index + 1))
                let arabic = AlignmentCorpus.joined(document.arabicLines, paragraphs: document.arabicParagraphs, layout: layout)
                let english = AlignmentCorpus.joined(document.englishLines, paragraphs: document.englishParagraphs, layout: layout)
                let arabicSegments = arabicSegmenter.segment(arabic.text, layout: paragraphLayout)
                let englishSegments = englishSegmenter.segment(english.text, layout: paragraphLayout)
                let item = Prepared(gold: document.gold, arabicLines: AlignmentCorpus.lines(of: arabicSegments, in: arabic.ranges),
                                    englishLines: AlignmentCorpus.lines(of: englishSegments, in: english.ranges),
                                    arabicSegments: arabicSegments, englishSegments: englishSegments,
                                    arabicParagraphOfLine: document.arabicParagraphs, englishParagraphOfLine: document.englishParagraphs)
                add("tarjuman align", aligner.align(arabic: arabicSegments, english: englishSegments).map { ($0.arabicSentences, $0.englishSentences) }, item)
                add("tarjuman, length only", plainAligner.align(arabic: arabicSegments, english: englishSegments).map { ($0.arabicSentences, $0.englishSentences) }, item)
                whole.append(["src": arabicSegments.map(\.text), "trg": englishSegments.map(\.text)])
                for block in item.paragraphBlocks() { byParagraph.append(["src": block.arabic.map { arabicSegments[$0].text }, "trg": block.english.map { englishSegments[$0].text }]) }
                prepared.append(item)
            }
            if let baseline = try? galechurch(whole, mean: 1.0, variance: 6.8),
               let tuned = try? galechurch(whole, mean: SentenceAligner.meanRatio, variance: SentenceAligner.variance),
               let blocks = try? galechurch(byParagraph, mean: 1.0, variance: 6.8) {
                var next = 0
                for (index, item) in prepared.enumerated() {
                    add("galechurch (defaults)", baseline[index], item)
                    add("galechurch (our length model)", tuned[index], item)
                    var beads: [(arabic: [Int], english: [Int])] = []
                    for block in item.paragraphBlocks() {
                        beads += blocks[next].map { bead in (bead.arabic.map { block.arabic[$0] }, bead.english.map { block.english[$0] }) }
                        next += 1
                    }
                    add("galechurch, per paragraph", beads, item)
                }
            } else {
                print("(galechurch is not installed: pip install galechurch)")
            }
            for name in order {
                let (line, sentence, paragraph) = scores[name]!
                print(layout.rawValue.padding(toLength: 22, withPad: " ", startingAt: 0)
                      + variant.rawValue.padding(toLength: 28, withPad: " ", startingAt: 0) + name.padding(toLength: 31, withPad: " ", startingAt: 0)
                      + String(format: "%9.4f%9.4f%9.4f %9.4f%9.4f%9.4f %9.4f", line.precision, line.recall, line.f1, sentence.precision, sentence.recall,
                               sentence.f1, paragraph.f1))
            }
        }
        }
        timeLargePair(documents, arabicSegmenter: arabicSegmenter, englishSegmenter: englishSegmenter, aligner: aligner)
        }
    }

    /// One document variant, segmented.
    struct Prepared {
        let gold: Set<AlignmentLink>
        let arabicLines: [[Int]]
        let englishLines: [[Int]]
        let arabicSegments: [Segment]
        let englishSegments: [Segment]
        /// The paragraph (a line of the file, in the one-paragraph-a-line layout) of each original line.
        let arabicParagraphOfLine: [Int]
        let englishParagraphOfLine: [Int]

        /// The sentences of each paragraph when both sides have as many paragraphs, else one block.
        func paragraphBlocks() -> [(arabic: [Int], english: [Int])] {
            let arabic = Dictionary(grouping: arabicSegments.indices, by: { arabicSegments[$0].paragraph })
            let english = Dictionary(grouping: englishSegments.indices, by: { englishSegments[$0].paragraph })
            guard arabic.count == english.count, Set(arabic.keys) == Set(english.keys) else {
                return [(Array(arabicSegments.indices), Array(englishSegments.indices))]
            }
            return arabic.keys.sorted().map { (arabic[$0]!, english[$0]!) }
        }
    }

    /// galechurch's beads for each block, as sentence index lists.
    func galechurch(_ blocks: [[String: [String]]], mean: Double, variance: Double) throws -> [[(arabic: [Int], english: [Int])]] {
        let request = try JSONSerialization.data(withJSONObject: ["mean": mean, "variance": variance, "blocks": blocks])
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        DispatchQueue.global().async {
            input.fileHandleForWriting.write(request)
            try? input.fileHandleForWriting.close()
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let result = try JSONSerialization.jsonObject(with: data) as? [[[Int]]] else {
            throw ValidationError("galechurch did not run")
        }
        return result.map { beads in beads.map { (Array($0[0] ..< $0[1]), Array($0[2] ..< $0[3])) } }
    }

    /// Segments and aligns a pair of about 1,000 sentences made of whole documents.
    func timeLargePair(_ documents: [AlignmentDocument], arabicSegmenter: SentenceSegmenter,
                       englishSegmenter: EnglishSentenceSegmenter, aligner: SentenceAligner) {
        var arabicLines: [String] = [], englishLines: [String] = [], paragraphs: [Int] = []
        for document in documents where arabicLines.count < 1000 {
            arabicLines += document.arabicLines
            englishLines += document.englishLines
            paragraphs += document.arabicParagraphs.map { $0 + (paragraphs.last ?? 0) + 1 }
        }
        let start = DispatchTime.now().uptimeNanoseconds
        let arabic = arabicSegmenter.segment(AlignmentCorpus.joined(arabicLines, paragraphs: paragraphs).text)
        let english = englishSegmenter.segment(AlignmentCorpus.joined(englishLines, paragraphs: paragraphs).text)
        let pairs = aligner.align(arabic: arabic, english: english)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        print(String(format: "a pair of %d Arabic and %d English sentences: segmented and aligned in %.3f s (%d pairs)",
                     arabic.count, english.count, seconds, pairs.count))
    }
}
