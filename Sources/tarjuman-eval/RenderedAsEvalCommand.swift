import ArgumentParser
import Foundation
import TarjumanCore
import TarjumanEvaluation

struct RenderedAsEvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rendered-as",
        abstract: "Precision at 1 of lookup's \"rendered as\" with no glossary loaded: word alignment, eflomal and the phrase guess.",
        discussion: """
            Loads FLORES-200 devtest, NTREX-128, Tatoeba and TICO-19 as one memory with no glossary. For every entry of
            the shipped glossaries whose term occurs in at least --minimum rendered units, looks the term up and scores
            the first "rendered as" against the entry's English forms (approved and alternatives): first with no
            alignment model (the phrase guess), then after `train`, then with eflomal's links (if eflomal-align is
            installed) over the same tokens, symmetrized and counted the same way.
            """
    )

    @OptionGroup var data: DataOptions

    @Option(help: "Rendered occurrences a term needs to be scored.")
    var minimum = 3

    @Option(help: "The folder of shipped glossaries.")
    var glossaries = "Glossaries"

    @Option(help: "Print this many misses of each method.")
    var misses = 0

    @Flag(help: "Skip eflomal.")
    var noEflomal = false

    @Option(help: "Print the tokens, links and spans of each unit of this term, after training (for reading them).")
    var show: String?

    func run() throws {
        let root = try data.requireData()
        let corpora = try ParallelCorpus.all(dataRoot: root)
        let pairs = corpora.flatMap(\.pairs)
        var gold: [String: (term: String, forms: [String])] = [:]
        for term in try shippedGlossaryTerms(in: glossaries) {
            gold[term.searchKey, default: (term.arabic, [])].forms += [term.english] + term.alternatives
        }
        print("\(pairs.count) pairs from \(corpora.map { "\($0.name) (\($0.pairs.count))" }.joined(separator: ", ")); \(gold.count) glossary terms")
        let folder = try benchmarkFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try TarjumanDatabase.open(path: folder.appendingPathComponent("memory.sqlite").path, create: true)
        try CheckEvaluation.importMemoryRows(pairs, into: database, memory: "dev")
        let search = ConcordanceSearch(database: database)

        var scored: [(key: String, term: String, forms: [String], lines: [ConcordanceLine], guess: String?)] = []
        for (key, entry) in gold.sorted(by: { $0.key < $1.key }) {
            let concordance = try search.lookup(entry.term)
            guard concordance.lines.count { $0.rendering != nil } >= minimum else { continue }
            scored.append((key, entry.term, entry.forms, concordance.lines, concordance.renderings.first?.text))
        }
        var guess = RenderingEvaluation.Score()
        for item in scored { guess.add(top: item.guess, gold: item.forms) }

        let status = try WordAlignmentStore(database: database).train()
        print(String(format: "trained on %d pairs in %.1f s", status.pairs, status.seconds))
        var aligned = RenderingEvaluation.Score()
        var alignedTops: [String?] = []
        for item in scored {
            let top = try search.lookup(item.term).renderings.first?.text
            alignedTops.append(top)
            aligned.add(top: top, gold: item.forms)
        }

        if let show {
            let concordance = try search.lookup(show)
            let lexicon = try WordAlignmentStore(database: database).lexicon(for: concordance.lines.compactMap { line in line.rendering.map { (line.source, $0) } })
            for line in concordance.lines.prefix(20) {
                guard let english = line.rendering, let lexicon else { continue }
                let arabicTokens = AlignmentTokenizer.arabic(line.source, splitter: lexicon.splitter)
                let englishTokens = AlignmentTokenizer.english(english)
                let alignment = lexicon.align(arabic: arabicTokens, english: englishTokens)
                print("\n" + arabicTokens.enumerated().map { "\($0)\($1.text)" }.joined(separator: " "))
                print(englishTokens.enumerated().map { "\($0)\($1.text)" }.joined(separator: " "))
                print(alignment.links.map { "\($0.arabic)-\($0.english)" }.joined(separator: " "))
                print("spans: \(line.spans.map { $0?.text ?? "-" })")
            }
        }

        var rows: [(String, RenderingEvaluation.Score, [String?])] = [
            ("phrase guess (no model)", guess, scored.map(\.guess)),
            ("word alignment (train)", aligned, alignedTops),
        ]
        if !noEflomal, let eflomal = try EflomalLinks(pairs: pairs, folder: folder) {
            var score = RenderingEvaluation.Score()
            var tops: [String?] = []
            for item in scored {
                let top = RenderingEvaluation.topRendering(lines: item.lines, splitter: eflomal.splitter) { line, _, _ in
                    eflomal.alignment(arabic: line.source, english: line.rendering ?? "")
                }
                tops.append(top)
                score.add(top: top, gold: item.forms)
            }
            rows.append(("eflomal, same spans", score, tops))
        }
        print("\nterms occurring in at least \(minimum) rendered units: \(scored.count)")
        print("method".padding(toLength: 28, withPad: " ", startingAt: 0) + "precision@1   correct  answered")
        for (name, score, _) in rows {
            print(name.padding(toLength: 28, withPad: " ", startingAt: 0) + String(format: "%10.4f  %8d  %8d", score.precision, score.correct, score.answered))
        }
        guard misses > 0 else { return }
        for (name, _, tops) in rows {
            print("\nmisses of \(name):")
            var shown = 0
            for (item, top) in zip(scored, tops) where shown < misses && !(top.map { RenderingEvaluation.isGold($0, item.forms) } ?? false) {
                print("  \(item.term) → \(top ?? "(none)")   gold: \(item.forms.joined(separator: " | "))")
                shown += 1
            }
        }
    }
}

