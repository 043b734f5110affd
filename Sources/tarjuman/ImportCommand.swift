import ArgumentParser
import Foundation
import TarjumanCore

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Store Arabic text files as documents of sentence units, or load TMX translation memories.",
        discussion: """
            A folder imports every .txt and .tmx file in it. All files are stored, or none.
            TMX (by extension or content): new Arabic sources become units with their English; a known source with
            another English gets it as a new rendering; the same source and English again is a duplicate.
            """
    )

    @OptionGroup var store: StoreOptions

    @Argument(help: "UTF-8 text files or folders of them; - reads standard input.")
    var files: [String]

    @Option(help: "sentence (default) or clause.")
    var granularity: SegmentGranularity = .sentence

    func run() throws {
        let paths = try Self.expand(files)
        let tmx = paths.filter(TMXImporter.isTMX(path:))
        if !tmx.isEmpty {
            guard tmx.count == paths.count else {
                throw ValidationError("give text files or TMX files, not both in one command")
            }
            try importTMX(tmx)
            return
        }
        let segmenter = try SentenceSegmenter(granularity: granularity)
        var documents: [(source: SourceText, segments: [Segment])] = []
        for path in paths {
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

    func importTMX(_ paths: [String]) throws {
        let outcomes = try TMXImporter(database: store.openStore(create: true).database).importFiles(paths)
        for outcome in outcomes {
            var line = "\(outcome.file): \(outcome.read) units read, \(outcome.added) added, \(outcome.newRenderings) new renderings of known units, \(outcome.duplicates) duplicates"
            let skipped = TMXSkipReason.allCases.compactMap { reason in outcome.skipped[reason].map { "\($0) \(reason.rawValue)" } }
            line += ", \(outcome.skipped.values.reduce(0, +)) skipped" + (skipped.isEmpty ? "" : " (" + skipped.joined(separator: ", ") + ")")
            if outcome.droppedCodes > 0 { line += "; \(outcome.droppedCodes) inline codes left out" }
            Output.print(line)
        }
    }

    /// Files as given, folders replaced by the .txt and .tmx files in them, in name order.
    static func expand(_ paths: [String]) throws -> [String] {
        var result: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            if path != "-", FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                let names = try FileManager.default.contentsOfDirectory(atPath: path)
                    .filter { ($0.hasSuffix(".txt") || $0.lowercased().hasSuffix(".tmx")) && !$0.hasPrefix(".") }
                    .sorted()
                guard !names.isEmpty else { throw ValidationError("\(path): no .txt or .tmx files in this folder") }
                result += names.map { URL(fileURLWithPath: path).appendingPathComponent($0).path }
            } else {
                result.append(path)
            }
        }
        return result
    }
}
