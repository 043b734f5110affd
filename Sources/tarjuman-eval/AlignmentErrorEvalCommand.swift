import ArgumentParser
import Foundation
import TarjumanCore
import TarjumanEvaluation

struct AlignmentErrorEvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aer",
        abstract: "Alignment error rate of the word aligner on hand-aligned pairs, beside eflomal.",
        discussion: """
            Trains the word aligner on FLORES-200 devtest, NTREX-128, Tatoeba and TICO-19 together with the hand-aligned
            pairs (the usual practice for unsupervised aligners: the pairs are trained on, their links never seen),
            aligns the hand-aligned pairs, and scores the links between words against the sure and possible links
            (Och & Ney 2003). eflomal (if eflomal-align is installed) runs on the same tokens and is scored the same way.
            """
    )

    @OptionGroup var data: DataOptions

    @Option(help: "The hand-aligned pairs.")
    var fixture = "Tests/Fixtures/hand-aligned-ar-en.txt"

    @Flag(help: "Skip eflomal.")
    var noEflomal = false

    @Flag(help: "Print each pair's links beside the gold ones.")
    var verbose = false

    func run() throws {
        let text = try String(contentsOfFile: fixture, encoding: .utf8)
        let gold = try HandAlignedPair.parse(text, file: fixture)
        let corpus = try ParallelCorpus.all(dataRoot: data.requireData()).flatMap(\.pairs)
        let pairs = corpus + gold.map { TranslationPair(source: $0.arabic, target: $0.english) }
        print("\(gold.count) hand-aligned pairs (\(gold.map(\.sure.count).reduce(0, +)) sure links, \(gold.map(\.possible.count).reduce(0, +)) with the possible ones); training on \(pairs.count) pairs")

        let started = Date()
        let trained = WordAlignerTraining.train { body in for pair in pairs { body(pair.source, pair.target) } }
        print(String(format: "trained in %.1f s", Date().timeIntervalSince(started)))
        let lexicon = trained.lexicon
        var ours = AlignmentErrorRate()
        for pair in gold {
            let arabicTokens = AlignmentTokenizer.arabic(pair.arabic, splitter: lexicon.splitter)
            let englishTokens = AlignmentTokenizer.english(pair.english)
            let links = pair.wordLinks(lexicon.align(arabic: arabicTokens, english: englishTokens), arabicTokens: arabicTokens, englishTokens: englishTokens)
            ours.add(links, gold: pair)
            if verbose { Self.show(pair, links) }
        }
        var rows = [("word aligner (train)", ours)]

        if !noEflomal {
            let folder = try benchmarkFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            if let eflomal = try EflomalLinks(pairs: pairs, folder: folder) {
                var score = AlignmentErrorRate()
                for pair in gold {
                    guard let alignment = eflomal.alignment(arabic: pair.arabic, english: pair.english) else { continue }
                    let arabicTokens = AlignmentTokenizer.arabic(pair.arabic, splitter: eflomal.splitter)
                    let englishTokens = AlignmentTokenizer.english(pair.english)
                    score.add(pair.wordLinks(alignment, arabicTokens: arabicTokens, englishTokens: englishTokens), gold: pair)
                }
                rows.append(("eflomal, same tokens", score))
            }
        }
        print("aligner".padding(toLength: 24, withPad: " ", startingAt: 0) + "     AER  precision  recall   links")
        for (name, score) in rows {
            print(name.padding(toLength: 24, withPad: " ", startingAt: 0)
                  + String(format: "%8.3f  %9.3f  %6.3f  %6d", score.errorRate, score.precision, score.recall, score.predicted))
        }
    }

    static func show(_ pair: HandAlignedPair, _ links: Set<WordAlignment.Link>) {
        func text(_ set: Set<WordAlignment.Link>) -> String { set.sorted().map { "\($0.arabic)-\($0.english)" }.joined(separator: " ") }
        print("\n\(pair.arabic)\n\(pair.english)")
        print("  gold sure: \(text(pair.sure))")
        print("  aligner:   \(text(links))")
        print("  wrong:     \(text(links.subtracting(pair.possible)))   missed: \(text(pair.sure.subtracting(links)))")
    }
}
