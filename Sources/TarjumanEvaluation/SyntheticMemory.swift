import Foundation
import TarjumanCore

/// A small deterministic random generator (SplitMix64), so benchmarks build the same data every run.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Builds a large, realistic memory out of real sentence pairs, and queries against it.
public enum SyntheticMemory {
    /// `count` distinct pairs: the real pairs first, then the first half of one sentence joined to
    /// the second half of another (both sides), some with their numbers changed.
    public static func pairs(from real: [TranslationPair], count: Int, seed: UInt64 = 1) -> [TranslationPair] {
        var generator = SeededGenerator(seed: seed)
        var seen = Set<Int64>()
        var result: [TranslationPair] = []
        result.reserveCapacity(count)
        for pair in real where result.count < count {
            if seen.insert(MemoryIndex.keyHash(ArabicSearchKey.key(pair.source))).inserted { result.append(pair) }
        }
        let words = real.map { (source: $0.source.split(separator: " "), target: $0.target.split(separator: " ")) }
        var attempts = 0
        while result.count < count, attempts < count * 20 {
            attempts += 1
            let a = words[Int.random(in: 0 ..< words.count, using: &generator)]
            let b = words[Int.random(in: 0 ..< words.count, using: &generator)]
            guard a.source.count >= 2, b.source.count >= 2 else { continue }
            var source = (a.source.prefix(a.source.count / 2) + b.source.suffix(b.source.count - b.source.count / 2)).joined(separator: " ")
            var target = (a.target.prefix(a.target.count / 2) + b.target.suffix(b.target.count - b.target.count / 2)).joined(separator: " ")
            if Int.random(in: 0 ..< 3, using: &generator) == 0 {
                let number = String(Int.random(in: 2 ... 9_999, using: &generator))
                source = replacingNumbers(in: source, with: number) ?? source + " " + number
                target = replacingNumbers(in: target, with: number) ?? target
            }
            if seen.insert(MemoryIndex.keyHash(ArabicSearchKey.key(source))).inserted {
                result.append(TranslationPair(source: source, target: target))
            }
        }
        return result
    }

    /// Pairs cut into documents of `size` units, named `bench-1`, `bench-2`, ...
    public static func documents(_ pairs: [TranslationPair], size: Int = 25) -> [(name: String, pairs: [TranslationPair])] {
        stride(from: 0, to: pairs.count, by: size).map { start in
            (name: "bench-\(start / size + 1)", pairs: Array(pairs[start ..< min(start + size, pairs.count)]))
        }
    }

    /// Light edits of real sentences, as a translator's new text differs from what the memory
    /// holds: one or two words dropped, replaced or added, or a number changed.
    public static func queries(from real: [TranslationPair], count: Int, seed: UInt64 = 2) -> [String] {
        var generator = SeededGenerator(seed: seed)
        let fillers = ["أيضا", "الجديد", "اليوم", "كذلك", "الكبير", "مرة", "جدا"]
        var result: [String] = []
        var attempts = 0
        while result.count < count, attempts < count * 20 {
            attempts += 1
            var words = real[Int.random(in: 0 ..< real.count, using: &generator)].source.split(separator: " ").map(String.init)
            guard words.count >= 4 else { continue }
            let edits = Int.random(in: 1 ... 2, using: &generator)
            for _ in 0 ..< edits {
                let position = Int.random(in: 0 ..< words.count, using: &generator)
                switch Int.random(in: 0 ..< 4, using: &generator) {
                case 0: words.remove(at: position)
                case 1: words[position] = fillers.randomElement(using: &generator)!
                case 2: words.insert(fillers.randomElement(using: &generator)!, at: position)
                default:
                    let number = String(Int.random(in: 2 ... 999, using: &generator))
                    words[position] = replacingNumbers(in: words[position], with: number) ?? words[position]
                }
            }
            result.append(words.joined(separator: " "))
        }
        return result
    }

    static func replacingNumbers(in text: String, with number: String) -> String? {
        guard let range = text.range(of: "[0-9٠-٩]+", options: .regularExpression) else { return nil }
        return text.replacingCharacters(in: range, with: number)
    }
}
