import ArgumentParser
import Foundation
import TarjumanCore

struct SegmentEvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Sentence boundary precision, recall and F1 on FLORES and NTREX documents.",
        discussion: """
            Each document's reference sentences are joined into one paragraph and segmented again;
            boundaries at paragraph ends are not counted. ICU alone and LanguageTool's SRX rules
            (through Scripts/srx_boundaries.py, when choppa-srx is installed) are shown beside Tarjuman.
            """
    )

    @OptionGroup var data: DataOptions

    @Option(help: "Print up to this many missed and spurious boundaries per corpus, for reading.")
    var showErrors = 0

    @Flag(help: "With --show-errors, only the errors ICU alone does not make.")
    var onlyNew = false

    @Flag(help: "Do not run LanguageTool's SRX rules.")
    var noSRX = false

    @Option(help: "Python interpreter for the SRX baseline.")
    var python = "python3"

    func run() throws {
        let root = try data.requireData()
        let corpora = [try SegmentationCorpus.flores(dataRoot: root), try SegmentationCorpus.ntrex(dataRoot: root)]
        let tarjuman = try SentenceSegmenter()
        let icu = try SentenceSegmenter(appliesArabicRules: false)
        print("corpus               documents  boundaries  system     precision  recall  F1")
        for corpus in corpora {
            let joined = corpus.documents.map(SegmentationCorpus.join)
            let reference = joined.reduce(0) { $0 + $1.boundaries.count }
            var systems: [(String, [Set<Int>])] = [
                ("ICU alone", joined.map { Set(icu.segment($0.text).dropFirst().map(\.start)) }),
                ("Tarjuman", joined.map { Set(tarjuman.segment($0.text).dropFirst().map(\.start)) }),
            ]
            if !noSRX {
                if let srx = try srxStarts(joined.map(\.text)) {
                    systems.insert(("LT SRX", srx), at: 1)
                } else {
                    print("(LanguageTool SRX skipped: pip install choppa-srx to include it)")
                }
            }
            for (name, predictions) in systems {
                var score = BoundaryScore()
                for (document, predicted) in zip(joined, predictions) {
                    score.add(predicted: predicted, reference: document.boundaries)
                }
                let label = corpus.name.padding(toLength: 20, withPad: " ", startingAt: 0)
                print("\(label) \(String(corpus.documents.count).leftPadded(9))  \(String(reference).leftPadded(10))  \(name.padding(toLength: 9, withPad: " ", startingAt: 0))  \(format(score.precision).leftPadded(9))  \(format(score.recall).leftPadded(6))  \(format(score.f1))")
            }
            if showErrors > 0 {
                printErrors(joined, predictions: systems.first { $0.0 == "Tarjuman" }!.1,
                            baseline: onlyNew ? systems.first { $0.0 == "ICU alone" }!.1 : nil)
            }
        }
    }

    func printErrors(_ joined: [(text: String, boundaries: Set<Int>)], predictions: [Set<Int>], baseline: [Set<Int>]?) {
        var shown = 0
        for (index, (document, predicted)) in zip(joined, predictions).enumerated() {
            let scalars = Array(document.text.unicodeScalars)
            var errors = predicted.symmetricDifference(document.boundaries)
            if let baseline { errors.subtract(baseline[index].symmetricDifference(document.boundaries)) }
            for boundary in errors.sorted() {
                guard shown < showErrors else { return }
                shown += 1
                let kind = predicted.contains(boundary) ? "spurious" : "missed  "
                let before = String(String.UnicodeScalarView(scalars[max(0, boundary - 50) ..< boundary]))
                let after = String(String.UnicodeScalarView(scalars[boundary ..< min(scalars.count, boundary + 30)]))
                print("  \(kind) …\(before) ‖ \(after)…")
            }
        }
    }

    /// LanguageTool's SRX sentence starts, or nil when choppa-srx is not installed.
    func srxStarts(_ paragraphs: [String]) throws -> [Set<Int>]? {
        let script = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Scripts/srx_boundaries.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python, script.path]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        // Without choppa-srx the script exits at once: writing to it must fail, not kill us.
        signal(SIGPIPE, SIG_IGN)
        try process.run()
        let writer = Thread {
            try? input.fileHandleForWriting.write(contentsOf: (try? JSONEncoder().encode(paragraphs)) ?? Data())
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return try JSONDecoder().decode([[Int]].self, from: data).map(Set.init)
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
