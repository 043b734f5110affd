import ArgumentParser
import Foundation
import TarjumanCore
import TarjumanEvaluation

struct CheckBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-check",
        abstract: "Time tarjuman check over a large memory (build with -c release).",
        discussion: """
            Builds a memory as bench-memory does (real pairs from the shared corpora and recombinations of them),
            loads the shipped glossaries, and times every check over it.
            """
    )

    @OptionGroup var memory: BenchmarkMemoryOptions

    func run() throws {
        let folder = try benchmarkFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (database, terms, _) = try memory.open(in: folder)
        let start = DispatchTime.now().uptimeNanoseconds
        let report = try QAChecker(database: database).run()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        print("check over \(report.unitsChecked) units with \(terms.count) glossary entries: \(String(format: "%.1f", seconds)) s = \(Int(Double(report.unitsChecked) / seconds)) units/s on \(ProcessInfo.processInfo.activeProcessorCount) cores; \(report.findings.count) findings")
        var counts: [QACheck: Int] = [:]
        for finding in report.findings { counts[finding.check, default: 0] += 1 }
        print(QACheck.allCases.compactMap { check in counts[check].map { "\(check.rawValue) \($0)" } }.joined(separator: ", "))
    }
}

/// The large memory the check and terms benchmarks run over.
struct BenchmarkMemoryOptions: ParsableArguments {
    @OptionGroup var data: DataOptions

    @Option(help: "Units in the memory.")
    var units = 1_000_000

    @Option(help: "Keep the memory in this database file (built when absent) instead of a temporary one.")
    var database: String?

    @Option(help: "The folder of shipped glossaries.")
    var glossaries = "Glossaries"

    /// The memory (in `folder` unless --database names a file), built when absent: pairs as
    /// bench-memory makes them, and the shipped glossaries.
    func open(in folder: URL) throws -> (database: TarjumanDatabase, terms: [Term], path: String) {
        let path = database ?? folder.appendingPathComponent("memory.sqlite").path
        let existing = FileManager.default.fileExists(atPath: path)
        let opened = try TarjumanDatabase.open(path: path, create: true)
        let terms = try shippedGlossaryTerms(in: glossaries)
        if !existing {
            let real = try ParallelCorpus.all(dataRoot: data.requireData()).flatMap(\.pairs)
            let pairs = SyntheticMemory.pairs(from: real, count: units)
            _ = try TranslationStore(database: opened).importPairDocuments(SyntheticMemory.documents(pairs), origin: "benchmark")
            _ = try GlossaryStore(database: opened).importTerms(terms)
        }
        return (opened, terms, path)
    }
}
