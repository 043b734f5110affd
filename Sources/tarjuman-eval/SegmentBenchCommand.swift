import ArgumentParser
import Foundation
import TarjumanCore
import TarjumanEvaluation

struct SegmentBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-segment",
        abstract: "Segmentation speed in MB/s beside raw ICU iteration over the same text.",
        discussion: """
            Build with -c release. The text is the FLORES and NTREX Arabic documents as paragraphs
            (the sample in seeds/ when the shared data is absent), repeated to the requested size.
            Each figure is the best of the runs. Search keys are timed unit by unit, as import makes them.
            """
    )

    @OptionGroup var data: DataOptions

    @Option(help: "Size of the text in megabytes (UTF-8).")
    var megabytes = 1.0

    @Option(help: "Timed runs of each system.")
    var runs = 5

    @Flag(help: "Do not time search keys.")
    var noKeys = false

    func run() throws {
        let base = try baseText()
        var text = base
        let target = Int(megabytes * 1_000_000)
        while text.utf8.count < target { text += "\n\n" + base }
        let bytes = Double(text.utf8.count)
        let units = Array(text.utf16)

        let breaker = try ICUSentenceBreaker(locale: "ar")
        var icuCount = 0
        let icuSeconds = best(of: runs) {
            icuCount = units.withUnsafeBufferPointer { breaker.boundaries(utf16: $0).count }
        }
        var fromStringCount = 0
        let fromStringSeconds = best(of: runs) {
            let converted = Array(text.utf16)
            fromStringCount = converted.withUnsafeBufferPointer { breaker.boundaries(utf16: $0).count }
        }
        let segmenter = try SentenceSegmenter()
        var unitCount = 0
        let oursSeconds = best(of: runs) {
            unitCount = segmenter.segment(text).count
        }
        let megabytesText = String(format: "%.2f", bytes / 1_000_000)
        print("text: \(megabytesText) MB of Arabic, ICU \(ICUSentenceBreaker.icuVersion), best of \(runs) runs")
        print("raw ICU sentence iteration: \(format(bytes / icuSeconds / 1_000_000)) MB/s (\(icuCount - 1) boundaries)")
        print("ICU from a Swift String:    \(format(bytes / fromStringSeconds / 1_000_000)) MB/s (UTF-16 conversion + iteration, \(fromStringCount - 1) boundaries)")
        print("Tarjuman segmentation:      \(format(bytes / oursSeconds / 1_000_000)) MB/s (\(unitCount) units)")
        print("ratio Tarjuman / raw ICU:   \(format(icuSeconds / oursSeconds))")
        print("ratio Tarjuman / ICU from a Swift String: \(format(fromStringSeconds / oursSeconds))")
        if !noKeys {
            let unitTexts = segmenter.segment(text).map(\.text)
            let unitBytes = Double(unitTexts.reduce(0) { $0 + $1.utf8.count })
            let keySeconds = best(of: runs) { for unit in unitTexts { _ = ArabicSearchKey.key(unit) } }
            print("search keys of the units:   \(format(unitBytes / keySeconds / 1_000_000)) MB/s")
        }
    }

    func baseText() throws -> String {
        if FileManager.default.fileExists(atPath: data.url.path) {
            let corpora = [try SegmentationCorpus.flores(dataRoot: data.url), try SegmentationCorpus.ntrex(dataRoot: data.url)]
            return corpora.flatMap(\.documents).map { SegmentationCorpus.join($0).text }.joined(separator: "\n\n")
        }
        print("(\(data.data) is absent: timing the sample in seeds/)")
        return try SourceText(contentsOf: "seeds/000_d30af9c42a70480b.txt").text
    }

    func best(of runs: Int, _ body: () -> Void) -> Double {
        var fastest = Double.infinity
        for _ in 0 ..< max(1, runs) {
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            fastest = min(fastest, seconds)
        }
        return fastest
    }
}
