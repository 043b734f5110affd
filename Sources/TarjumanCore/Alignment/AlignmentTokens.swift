/// One token of a sentence as the word aligner sees it: an Arabic word is split into its
/// proclitics (و ف, ب ك ل, ال), its stem and an enclitic pronoun; an English word is lowercased,
/// with a possessive `'s` a token of its own.
public struct AlignmentToken: Sendable, Equatable {
    /// What the aligner counts: the search key of the piece (`و+`, `ال+`, `+ه` for clitics), or
    /// the lowercased English word.
    public let text: String
    /// Unicode scalar offsets of the piece in the display text.
    public let range: Range<Int>
    /// The index of the word the piece belongs to.
    public let word: Int
    public let role: Role

    public enum Role: Sendable, Equatable {
        case proclitic, stem, enclitic
    }
}

/// How each Arabic word is split into alignment tokens. A proclitic without ال (ب ك ل, and و ف
/// before anything but ال) comes off only when the rest is a word of the texts at least a
/// quarter as frequent as the whole, and an enclitic pronoun only when its base is such a word,
/// so that `بيان`, `لبنان`, `وزير` and `فلسطين` stay whole; ال always comes off a stem of two
/// letters or more.
public struct ArabicWordSplitter: Sendable {
    /// The split of each known word (light form), as piece lengths and the teh marbuta flag.
    public private(set) var known: [String: Split]

    /// A word's pieces: `proclitics` scalar lengths from its start, then the stem, then an
    /// enclitic of `enclitic` scalars; `stemEndsInTehMarbuta` when a ت before the enclitic
    /// stands for ة (`مقاومته` → `مقاومة` + `ه`).
    public struct Split: Sendable, Equatable, Hashable {
        public var proclitics: [Int] = []
        public var enclitic = 0
        public var stemEndsInTehMarbuta = false
        /// For `لل`: the second ل stands for the article ال.
        public var articleIsLam = false
    }

    public init(known: [String: Split] = [:]) {
        self.known = known
    }

    /// Learns the splits of the words of `texts` (light forms and their frequencies).
    public init(frequencies: [String: Int]) {
        var known: [String: Split] = [:]
        for (word, _) in frequencies {
            let split = Self.split(Array(word.unicodeScalars), frequency: { frequencies[$0] ?? 0 })
            if split != Split() { known[word] = split }
        }
        self.known = known
    }

    /// The split of a word given in light form: the learned one, or for a word never seen, ال
    /// and a conjunction before it only.
    public func split(_ light: [Unicode.Scalar]) -> Split {
        if let split = known[String(String.UnicodeScalarView(light))] { return split }
        return Self.split(light, frequency: { _ in 0 })
    }

    static let conjunctions: Set<Unicode.Scalar> = ["\u{0648}", "\u{0641}"]
    static let prepositions: Set<Unicode.Scalar> = ["\u{0628}", "\u{0643}", "\u{0644}"]
    static let enclitics: [[Unicode.Scalar]] = ["هما", "هم", "هن", "ها", "كم", "نا", "ه"].map { Array($0.unicodeScalars) }