/// eflomal's links for the corpus pairs, over the same tokens as the word aligner's.
struct EflomalLinks {
    let splitter: ArabicWordSplitter
    let index: [String: Int]
    let links: [WordAlignment]

    /// Nil when `eflomal-align` is not installed.
    init?(pairs: [TranslationPair], folder: URL) throws {
        guard let program = Self.findProgram("eflomal-align") else {
            print("eflomal-align is not installed (pip install eflomal): its row is left out")
            return nil
        }
        var frequencies: [String: Int] = [:]
        for pair in pairs { AlignmentTokenizer.arabicWords(pair.source) { frequencies[$0, default: 0] += 1 } }
        splitter = ArabicWordSplitter(frequencies: frequencies)
        var arabicLines: [String] = [], englishLines: [String] = []
        var index: [String: Int] = [:]
        for (position, pair) in pairs.enumerated() {
            func line(_ tokens: [AlignmentToken]) -> String { tokens.map { $0.text.replacingOccurrences(of: " ", with: "_") }.joined(separator: " ") }
            arabicLines.append(line(AlignmentTokenizer.arabic(pair.source, splitter: splitter)))
            englishLines.append(line(AlignmentTokenizer.english(pair.target)))
            let key = pair.source + "\u{0}" + pair.target
            if index[key] == nil { index[key] = position }
        }
        self.index = index
        let source = folder.appendingPathComponent("eflomal.ar"), target = folder.appendingPathComponent("eflomal.en")
        let forward = folder.appendingPathComponent("eflomal.fwd"), reverse = folder.appendingPathComponent("eflomal.rev")
        try (arabicLines.joined(separator: "\n") + "\n").write(to: source, atomically: true, encoding: .utf8)
        try (englishLines.joined(separator: "\n") + "\n").write(to: target, atomically: true, encoding: .utf8)
        let started = Date()
        let process = Process()
        process.executableURL = program
        process.arguments = ["-s", source.path, "-t", target.path, "-f", forward.path, "-r", reverse.path, "--overwrite"]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            print("eflomal-align failed (exit \(process.terminationStatus)): its row is left out")
            return nil
        }
        print(String(format: "eflomal aligned %d pairs in %.1f s", pairs.count, Date().timeIntervalSince(started)))
        let forwardLinks = try Self.pharaoh(forward)
        let reverseLinks = try Self.pharaoh(reverse)
        links = zip(zip(forwardLinks, reverseLinks), zip(arabicLines, englishLines)).map { links, lines in
            WordAlignment(symmetrizing: links.0, links.1, arabicCount: lines.0.split(separator: " ").count,
                          englishCount: lines.1.split(separator: " ").count)
        }
    }

    func alignment(arabic: String, english: String) -> WordAlignment? {
        index[arabic + "\u{0}" + english].map { links[$0] }
    }

    /// Links in Pharaoh format (`i-j` pairs, source first: eflomal writes both files that way).
    static func pharaoh(_ file: URL) throws -> [[WordAlignment.Link]] {
        try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { line in
            line.split(separator: " ").compactMap { pair in
                let parts = pair.split(separator: "-").compactMap { Int($0) }
                guard parts.count == 2 else { return nil }
                return WordAlignment.Link(arabic: parts[0], english: parts[1])
            }
        }
    }

    static func findProgram(_ name: String) -> URL? {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let url = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }
}
