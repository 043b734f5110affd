import Foundation
import TarjumanCore

/// Arabic-English sentence pairs from the shared corpora, for memory benchmarks.
public struct ParallelCorpus: Sendable {
    public let name: String
    public let pairs: [TranslationPair]

    /// FLORES-200 devtest, NTREX-128, Tatoeba and TICO-19 from `dataRoot` (`../shared/data`),
    /// line-aligned, with blank lines dropped.
    public static func all(dataRoot: URL) throws -> [ParallelCorpus] {
        let sets: [(String, String, String)] = [
            ("FLORES-200 devtest", "flores/flores200_dataset/devtest/arb_Arab.devtest", "flores/flores200_dataset/devtest/eng_Latn.devtest"),
            ("NTREX-128", "ntrex128/NTREX-128/newstest2019-ref.arb.txt", "ntrex128/NTREX-128/newstest2019-src.eng.txt"),
            ("Tatoeba", "tatoeba/tatoeba-test-v2021-08-07.ara", "tatoeba/tatoeba-test-v2021-08-07.eng"),
            ("TICO-19", "tico19/tico19-test.ar", "tico19/tico19-test.en"),
        ]
        return try sets.map { name, arabic, english in
            let sources = try SegmentationCorpus.readLines(dataRoot.appendingPathComponent(arabic))
            let targets = try SegmentationCorpus.readLines(dataRoot.appendingPathComponent(english))
            let pairs = zip(sources, targets).compactMap { source, target -> TranslationPair? in
                let source = source.trimmingCharacters(in: .whitespaces), target = target.trimmingCharacters(in: .whitespaces)
                return source.isEmpty || target.isEmpty ? nil : TranslationPair(source: source, target: target)
            }
            return ParallelCorpus(name: name, pairs: pairs)
        }
    }
}
