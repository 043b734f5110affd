/// One occurrence of a glossary term in a text.
public struct GlossaryMatch: Sendable, Equatable {
    /// Unicode scalar offsets of the occurrence in the text (whole words, clitics included).
    public let start: Int
    public let end: Int
    /// The occurrence as written.
    public let surface: String
    public let term: Term
    public let kind: MatchKind
}

/// Finds glossary terms in running Arabic text despite clitics, tatweel, diacritics, hamza and
/// alef forms, ى/ي, ة/ه and Arabic-Indic digits.
///
/// Words come from ICU's word break iterator. The first word of a term may carry proclitics,
/// enclitics and plural endings (see `ArabicClitics`); every later word may differ only by the
/// search key normalization. A stripped reading counts only when it is a glossary entry (with or
/// without ال), and the word as written is preferred to any stripped reading.
///
/// Not thread-safe: give each thread its own.
public final class GlossaryMatcher {
    struct Entry {
        let term: Int
        /// Search keys of the term's words after the first.
        let rest: [String]
    }

    /// The terms, in the order given.
    public let terms: [Term]
    private var entriesByFirstWord: [String: [Entry]] = [:]
    private let wordBreaker: ICUWordBreaker

    public init(terms: [Term]) throws(TarjumanError) {
        self.terms = terms
        self.wordBreaker = try ICUWordBreaker(locale: "ar")
        for (index, term) in terms.enumerated() {
            let keys = wordKeys(of: term.arabic)
            guard let first = keys.first else { continue }
            entriesByFirstWord[first, default: []].append(Entry(term: index, rest: Array(keys.dropFirst())))
        }
    }

    /// The search keys of the words of `text`, in order.
    func wordKeys(of text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return wordBreaker.tokens(of: scalars).filter(\.isWord).map { token in
            ArabicSearchKey.key(ofLightForm: ArabicSearchKey.lightForm(Array(scalars[token.range])))
        }
    }

    struct Word {
        let range: Range<Int>
        let light: [Unicode.Scalar]
        let key: String
        let hadTanween: Bool
        /// Whether only white space separates this word from the next one.
        var joinsNext = false
    }

    struct Candidate {
        let firstWord: Int
        let lastWord: Int
        let term: Int
        let kind: MatchKind
        var wordCount: Int { lastWord - firstWord + 1 }
    }

    /// Every term occurrence in `text`, in text order. Longer terms win; a shorter term inside a
    /// longer occurrence is reported only with `includeNested`. Homographs are all reported.
    public func matches(in text: String, includeNested: Bool = false) -> [GlossaryMatch] {
        let scalars = Array(text.unicodeScalars)
        let words = self.words(of: scalars)
        var candidates: [Candidate] = []
        for index in words.indices {
            candidates += self.candidates(startingAt: index, in: words, scalars: scalars)
        }
        let chosen = includeNested ? candidates : Self.longestFirst(candidates)
        return chosen
            .sorted { ($0.firstWord, -$0.wordCount, $0.kind, $0.term) < ($1.firstWord, -$1.wordCount, $1.kind, $1.term) }
            .map { candidate in
                let range = words[candidate.firstWord].range.lowerBound ..< words[candidate.lastWord].range.upperBound
                return GlossaryMatch(
                    start: range.lowerBound, end: range.upperBound,
                    surface: String(String.UnicodeScalarView(scalars[range])),
                    term: terms[candidate.term], kind: candidate.kind)
            }
    }

    func words(of scalars: [Unicode.Scalar]) -> [Word] {
        let tokens = wordBreaker.tokens(of: scalars)
        var words: [Word] = []
        var onlySpaceSinceLastWord = false
        for token in tokens {
            if token.isWord {
                if !words.isEmpty { words[words.count - 1].joinsNext = onlySpaceSinceLastWord }
                let display = Array(scalars[token.range])
                let light = ArabicSearchKey.lightForm(display)
                words.append(Word(range: token.range, light: light, key: ArabicSearchKey.key(ofLightForm: light),
                                  hadTanween: display.contains("\u{064B}")))
                onlySpaceSinceLastWord = true
            } else if !scalars[token.range].allSatisfy({ ScalarClass.isBlank($0) }) {
                onlySpaceSinceLastWord = false
            }
        }
        return words
    }

    /// The terms that start at word `index`, the best reading kept for each term and span.
    func candidates(startingAt index: Int, in words: [Word], scalars: [Unicode.Scalar]) -> [Candidate] {
        var best: [Int: [Int: (kind: MatchKind, toggled: Bool)]] = [:]
        for reading in ArabicClitics.readings(of: words[index].light, hadTanween: words[index].hadTanween) {
            let key = ArabicSearchKey.key(ofLightForm: reading.stem)
            for (lookupKey, toggledArticle) in Self.articleVariants(of: key) {
                guard let entries = entriesByFirstWord[lookupKey] else { continue }
                for entry in entries {
                    guard let last = followingWordsMatch(entry.rest, after: index, in: words) else { continue }
                    var kind = reading.kind
                    if toggledArticle { kind = max(kind, .clitic) }
                    if kind == .exact {
                        let range = words[index].range.lowerBound ..< words[last].range.upperBound
                        let surface = String(String.UnicodeScalarView(scalars[range]))
                        kind = surface == terms[entry.term].arabic ? .exact : .normalized
                    }
                    if let previous = best[last]?[entry.term],
                       (previous.kind, previous.toggled ? 1 : 0) <= (kind, toggledArticle ? 1 : 0) { continue }
                    best[last, default: [:]][entry.term] = (kind, toggledArticle)
                }
            }
        }
        var result: [Candidate] = []
        for (last, byTerm) in best {
            // The word as written is preferred: stripped readings give way on the same span, and so
            // do readings with the article added or removed.
            let asWritten = byTerm.values.contains { $0.kind <= .normalized }
            let untoggled = byTerm.values.contains { !$0.toggled }
            for (term, match) in byTerm where (!asWritten || match.kind <= .normalized) && (!untoggled || !match.toggled) {
                result.append(Candidate(firstWord: index, lastWord: last, term: term, kind: match.kind))
            }
        }
        return result
    }

    /// The last word index when `rest` matches the words after `index`, joined by white space only.
    func followingWordsMatch(_ rest: [String], after index: Int, in words: [Word]) -> Int? {
        var position = index
        for key in rest {
            guard words[position].joinsNext, position + 1 < words.count, words[position + 1].key == key else { return nil }
            position += 1
        }
        return position
    }

    /// A key, and the same key with the article ال added or removed.
    static func articleVariants(of key: String) -> [(String, Bool)] {
        if key.hasPrefix("ال"), key.unicodeScalars.count >= 4 {
            return [(key, false), (String(key.unicodeScalars.dropFirst(2)), true)]
        }
        return [(key, false), ("ال" + key, true)]
    }

    /// Longest occurrences first; a shorter one overlapping a chosen one is dropped, and on the same
    /// span only the best kind stays (homographs of that kind all stay).
    static func longestFirst(_ candidates: [Candidate]) -> [Candidate] {
        let ordered = candidates.sorted {
            ($0.wordCount, $1.kind, $1.firstWord) > ($1.wordCount, $0.kind, $0.firstWord)
        }
        var chosen: [Candidate] = []
        for candidate in ordered {
            var keep = true
            for other in chosen where candidate.firstWord <= other.lastWord && other.firstWord <= candidate.lastWord {
                if candidate.firstWord == other.firstWord && candidate.lastWord == other.lastWord && candidate.kind == other.kind {
                    continue
                }
                keep = false
                break
            }
            if keep { chosen.append(candidate) }
        }
        return chosen
    }
}
