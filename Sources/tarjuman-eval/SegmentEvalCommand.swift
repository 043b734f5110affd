import ArgumentParser
import Foundation
import TarjumanCore
import TarjumanEvaluation

struct SegmentEvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Sentence boundary precision, recall and F1 on FLORES and NTREX documents.",
        discussion: """
            Each document's reference sentences are joined into one paragraph and segmented again;
            boundaries at paragraph ends are not counted. The same paragraphs hard-wrapped at 60 and 72
            characters (spaces become line breaks, so offsets stay) are segmented with --paragraphs auto too. ICU alone and LanguageTool's SRX rules
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
            for width in [60, 72] {
                let results = joined.map { tarjuman.segmentation(Self.wrap($0.text, width: width)) }
                let asLines = results.filter { $0.layout.layout == .lines && $0.segments.count > 1 }.count
                if asLines > 0 { print("(wrapped at \(width): \(asLines) of \(joined.count) documents read as one paragraph a line)") }
                systems.append(("wrap \(width)", results.map { Set($0.segments.dropFirst().map(\.start)) }))
            }
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

    /// `text` with spaces turned into line breaks so that no line is longer than `width`
    /// characters (unless one word is), as a text editor wraps; offsets do not change.
    static func wrap(_ text: String, width: Int) -> String {
        var scalars = Array(text.unicodeScalars)
        var lineStart = 0
        var lastSpace: Int?
        var index = 0
        while index < scalars.count {
            if scalars[index] == " " { lastSpace = index }
            if index - lineStart >= width, let space = lastSpace, space > lineStart {
                scalars[space] = "\n"
                lineStart = space + 1
                lastSpace = nil
            }
            index += 1
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
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