    static func split(_ word: [Unicode.Scalar], frequency: (String) -> Int) -> Split {
        let own = max(frequency(String(String.UnicodeScalarView(word))), 1)
        func known(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
            frequency(String(String.UnicodeScalarView(scalars))) * 4 >= own
        }
        /// The enclitic a word ends in and whether its ت stands for ة, when the rest is known.
        func encliticBase(_ stem: ArraySlice<Unicode.Scalar>) -> (length: Int, tehMarbuta: Bool)? {
            for enclitic in enclitics where stem.count - enclitic.count >= 3 && stem.suffix(enclitic.count).elementsEqual(enclitic) {
                var base = Array(stem.dropLast(enclitic.count))
                var tehMarbuta = false
                if base.last == "\u{062A}" {
                    base[base.count - 1] = "\u{0629}"
                    tehMarbuta = true
                }
                let article: [Unicode.Scalar] = ["\u{0627}", "\u{0644}"]
                return known(base[...]) || known((article + base)[...]) ? (enclitic.count, tehMarbuta) : nil
            }
            return nil
        }
        var best = Split()
        var bestStart = 0
        ArabicClitics.forEachProcliticBase(of: word) { start, addsArticle in
            // The article is taken off below, whatever the rest's frequency.
            if !addsArticle, start >= 2, word[start - 2] == "\u{0627}", word[start - 1] == "\u{0644}" { return }
            guard start > bestStart else { return }
            let rest = word[start...]
            let restHasArticle = addsArticle || (rest.count > 3 && rest.first == "\u{0627}" && rest.dropFirst().first == "\u{0644}")
            guard restHasArticle || known(rest) || encliticBase(rest) != nil else { return }
            var pieces: [Int] = []
            var position = 0
            if position < start, conjunctions.contains(word[position]) { pieces.append(1); position += 1 }
            if position < start, prepositions.contains(word[position]) { pieces.append(1); position += 1 }
            // What is left of the prefix is the ل of لل standing for ال.
            let articleIsLam = position < start
            if articleIsLam { pieces.append(start - position) }
            best = Split(proclitics: pieces, articleIsLam: articleIsLam)
            bestStart = start
        }
        var stemStart = bestStart
        if !best.articleIsLam, word.count - stemStart > 3, word[stemStart] == "\u{0627}", word[stemStart + 1] == "\u{0644}" {
            best.proclitics.append(2)
            stemStart += 2
        }
        if let enclitic = encliticBase(word[stemStart...]) {
            best.enclitic = enclitic.length
            best.stemEndsInTehMarbuta = enclitic.tehMarbuta
        }
        return best
    }
}

/// Makes the alignment tokens of Arabic and English text.
public enum AlignmentTokenizer {
    /// The tokens of an Arabic text: its words split by `splitter`; digits, Latin words and other
    /// letters as tokens of their own.
    public static func arabic(_ text: String, splitter: ArabicWordSplitter) -> [AlignmentToken] {
        var tokens: [AlignmentToken] = []
        forEachWord(of: text.scalarArray) { run, start, wordIndex in
            let light = ArabicSearchKey.lightForm(run)
            guard light.first.map({ ScalarClass.isArabicScriptLetter($0.value) }) == true,
                  let map = lightMap(run, light: light) else {
                tokens.append(AlignmentToken(text: ArabicSearchKey.key(String(String.UnicodeScalarView(run))),
                                             range: start ..< start + run.count, word: wordIndex, role: .stem))
                return
            }
            let split = splitter.split(light)
            var position = 0
            func display(_ lightRange: Range<Int>) -> Range<Int> {
                start + map[lightRange.lowerBound] ..< start + (lightRange.upperBound < map.count ? map[lightRange.upperBound] : run.count)
            }
            for (index, length) in split.proclitics.enumerated() {
                let isArticle = index == split.proclitics.count - 1 && split.articleIsLam
                let piece = String(String.UnicodeScalarView(light[position ..< position + length]))
                tokens.append(AlignmentToken(text: isArticle ? "ال+" : ArabicSearchKey.key(piece) + "+",
                                             range: display(position ..< position + length), word: wordIndex, role: .proclitic))
                position += length
            }
            let stemEnd = light.count - split.enclitic
            var stem = Array(light[position ..< stemEnd])
            if split.stemEndsInTehMarbuta, !stem.isEmpty { stem[stem.count - 1] = "\u{0629}" }
            tokens.append(AlignmentToken(text: ArabicSearchKey.key(String(String.UnicodeScalarView(stem))),
                                         range: display(position ..< stemEnd), word: wordIndex, role: .stem))
            if split.enclitic > 0 {
                let piece = String(String.UnicodeScalarView(light[stemEnd...]))
                tokens.append(AlignmentToken(text: "+" + ArabicSearchKey.key(piece), range: display(stemEnd ..< light.count),
                                             word: wordIndex, role: .enclitic))
            }
        }
        return tokens.filter { !$0.text.isEmpty }
    }

