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
        /// Search keys (UTF-8) of the term's words after the first.
        let rest: [[UInt8]]
        /// True when indexed under its first word with ال added or removed.
        let toggledArticle: Bool
    }

    /// The terms, in the order given.
    public let terms: [Term]
    /// The entries that start with one word: single-word terms, and longer ones by their second word.
    struct Bucket {
        var single: [Entry] = []
        var bySecondWord: [[UInt8]: [Entry]] = [:]
    }

    /// Entries by the search key (UTF-8) of their first word, and by that key with ال toggled.
    private var entriesByFirstWord: [[UInt8]: Bucket] = [:]
    /// A bit per FNV-1a hash (low bits) of every indexed key: most readings of most words are no
    /// glossary key, and this rules them out before a key is built and looked up.
    private var keyFilter = [UInt64](repeating: 0, count: GlossaryMatcher.filterWords)
    static let filterWords = 1 << 15
    /// Each term's Arabic as written, to tell exact from normalized matches.
    private var termScalars: [[Unicode.Scalar]] = []
    private var lowercasedEnglish: [String] = []
    /// The readings of the word being looked at, kept between words to save allocations.
    private var readingBuffer: [ArabicClitics.Reading] = []
    /// A term found at the word being looked at: where it ends, how, and whether ال was toggled.
    struct Found {
        let last: Int
        let term: Int
        let kind: MatchKind
        let toggled: Bool
    }
    /// The terms found at the word being looked at, kept between words to save allocations.
    private var foundBuffer: [Found] = []
    private let wordBreaker: ICUWordBreaker

    public init(terms: [Term]) throws(TarjumanError) {
        self.terms = terms
        self.wordBreaker = try ICUWordBreaker(locale: "ar")
        termScalars = terms.map { Array($0.arabic.unicodeScalars) }
        lowercasedEnglish = terms.map { $0.english.lowercased() }
        for (index, term) in terms.enumerated() {
            let keys = wordKeys(of: term.arabic)
            guard let first = keys.first else { continue }
            let rest = Array(keys.dropFirst())
            for (key, isToggled) in [(first, false), (Self.toggleArticle(first), true)] {
                let entry = Entry(term: index, rest: rest, toggledArticle: isToggled)
                if let second = rest.first {
                    entriesByFirstWord[key, default: Bucket()].bySecondWord[second, default: []].append(entry)
                } else {
                    entriesByFirstWord[key, default: Bucket()].single.append(entry)
                }
                var hash = KeyHash()
                hash.add(key[...])
                let bit = Self.filterBit(hash.value)
                keyFilter[bit.word] |= bit.mask
            }
        }
    }

    /// The filter word and bit that stand for a key hash.
    private static func filterBit(_ hash: UInt64) -> (word: Int, mask: UInt64) {
        let bit = Int(hash & UInt64(filterWords * 64 - 1))
        return (bit >> 6, 1 << UInt64(bit & 63))
    }

    private func mayBeKey(_ hash: UInt64) -> Bool {
        let bit = Self.filterBit(hash)
        return keyFilter[bit.word] & bit.mask != 0
    }

    /// The search keys (UTF-8) of the words of `text`, in order: the same analysis as running text.
    func wordKeys(of text: String) -> [[UInt8]] {
        let textWords = words(of: text.scalarArray)
        return textWords.words.indices.map { Array(textWords.key(of: $0)) }
    }

    /// A word of the text being looked at; its light form and key live in `TextWords`' buffers.
    struct Word {
        let range: Range<Int>
        /// Where the light form is in `TextWords.light`.
        let light: Range<Int>
        /// Where the search key (UTF-8) is in `TextWords.keys`.
        let key: Range<Int>
        /// Where the key offset of each light scalar starts in `TextWords.offsets`; nil when every
        /// light scalar takes two key bytes (Arabic letters), the common case.
        let offsets: Int?
        let hadTanween: Bool
        /// Whether only white space separates this word from the next one.
        var joinsNext = false
    }

    /// The words of one text, their light forms and keys in shared buffers (no arrays per word).
    struct TextWords {
        var words: [Word] = []
        var light: [Unicode.Scalar] = []
        var keys: [UInt8] = []
        var offsets: [Int] = []

        /// Where a reading's stretch of word `index` lies in `keys`.
        func keyRange(_ index: Int, _ reading: ArabicClitics.Reading) -> Range<Int> {
            let word = words[index]
            guard let first = word.offsets else {
                return word.key.lowerBound + 2 * reading.start ..< word.key.lowerBound + 2 * reading.end
            }
            return word.key.lowerBound + offsets[first + reading.start] ..< word.key.lowerBound + offsets[first + reading.end]
        }

        /// The FNV-1a hash of a reading's search key, without building the key.
        func keyHash(_ index: Int, _ reading: ArabicClitics.Reading) -> UInt64 {
            var hash = KeyHash()
            if reading.addsArticle { hash.add(GlossaryMatcher.article[...]) }
            hash.add(keys[keyRange(index, reading)])
            if reading.addsTehMarbuta { hash.add(GlossaryMatcher.foldedTehMarbuta[...]) }
            return hash.value
        }

        /// The search key of a reading, built from the word's key without refolding.
        func key(_ index: Int, _ reading: ArabicClitics.Reading) -> [UInt8] {
            let range = keyRange(index, reading)
            var bytes: [UInt8] = []
            bytes.reserveCapacity(range.count + 6)
            if reading.addsArticle { bytes += GlossaryMatcher.article }
            bytes += keys[range]
            if reading.addsTehMarbuta { bytes += GlossaryMatcher.foldedTehMarbuta }
            return bytes
        }

        func key(of index: Int) -> ArraySlice<UInt8> {
            keys[words[index].key]
        }
    }

    struct Candidate {
        let firstWord: Int
        let lastWord: Int
        let term: Int
        let kind: MatchKind
        var wordCount: Int { lastWord - firstWord + 1 }
    }

    /// Every term occurrence in `text`, in text order. Longer terms win; a shorter term inside a
    /// longer occurrence is reported only with `includeNested`. Homographs are all reported, but
    /// the same rendering for the same words only once.
    public func matches(in text: String, includeNested: Bool = false) -> [GlossaryMatch] {
        matches(inScalars: text.scalarArray, includeNested: includeNested)
    }

    /// The glossary terms in a text given as its Unicode scalars.
    func matches(inScalars scalars: [Unicode.Scalar], includeNested: Bool = false) -> [GlossaryMatch] {
        if terms.isEmpty { return [] }
        let textWords = self.words(of: scalars)
        let words = textWords.words
        var candidates: [Candidate] = []
        for index in words.indices {
            candidates += self.candidates(startingAt: index, in: textWords, scalars: scalars)
        }
        let chosen = includeNested ? candidates : Self.longestFirst(candidates)
        let ordered = chosen.sorted {
            ($0.firstWord, -$0.wordCount, $0.kind, $0.term) < ($1.firstWord, -$1.wordCount, $1.kind, $1.term)
        }
        // Two glossaries may give the same rendering for the same words: say it once.
        let distinct = ordered.enumerated().filter { position, candidate in
            !ordered[..<position].reversed().prefix { $0.firstWord == candidate.firstWord }.contains {
                $0.lastWord == candidate.lastWord && lowercasedEnglish[$0.term] == lowercasedEnglish[candidate.term]
            }
        }.map(\.element)
        return distinct
            .map { candidate in
                let range = words[candidate.firstWord].range.lowerBound ..< words[candidate.lastWord].range.upperBound
                return GlossaryMatch(
                    start: range.lowerBound, end: range.upperBound,
                    surface: String(scalars: scalars[range]),
                    term: terms[candidate.term], kind: candidate.kind)
            }
    }

    func words(of scalars: [Unicode.Scalar]) -> TextWords {
        let tokens = wordBreaker.tokens(of: scalars)
        var text = TextWords()
        text.light.reserveCapacity(scalars.count)
        text.keys.reserveCapacity(scalars.count * 2)
        var onlySpaceSinceLastWord = false
        for token in tokens {
            if token.isWord {
                if !text.words.isEmpty { text.words[text.words.count - 1].joinsNext = onlySpaceSinceLastWord }
                let display = scalars[token.range]
                let lightStart = text.light.count
                ArabicSearchKey.appendLightForm(of: display, to: &text.light)
                let keyStart = text.keys.count
                let offsetStart = text.offsets.count
                var uniform = true
                for index in lightStart ..< text.light.count {
                    let before = text.keys.count
                    text.offsets.append(before - keyStart)
                    ArabicSearchKey.appendKeyBytes(of: text.light[index], to: &text.keys)
                    if text.keys.count - before != 2 { uniform = false }
                }
                text.offsets.append(text.keys.count - keyStart)
                var offsets: Int? = offsetStart
                if uniform {
                    text.offsets.removeLast(text.offsets.count - offsetStart)
                    offsets = nil
                }
                text.words.append(Word(range: token.range, light: lightStart ..< text.light.count,
                                       key: keyStart ..< text.keys.count, offsets: offsets,
                                       hadTanween: display.contains("\u{064B}")))
                onlySpaceSinceLastWord = true
            } else if !scalars[token.range].allSatisfy({ ScalarClass.isBlank($0) }) {
                onlySpaceSinceLastWord = false
            }
        }
        return text
    }

    /// The terms that start at word `index`, the best reading kept for each term and span.
    func candidates(startingAt index: Int, in text: TextWords, scalars: [Unicode.Scalar]) -> [Candidate] {
        foundBuffer.removeAll(keepingCapacity: true)
        let word = text.words[index]
        text.light.withUnsafeBufferPointer { light in
            ArabicClitics.readings(of: UnsafeBufferPointer(rebasing: light[word.light]), hadTanween: word.hadTanween,
                                   into: &readingBuffer)
        }
        func consider(_ entry: Entry, _ reading: ArabicClitics.Reading) {
            guard let last = followingWordsMatch(entry.rest, after: index, in: text) else { return }
            var kind = reading.kind
            if entry.toggledArticle { kind = max(kind, .clitic) }
            if kind == .exact {
                let range = word.range.lowerBound ..< text.words[last].range.upperBound
                kind = scalars[range].elementsEqual(termScalars[entry.term]) ? .exact : .normalized
            }
            if let position = foundBuffer.firstIndex(where: { $0.last == last && $0.term == entry.term }) {
                let previous = foundBuffer[position]
                if (previous.kind, previous.toggled ? 1 : 0) <= (kind, entry.toggledArticle ? 1 : 0) { return }
                foundBuffer[position] = Found(last: last, term: entry.term, kind: kind, toggled: entry.toggledArticle)
            } else {
                foundBuffer.append(Found(last: last, term: entry.term, kind: kind, toggled: entry.toggledArticle))
            }
        }
        for reading in readingBuffer {
            guard mayBeKey(text.keyHash(index, reading)), let bucket = entriesByFirstWord[text.key(index, reading)] else { continue }
            for entry in bucket.single { consider(entry, reading) }
            if word.joinsNext, index + 1 < text.words.count, !bucket.bySecondWord.isEmpty,
               let longer = bucket.bySecondWord[Array(text.key(of: index + 1))] {
                for entry in longer { consider(entry, reading) }
            }
        }
        guard !foundBuffer.isEmpty else { return [] }
        // The word as written is preferred: stripped readings give way on the same span, and so do
        // readings with the article added or removed.
        var result: [Candidate] = []
        for match in foundBuffer {
            let asWritten = foundBuffer.contains { $0.last == match.last && $0.kind <= .normalized }
            let untoggled = foundBuffer.contains { $0.last == match.last && !$0.toggled }
            guard !asWritten || match.kind <= .normalized, !untoggled || !match.toggled else { continue }
            result.append(Candidate(firstWord: index, lastWord: match.last, term: match.term, kind: match.kind))
        }
        return result
    }

    /// The last word index when `rest` matches the words after `index`, joined by white space only.
    func followingWordsMatch(_ rest: [[UInt8]], after index: Int, in text: TextWords) -> Int? {
        var position = index
        for key in rest {
            guard text.words[position].joinsNext, position + 1 < text.words.count,
                  text.key(of: position + 1).elementsEqual(key) else { return nil }
            position += 1
        }
        return position
    }

    /// A key with the article ال removed, or added when it has none.
    static func toggleArticle(_ key: [UInt8]) -> [UInt8] {
        if key.starts(with: article), key.count >= article.count + 4 {
            return Array(key.dropFirst(article.count))
        }
        return article + key
    }

    /// ال in UTF-8.
    static let article: [UInt8] = Array("ال".utf8)
    /// ة folded, in UTF-8.
    static let foldedTehMarbuta: [UInt8] = Array("ه".utf8)

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
