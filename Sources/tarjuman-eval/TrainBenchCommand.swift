import ArgumentParser
import Foundation
import TarjumanCore
import TarjumanEvaluation

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

    @Flag(help: "Only time the lookups with spans, on a --database that was trained before.")
    var lookupOnly = false

    @Option(help: "With --lookup-only, list this many of the slowest lookups.")
    var slowest = 0

    func run() throws {
        let folder = try benchmarkFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let built = DispatchTime.now().uptimeNanoseconds
        let (database, terms, path) = try memory.open(in: folder)
        print(String(format: "memory of %d units ready in %.0f s", memory.units, Double(DispatchTime.now().uptimeNanoseconds - built) / 1e9))
        let search = ConcordanceSearch(database: database)
        let queries = Array(Set(terms.map(\.arabic))).sorted()
        if lookupOnly {
            guard try WordAlignmentStore(database: database).status() != nil else {
                throw ValidationError("--lookup-only needs a --database with a trained model")
            }
            let after = try Self.time(queries, search)
            print("lookup of \(queries.count) glossary terms (\(after.found.count) found in the memory):")
            print(after.line("  with spans (word aligner): "))
            for slow in after.found.sorted(by: { $0.ms > $1.ms }).prefix(slowest) {
                print(String(format: "  %8.1f ms  %6d units  ", slow.ms, slow.units) + slow.term)
            }
            return
        }
        let before = try Self.time(queries, search)
        let trained = try ChildProcess.run(ChildProcess.binary("tarjuman"), ["train", "--db", path])
        print("tarjuman train: \(String(format: "%.1f", trained.seconds)) s wall, peak \(trained.peakMegabytes) MB; \(trained.output.trimmingCharacters(in: .whitespacesAndNewlines))")
        let after = try Self.time(queries, search)
        print("lookup of \(queries.count) glossary terms (\(after.found.count) found in the memory):")
        print(before.line("  phrase guess, no model:    "))
        print(after.line("  with spans (word aligner): "))
    }

    struct Timing {
        var all: [Double] = []
        /// Times of the lookups that found the term, with its unit count.
        var found: [(ms: Double, units: Int, term: String)] = []

        static func percentile(_ times: [Double], _ share: Double) -> Double {
            let sorted = times.sorted()
            return sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(share * Double(sorted.count)))]
        }

        func line(_ name: String) -> String {
            let hits = found.map(\.ms)
            return name + String(format: "all p50 %.2f ms, p90 %.2f ms; found terms p50 %.2f ms, p90 %.2f ms, max %.1f ms",
                                 Self.percentile(all, 0.5), Self.percentile(all, 0.9), Self.percentile(hits, 0.5),
                                 Self.percentile(hits, 0.9), hits.max() ?? 0)
        }
    }

    static func time(_ queries: [String], _ search: ConcordanceSearch) throws -> Timing {
        var timing = Timing()
        for query in queries {
            let start = DispatchTime.now().uptimeNanoseconds
            let result = try search.lookup(query)
            let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
            timing.all.append(ms)
            if !result.lines.isEmpty { timing.found.append((ms, result.lines.count, query)) }
        }
        return timing
    }
}
