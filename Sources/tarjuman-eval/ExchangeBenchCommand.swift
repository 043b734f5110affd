import ArgumentParser
import Foundation
import TarjumanCore
import TarjumanEvaluation

struct ExchangeBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-exchange",
        abstract: "TMX and TSV export and import speed and memory, TMX against xmllint --stream.",
        discussion: """
            Build with -c release. Builds a memory from the shared corpora as bench-memory does, exports it as
            TMX, and imports that file into a new database with the tarjuman binary beside this one (a child
            process, so its peak memory is its own); then does the same for a smaller TMX and times
            `xmllint --stream --noout` on it for comparison.
            """
    )

    @OptionGroup var data: DataOptions

    @Option(help: "Units of the large memory (export and import).")
    var units = 1_000_000

    @Option(help: "Units of the TMX compared with xmllint.")
    var tmxUnits = 130_000

    @Option(help: "Write the files to this folder and keep them (default: a temporary folder, removed).")
    var keep: String?

    func run() throws {
        let root = try data.requireData()
        let real = try ParallelCorpus.all(dataRoot: root).flatMap(\.pairs)
        let folder = try keep.map { path in
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            return URL(fileURLWithPath: path)
        } ?? benchmarkFolder()
        defer { if keep == nil { try? FileManager.default.removeItem(at: folder) } }
        for (label, count) in [("large", units), ("tmx", tmxUnits)] where count > 0 {
            let pairs = SyntheticMemory.pairs(from: real, count: count)
            let database = try TarjumanDatabase.open(path: folder.appendingPathComponent("\(label).sqlite").path, create: true)
            let documents = SyntheticMemory.documents(pairs)
            _ = try TranslationStore(database: database).importPairDocuments(documents, origin: "benchmark")
            let tmx = folder.appendingPathComponent("\(label).tmx").path
            let exportStart = DispatchTime.now().uptimeNanoseconds
            let outcome = try TMXWriter(database: database).export(to: tmx)
            let exportSeconds = seconds(since: exportStart)
            let size = (try FileManager.default.attributesOfItem(atPath: tmx)[.size] as? Int) ?? 0
            print("\(outcome.units) units: export \(format(exportSeconds)) s = \(Int(Double(outcome.units) / exportSeconds)) units/s, \(size / 1_000_000) MB")

            let child = try ChildProcess.run(ChildProcess.binary("tarjuman"), ["import", tmx, "--db", folder.appendingPathComponent("\(label)-import.sqlite").path])
            print("  import (tarjuman import, new database): \(format(child.seconds)) s = \(Int(Double(outcome.units) / child.seconds)) units/s, peak memory \(child.peakMegabytes) MB; \(child.output.trimmingCharacters(in: .whitespacesAndNewlines))")
            let tsv = folder.appendingPathComponent("\(label).tsv").path
            let tsvStart = DispatchTime.now().uptimeNanoseconds
            let tsvOutcome = try DelimitedMemory.export(database, to: tsv, separator: "\t")
            let tsvSeconds = seconds(since: tsvStart)
            print("  TSV export: \(format(tsvSeconds)) s = \(Int(Double(tsvOutcome.units) / tsvSeconds)) units/s")
            let tsvChild = try ChildProcess.run(ChildProcess.binary("tarjuman"), ["import", tsv, "--db", folder.appendingPathComponent("\(label)-tsv.sqlite").path])
            print("  TSV import (tarjuman import, new database): \(format(tsvChild.seconds)) s = \(Int(Double(tsvOutcome.units) / tsvChild.seconds)) units/s, peak memory \(tsvChild.peakMegabytes) MB")
            if label == "tmx", FileManager.default.isExecutableFile(atPath: "/usr/bin/xmllint") {
                let xmllint = try ChildProcess.run(URL(fileURLWithPath: "/usr/bin/xmllint"), ["--stream", "--noout", tmx])
                print("  xmllint --stream --noout: \(format(xmllint.seconds)) s, peak memory \(xmllint.peakMegabytes) MB; import / xmllint = \(format(child.seconds / xmllint.seconds))")
            }
        }
    }

    func seconds(since start: UInt64) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}
