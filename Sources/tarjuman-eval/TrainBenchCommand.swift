import ArgumentParser
import Foundation
import TarjumanCore

struct TrainBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-train",
        abstract: "Time word-alignment training and lookup with spans over a large memory (build with -c release).",
        discussion: """
            Builds a memory as bench-memory does (real pairs from the shared corpora and recombinations of them) with the
            shipped glossaries, looks up every glossary term with no model (the phrase guess), runs `tarjuman train` on it
            (wall time and peak memory of that process), then looks the terms up again with spans.
            """
    )

    @OptionGroup var memory: BenchmarkMemoryOptions

    func run() throws {
        let folder = try benchmarkFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let built = DispatchTime.now().uptimeNanoseconds
        let (database, terms, path) = try memory.open(in: folder)
        print(String(format: "memory of %d units ready in %.0f s", memory.units, Double(DispatchTime.now().uptimeNanoseconds - built) / 1e9))
        let search = ConcordanceSearch(database: database)
        let queries = Array(Set(terms.map(\.arabic))).sorted()
        let before = try Self.time(queries, search)
        let trained = try ChildProcess.run(ChildProcess.binary("tarjuman"), ["train", "--db", path])
        print("tarjuman train: \(String(format: "%.1f", trained.seconds)) s wall, peak \(trained.peakMegabytes) MB; \(trained.output.trimmingCharacters(in: .whitespacesAndNewlines))")
        let after = try Self.time(queries, search)
        print("lookup of \(queries.count) glossary terms (\(after.found) found in the memory):")
        print("  phrase guess, no model:   p50 \(String(format: "%.2f", before.p50)) ms, p90 \(String(format: "%.2f", before.p90)) ms, max \(String(format: "%.1f", before.max)) ms")
        print("  with spans (word aligner): p50 \(String(format: "%.2f", after.p50)) ms, p90 \(String(format: "%.2f", after.p90)) ms, max \(String(format: "%.1f", after.max)) ms")
    }

    static func time(_ queries: [String], _ search: ConcordanceSearch) throws -> (p50: Double, p90: Double, max: Double, found: Int) {
        var times: [Double] = []
        var found = 0
        for query in queries {
            let start = DispatchTime.now().uptimeNanoseconds
            let result = try search.lookup(query)
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            if !result.lines.isEmpty { found += 1 }
        }
        times.sort()
        func at(_ share: Double) -> Double { times.isEmpty ? 0 : times[min(times.count - 1, Int(share * Double(times.count)))] }
        return (at(0.5), at(0.9), times.last ?? 0, found)
    }
}
