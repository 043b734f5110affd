/// Guesses how a term was rendered from the English sentences of the units that contain it:
/// the word sequences (1 to 3 words) shared by several renderings, scored by how many share
/// them times their words (stop words aside), so that `Islamic Jihad` in three renderings
/// outranks `Jihad` in five.
public enum RenderingVariants {
    /// One way the term was rendered, with how many renderings use it.
    public struct Variant: Sendable, Equatable, Codable {
        public let text: String
        public let count: Int
    }

    /// Words that neither start nor end a rendering of a term.
    static let stopWords: Set<String> = [
        "a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "from", "by", "with", "as", "is", "are",
        "was", "were", "be", "been", "that", "this", "these", "those", "it", "its", "their", "his", "her", "he", "she",
        "they", "we", "you", "i", "said", "says", "has", "have", "had", "not", "but", "which", "who", "will", "would",
    ]

    /// Groups `renderings` by the phrase each one most likely uses for the term. Renderings that
    /// contain one of the `known` phrases (the glossary's, in its order; compared as the checks
    /// compare English: case, plurals, possessives and a leading "the" aside) count for the
    /// longest one they contain, the first among equals, so that a forbidden "Hamas group" is not
    /// counted as the approved "Hamas". The others group by the phrases they share, each shared by at least two.
    /// Returns the known phrases used, then the shared phrases, most used first, and how many
    /// renderings fall in no group.
    public static func variants(in renderings: [String], known: [String] = [], maximumWords: Int = 3) -> (variants: [Variant], other: Int) {
        var remaining = renderings
        var knownVariants: [Variant] = []
        if !known.isEmpty {
            let phrases = known.map(EnglishPhrase.init)
            var counts = Array(repeating: 0, count: known.count)
            remaining = renderings.filter { rendering in
                let text = EnglishPhrase(rendering)
                var chosen: Int?
                for (index, phrase) in phrases.enumerated() where !text.occurrences(of: phrase).isEmpty {
                    if chosen.map({ phrase.searchStems.count > phrases[$0].searchStems.count }) ?? true { chosen = index }
                }
                guard let chosen else { return true }
                counts[chosen] += 1
                return false
            }
            knownVariants = zip(known, counts).filter { $0.1 > 0 }.map { Variant(text: $0.0, count: $0.1) }
        }
        let guessed = sharedPhrases(in: remaining, maximumWords: maximumWords)
        return (knownVariants + guessed.variants, guessed.other)
    }

    static func sharedPhrases(in renderings: [String], maximumWords: Int) -> (variants: [Variant], other: Int) {
        var phrasesByRendering: [Set<String>] = []
        var display: [String: String] = [:]
        for rendering in renderings {
            let words = Self.words(of: rendering)
            var phrases = Set<String>()
            for start in words.indices {
                for length in 1 ... maximumWords where start + length <= words.count {
                    let slice = words[start ..< start + length]
                    let lowered = slice.map { $0.lowercased() }
                    guard !stopWords.contains(lowered.first!), !stopWords.contains(lowered.last!) else { continue }
                    let key = lowered.joined(separator: " ")
                    phrases.insert(key)
                    if display[key] == nil { display[key] = slice.joined(separator: " ") }
                }
            }
            phrasesByRendering.append(phrases)
        }
        var remaining = Set(phrasesByRendering.indices)
        var variants: [Variant] = []
        while !remaining.isEmpty {
            var counts: [String: Int] = [:]
            for index in remaining {
                for phrase in phrasesByRendering[index] { counts[phrase, default: 0] += 1 }
            }
            // The best phrase shared by two renderings or more, scored by its words other than
            // stop words; among equals the one with fewer stop words, then the longest, then the
            // first in the alphabet.
            func rank(_ phrase: String, _ count: Int) -> (Int, Int, Int) {
                let words = phrase.split(separator: " ")
                let stops = words.count { stopWords.contains(String($0)) }
                return (count * (words.count - stops), -stops, phrase.count)
            }
            guard let best = counts.filter({ $0.value >= 2 }).max(by: { a, b in
                let rankA = rank(a.key, a.value), rankB = rank(b.key, b.value)
                return rankA != rankB ? rankA < rankB : a.key > b.key
            }) else { break }
            variants.append(Variant(text: display[best.key] ?? best.key, count: best.value))
            remaining = remaining.filter { !phrasesByRendering[$0].contains(best.key) }
        }
        return (variants, remaining.count)
    }

    static func words(of text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "-" || scalar == "'" {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}
