import ArgumentParser
import Foundation
import TarjumanCore
import TarjumanEvaluation

struct GlossaryBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-glossary",
        abstract: "Glossary lookup speed: FreeDict's Arabic headwords as the glossary, over about 1 MB of Arabic.",
        discussion: """
            Build with -c release. Imports ../shared/data/glossary-sources/freedict-ara-eng.tsv (one entry per
            Arabic headword, its first sense as the rendering) into a new database, times loading it back
            and building the matcher (the glossary load time of every lookup command), then looks up
            the FLORES and NTREX Arabic text sentence by sentence: MB/s and per-sentence latency, best of the runs.
            """
    )

    @OptionGroup var data: DataOptions

    @Option(help: "Size of the text in megabytes (UTF-8).")
    var megabytes = 1.0

    @Option(help: "Timed runs over the text; the best is reported.")
    var runs = 3

    func run() throws {
        let root = try data.requireData()
        let freeDict = try Self.freeDictTerms(root.appendingPathComponent("glossary-sources/freedict-ara-eng.tsv"))
        let folder = try benchmarkFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try TarjumanDatabase.open(path: folder.appendingPathComponent("bench.sqlite").path, create: true)
        let importStart = DispatchTime.now().uptimeNanoseconds
        _ = try GlossaryStore(database: database).importTerms(freeDict)
        let importSeconds = Double(DispatchTime.now().uptimeNanoseconds - importStart) / 1e9
        let loadStart = DispatchTime.now().uptimeNanoseconds
        let terms = try GlossaryStore(database: database).terms()
        let readSeconds = Double(DispatchTime.now().uptimeNanoseconds - loadStart) / 1e9
        let buildStart = DispatchTime.now().uptimeNanoseconds
        let matcher = try GlossaryMatcher(terms: terms)
        let buildSeconds = Double(DispatchTime.now().uptimeNanoseconds - buildStart) / 1e9

        let corpora = [try SegmentationCorpus.flores(dataRoot: root), try SegmentationCorpus.ntrex(dataRoot: root)]
        let base = corpora.flatMap(\.documents).flatMap { $0 }
        var sentences: [String] = []
        var bytes = 0
        while bytes < Int(megabytes * 1_000_000) {
            for sentence in base {
                sentences.append(sentence)
                bytes += sentence.utf8.count
            }
        }
        var latencies: [Double] = []
        var hits = 0
        var seconds = Double.infinity
        for _ in 0 ..< max(1, runs) {
            var runLatencies: [Double] = []
            runLatencies.reserveCapacity(sentences.count)
            hits = 0
            let start = DispatchTime.now().uptimeNanoseconds
            for sentence in sentences {
                let sentenceStart = DispatchTime.now().uptimeNanoseconds
                hits += matcher.matches(in: sentence).count
                runLatencies.append(Double(DispatchTime.now().uptimeNanoseconds - sentenceStart) / 1e6)
            }
            let runSeconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            if runSeconds < seconds {
                seconds = runSeconds
                latencies = runLatencies
            }
        }
        latencies.sort()
        let mean = latencies.reduce(0, +) / Double(latencies.count)
        print("glossary: \(terms.count) entries (imported in \(format(importSeconds)) s)")
        print("load: read from the database \(format(readSeconds)) s + matcher built \(format(buildSeconds)) s = \(format(readSeconds + buildSeconds)) s")
        print("text: \(String(format: "%.2f", Double(bytes) / 1e6)) MB in \(sentences.count) sentences, \(hits) hits")
        print("lookup: \(format(Double(bytes) / seconds / 1e6)) MB/s")
        print("per sentence: mean \(format(mean)) ms, median \(format(latencies[latencies.count / 2])) ms, p99 \(format(latencies[latencies.count * 99 / 100])) ms")
    }

    /// One entry per Arabic headword of FreeDict, with its first sense.
    static func freeDictTerms(_ url: URL) throws -> [Term] {
        let text = try String(contentsOf: url, encoding: .utf8)
        var terms: [Term] = []
        var seen = Set<String>()
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 3 else { continue }
            let arabic = String(fields[0])
            guard arabic.unicodeScalars.contains(where: { (0x0621...0x064A).contains($0.value) }) else { continue }
            let english = fields[2].split(separator: "|").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            guard !english.isEmpty else { continue }
            let term = Term(arabic: arabic, english: english, source: "freedict")
            guard seen.insert(term.searchKey + "\t" + english).inserted else { continue }
            terms.append(term)
        }
        return terms
    }
}
