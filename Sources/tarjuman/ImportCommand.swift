import ArgumentParser
import Foundation
import TarjumanCore

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Segment Arabic text files and store them as documents of sentence units.",
        discussion: "A folder imports every .txt file in it. All files are stored, or none."
    )

    @OptionGroup var store: StoreOptions

    @Argument(help: "UTF-8 text files or folders of them; - reads standard input.")
    var files: [String]

    @Option(help: "sentence (default) or clause.")
    var granularity: SegmentGranularity = .sentence

    func run() throws {
        let segmenter = try SentenceSegmenter(granularity: granularity)
        var documents: [(source: SourceText, segments: [Segment])] = []
        for path in try Self.expand(files) {
            let source = try SourceText(contentsOf: path)
            documents.append((source, segmenter.segment(source.text)))
        }
        let outcomes = try store.openStore(create: true).importDocuments(documents)
        for outcome in outcomes {
            if outcome.alreadyPresent {
                Output.print("\(outcome.name): already imported as document \(outcome.document) (\(outcome.unitCount) units); nothing added")
            } else {
                Output.print("\(outcome.name): document \(outcome.document), \(outcome.unitCount) units")
            }
        }
    }

    /// Files as given, folders replaced by the .txt files in them, in name order.
    static func expand(_ paths: [String]) throws -> [String] {
        var result: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            if path != "-", FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                let names = try FileManager.default.contentsOfDirectory(atPath: path)
                    .filter { $0.hasSuffix(".txt") && !$0.hasPrefix(".") }
                    .sorted()
                guard !names.isEmpty else { throw ValidationError("\(path): no .txt files in this folder") }
                result += names.map { URL(fileURLWithPath: path).appendingPathComponent($0).path }
            } else {
                result.append(path)
            }
        }
        return result
    }
}
