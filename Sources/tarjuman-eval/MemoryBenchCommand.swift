import ArgumentParser
import Foundation
import TarjumanCore
import TarjumanEvaluation

struct MemoryBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-memory",
        abstract: "Translation memory at scale: import, exact and fuzzy match latency, agreement with a brute-force scan.",
        discussion: """
            Build with -c release. Builds a memory from the shared corpora (FLORES, NTREX, Tatoeba, TICO-19):
            the real pairs, then halves of two sentences joined (both languages), a third of them with a number
            changed, all distinct. Imports it in one command-sized transaction (documents of 25 units), then
            times exact matches (real sentences) and fuzzy matches (real sentences with one or two words
            dropped, replaced or added, or a number changed), and compares each fuzzy query's top score with
            a brute-force scan of every unit.
            With --files the memory is written as a TSV and a TMX file instead and each is imported into a memory
            of a new database by `tarjuman import` (a child process, so the peak memory is its own); matches
            are then timed on the database imported from TMX. `--units 10000000 --files` is the 10-million-entry run.
            """
    )

    @OptionGroup var data: DataOptions

    @Option(help: "Units in the memory.")
    var units = 1_000_000

    @Option(help: "Queries of each kind.")
    var queries = 1_000

    @Option(help: "Minimum fuzzy score of the timed queries.")
    var minimum = 70

    @Option(help: "Queries checked against the brute-force scan (0 to skip).")
    var bruteForce = 1_000

    @Option(help: "Keep the database at this path instead of a temporary folder.")
    var keep: String?

    @Flag(help: "Time matches on the database --keep names, made by an earlier run, without importing.")
    var reuse = false

    @Flag(help: "Import through memory files (TSV, then TMX) with tarjuman import, instead of storing pairs as documents.")
    var files = false

    func run() throws {
        let root = try data.requireData()
        let real = try ParallelCorpus.all(dataRoot: root).flatMap(\.pairs)
        var pairs = SyntheticMemory.pairs(from: real, count: units)
        let count = pairs.count
        print("memory: \(count) distinct units built from \(real.count) real pairs")

        let folder = try benchmarkFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = keep ?? folder.appendingPathComponent("memory.sqlite").path
        let database: TarjumanDatabase
        if reuse {
            guard keep != nil else { throw ValidationError("--reuse times the database that --keep names") }
            database = try TarjumanDatabase.open(path: path, create: false)
        } else if files {
            database = try importFiles(&pairs, folder: folder, path: path)
        } else {
            database = try TarjumanDatabase.open(path: path, create: true)
            let store = TranslationStore(database: database)
            let documents = SyntheticMemory.documents(pairs)
            let importStart = DispatchTime.now().uptimeNanoseconds
            let cpuStart = cpuSeconds()
            _ = try store.importPairDocuments(documents, origin: "benchmark")
            let importSeconds = seconds(since: importStart)
            let importCPU = cpuSeconds() - cpuStart
            try database.writer.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            print("import: \(count) units in \(format(importSeconds)) s = \(Int(Double(count) / importSeconds)) units/s (CPU \(format(importCPU)) s); database \(size / 1_000_000) MB")
        }

        let matcher = MemoryMatcher(database: database)
        var generator = SeededGenerator(seed: 3)
        let exactQueries = (0 ..< queries).map { _ in real[Int.random(in: 0 ..< real.count, using: &generator)].source }
        var exactLatencies: [Double] = []
        var exactFound = 0
        for query in exactQueries {
            let start = DispatchTime.now().uptimeNanoseconds
            let found = try matcher.matches(for: query, minimum: 100, limit: 1)
            exactLatencies.append(seconds(since: start) * 1000)
            if found.first?.score == 100 { exactFound += 1 }
        }
        print("exact: \(exactFound)/\(exactQueries.count) found; \(percentiles(exactLatencies))")

        let fuzzyQueries = SyntheticMemory.queries(from: real, count: queries)
        var fuzzyLatencies: [Double] = []
        var topScores: [Int] = []
        for query in fuzzyQueries {
            let start = DispatchTime.now().uptimeNanoseconds
            let found = try matcher.matches(for: query, minimum: minimum, limit: 5)
            fuzzyLatencies.append(seconds(since: start) * 1000)
            topScores.append(found.first?.score ?? 0)
        }
        let bands = [(95, 101), (85, 95), (75, 85), (minimum, 75)].map { low, high in topScores.count { $0 >= low && $0 < high } }
        print("fuzzy (minimum \(minimum), limit 5): \(percentiles(fuzzyLatencies)); top score 95-100: \(bands[0]), 85-94: \(bands[1]), 75-84: \(bands[2]), \(minimum)-74: \(bands[3]), none: \(topScores.count { $0 == 0 })")
        print("peak memory after matching: \(peakMegabytes()) MB")

        guard bruteForce > 0 else { return }
        if pairs.isEmpty { pairs = SyntheticMemory.pairs(from: real, count: units) }
        var reference = BruteForceMemory()
        for pair in pairs { reference.add(key: ArabicSearchKey.key(pair.source)) }
        let checked = Array(fuzzyQueries.prefix(bruteForce))
        let bruteStart = DispatchTime.now().uptimeNanoseconds
        let results = ScoreBoard(count: checked.count)
        let scan = reference
        DispatchQueue.concurrentPerform(iterations: checked.count) { index in
            results.set(index, scan.bestScore(for: ArabicSearchKey.key(checked[index])))
        }
        let best = results.values
        var agree = 0
        var disagreements: [String] = []
        for index in checked.indices {
            let expected = best[index] >= minimum ? best[index] : 0
            if expected == topScores[index] {
                agree += 1
            } else if disagreements.count < 5 {
                disagreements.append("  query \(index): index \(topScores[index]), brute force \(expected)")
            }
        }
        print("agreement with brute force (top-1 score, minimum \(minimum)): \(agree)/\(checked.count) = \(format(Double(agree) / Double(checked.count))) (brute force took \(format(seconds(since: bruteStart))) s)")
        disagreements.forEach { print($0) }
    }

    /// Writes the pairs as a TSV and a TMX file (then lets them go), imports each into a new
    /// database with `tarjuman import`, and returns the database imported from TMX.
    func importFiles(_ pairs: inout [TranslationPair], folder: URL, path: String) throws -> TarjumanDatabase {
        let count = pairs.count
        let tsv = folder.appendingPathComponent("memory.tsv"), tmx = folder.appendingPathComponent("memory.tmx")
        try MemoryFiles.write(pairs, tsv: tsv, tmx: tmx)
        pairs = []
        let tsvSize = (try? FileManager.default.attributesOfItem(atPath: tsv.path)[.size] as? Int) ?? 0
        let tmxSize = (try? FileManager.default.attributesOfItem(atPath: tmx.path)[.size] as? Int) ?? 0
        print("files: TSV \(tsvSize / 1_000_000) MB, TMX \(tmxSize / 1_000_000) MB")
        let tsvPath = folder.appendingPathComponent("from-tsv.sqlite").path
        for (label, file, database) in [("TSV", tsv, tsvPath), ("TMX", tmx, path)] {
            let child = try ChildProcess.run(ChildProcess.binary("tarjuman"), ["import", file.path, "--db", database, "--memory", "bench"])
            let size = (try? FileManager.default.attributesOfItem(atPath: database)[.size] as? Int) ?? 0
            print("\(label) import (tarjuman import): \(count) entries in \(format(child.seconds)) s = \(Int(Double(count) / child.seconds)) entries/s, "
                + "peak memory \(child.peakMegabytes) MB; database \(size / 1_000_000) MB = \(format(Double(size) / Double(max(tsvSize, 1)))) × the TSV\n  "
                + child.output.trimmingCharacters(in: .whitespacesAndNewlines))
            try? FileManager.default.removeItem(at: file)
        }
        // The TSV reader skips rows whose source has no Arabic letter (the TMX reader goes by the
        // language tags): matches are timed on the memory imported from TMX, which has every pair.
        try? FileManager.default.removeItem(atPath: tsvPath)
        return try TarjumanDatabase.open(path: path, create: false)
    }

    func seconds(since start: UInt64) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    func percentiles(_ milliseconds: [Double]) -> String {
        let sorted = milliseconds.sorted()
        func at(_ fraction: Double) -> String { format(sorted[min(sorted.count - 1, Int(Double(sorted.count) * fraction))]) }
        return "p50 \(at(0.5)) ms, p95 \(at(0.95)) ms, p99 \(at(0.99)) ms, max \(format(sorted.last ?? 0)) ms"
    }

    /// User and system CPU time of the process so far.
    func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    func peakMegabytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return 0 }
        return (Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0) / 1024
    }
}

/// Scores written from several threads, one slot each.
final class ScoreBoard: @unchecked Sendable {
    private let lock = NSLock()
    private var scores: [Int]

    init(count: Int) {
        scores = Array(repeating: 0, count: count)
    }

    func set(_ index: Int, _ score: Int) {
        lock.lock()
        scores[index] = score
        lock.unlock()
    }

    var values: [Int] {
        lock.lock()
        defer { lock.unlock() }
        return scores
    }
}
