import ArgumentParser
import Foundation
import TarjumanCore

struct CheckBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-check",
        abstract: "Time tarjuman check over a large memory (build with -c release).",
        discussion: """
            Builds a memory as bench-memory does (real pairs from the shared corpora and recombinations of them),
            loads the shipped glossaries, and times every check over it.
            """
    )

    @OptionGroup var data: DataOptions

    @Option(help: "Units in the memory.")
    var units = 1_000_000

    @Option(help: "Keep the memory in this database file (built when absent) instead of a temporary one.")
    var database: String?

    @Option(help: "The folder of shipped glossaries.")
    var glossaries = "Glossaries"

    func run() throws {
        let root = try data.requireData()
        let real = try ParallelCorpus.all(dataRoot: root).flatMap(\.pairs)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tarjuman-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = self.database ?? folder.appendingPathComponent("check.sqlite").path
        let (database, terms) = try Self.memory(at: path, units: units, real: real, glossaries: glossaries)
        let start = DispatchTime.now().uptimeNanoseconds
        let report = try QAChecker(database: database).run()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        print("check over \(report.unitsChecked) units with \(terms.count) glossary entries: \(String(format: "%.1f", seconds)) s = \(Int(Double(report.unitsChecked) / seconds)) units/s on \(ProcessInfo.processInfo.activeProcessorCount) cores; \(report.findings.count) findings")
        var counts: [QACheck: Int] = [:]
        for finding in report.findings { counts[finding.check, default: 0] += 1 }
        print(QACheck.allCases.compactMap { check in counts[check].map { "\(check.rawValue) \($0)" } }.joined(separator: ", "))
    }

    /// The benchmark memory at `path`, built when the file is absent: pairs as bench-memory makes
    /// them and the shipped glossaries.
    static func memory(at path: String, units: Int, real: [TranslationPair], glossaries: String) throws -> (TarjumanDatabase, [Term]) {
        let existing = FileManager.default.fileExists(atPath: path)
        let database = try TarjumanDatabase.open(path: path, create: true)
        var terms: [Term] = []
        for name in ["news-politics.ar-en.tsv", "countries-iso3166.ar-en.tsv"] {
            terms += try GlossaryFormat.tsv.read(SourceText(contentsOf: URL(fileURLWithPath: glossaries).appendingPathComponent(name).path), sourceName: name)
        }
        if !existing {
            let pairs = SyntheticMemory.pairs(from: real, count: units)
            _ = try TranslationStore(database: database).importPairDocuments(SyntheticMemory.documents(pairs), origin: "benchmark")
            _ = try GlossaryStore(database: database).importTerms(terms)
        }
        return (database, terms)
    }
}
