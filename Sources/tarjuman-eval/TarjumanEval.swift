import ArgumentParser
import Foundation
import TarjumanCore
import TarjumanEvaluation

@main
struct TarjumanEval: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tarjuman-eval",
        abstract: "Measure Tarjuman on the shared corpora: quality and speed.",
        subcommands: [SegmentEvalCommand.self, SegmentBenchCommand.self, GlossaryBenchCommand.self, MemoryBenchCommand.self, ExchangeBenchCommand.self, CheckEvalCommand.self, CheckBenchCommand.self, TermsBenchCommand.self, AlignEvalCommand.self, RenderedAsEvalCommand.self, TrainBenchCommand.self, AlignmentErrorEvalCommand.self, DocumentBenchCommand.self, TeamLoadBenchCommand.self]
    )
}

/// The `--data` option: where the shared corpora are.
struct DataOptions: ParsableArguments {
    @Option(help: "The shared data folder (default: ../shared/data).")
    var data: String = "../shared/data"

    var url: URL { URL(fileURLWithPath: data) }

    /// Fails with a clear message when the shared corpora are not there.
    func requireData() throws -> URL {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw ValidationError("\(data): the shared data folder is absent; pass --data PATH")
        }
        return url
    }
}

func format(_ value: Double) -> String {
    String(format: "%.4f", value)
}

/// A new temporary folder for a benchmark's files (the caller removes it).
func benchmarkFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tarjuman-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}

/// The entries of the shipped news and country glossaries (TSV) in `folder`.
func shippedGlossaryTerms(in folder: String) throws -> [Term] {
    try ["news-politics.ar-en.tsv", "countries-iso3166.ar-en.tsv"].flatMap { name in
        try GlossaryFormat.tsv.read(SourceText(contentsOf: URL(fileURLWithPath: folder).appendingPathComponent(name).path), sourceName: name)
    }
}