    /// The light forms of the Arabic words of a text, for learning the splits.
    public static func arabicWords(_ text: String, _ body: (String) -> Void) {
        forEachWord(of: text.scalarArray) { run, _, _ in
            let light = ArabicSearchKey.lightForm(run)
            if light.first.map({ ScalarClass.isArabicScriptLetter($0.value) }) == true {
                body(String(String.UnicodeScalarView(light)))
            }
        }
    }

    /// The tokens of an English text: words lowercased, `'s` apart.
    public static func english(_ text: String) -> [AlignmentToken] {
        var tokens: [AlignmentToken] = []
        let scalars = text.scalarArray
        forEachWord(of: scalars) { slice, start, wordIndex in
            let run = Array(slice)
            var end = run.count
            if run.count > 2, run[run.count - 1] == "s" || run[run.count - 1] == "S",
               run[run.count - 2] == "'" || run[run.count - 2] == "\u{2019}" {
                end -= 2
            }
            tokens.append(AlignmentToken(text: String(String.UnicodeScalarView(run[..<end])).lowercased(),
                                         range: start ..< start + end, word: wordIndex, role: .stem))
            if end < run.count {
                tokens.append(AlignmentToken(text: "'s", range: start + end ..< start + run.count, word: wordIndex, role: .enclitic))
            }
        }
        return tokens.filter { !$0.text.isEmpty }
    }

    /// Calls `body` with each word of `scalars` (letters, marks and digits, with apostrophes,
    /// hyphens and digit separators inside), its start and its index.
    static func forEachWord(of scalars: [Unicode.Scalar], _ body: (ArraySlice<Unicode.Scalar>, Int, Int) -> Void) {
        var start = -1
        var wordIndex = 0
        func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
            ScalarClass.isAlphabetic(scalar) || ScalarClass.isDigit(scalar) || scalar.properties.generalCategory == .nonspacingMark
                || ArabicSearchKey.isDeleted(scalar.value) && !ScalarClass.isWhitespace(scalar.value) && scalar.value >= 0x0600 && scalar.value < 0x0700
        }
        func isJoiner(_ index: Int) -> Bool {
            let scalar = scalars[index]
            guard ["'", "\u{2019}", "-", ".", ",", "\u{066B}", "\u{066C}"].contains(scalar), index > 0, index + 1 < scalars.count else { return false }
            let before = scalars[index - 1], after = scalars[index + 1]
            if scalar == "." || scalar == "," || scalar == "\u{066B}" || scalar == "\u{066C}" {
                return ScalarClass.isDigit(before) && ScalarClass.isDigit(after)
            }
            return ScalarClass.isLatinLetter(before) && ScalarClass.isAlphabetic(after)
        }
        for index in scalars.indices {
            if isWordScalar(scalars[index]) || (start >= 0 && isJoiner(index)) {
                if start < 0 { start = index }
            } else if start >= 0 {
                body(scalars[start ..< index], start, wordIndex)
                wordIndex += 1
                start = -1
            }
        }
        if start >= 0 { body(scalars[start...], start, wordIndex) }
    }

    /// For each light-form scalar, its offset in the word as written; nil when NFKC changed the
    /// word (presentation forms), which is then one token.
    static func lightMap(_ run: ArraySlice<Unicode.Scalar>, light: [Unicode.Scalar]) -> [Int]? {
        var map: [Int] = []
        map.reserveCapacity(light.count)
        for (offset, scalar) in run.enumerated() where !ArabicSearchKey.isDeleted(scalar.value) {
            guard map.count < light.count, light[map.count] == scalar else { return nil }
            map.append(offset)
        }
        return map.count == light.count ? map : nil
    }
}
