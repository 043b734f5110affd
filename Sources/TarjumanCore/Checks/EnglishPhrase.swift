/// English text as words for tolerant phrase search: case, plural `-s`/`-es`, a possessive `'s`
/// and a leading "the" do not matter; hyphens separate words (`al-Qassam` = `Al Qassam`) and the
/// dots of initials do not (`U.S.` = `US`).
package struct EnglishPhrase {
    /// Each word's comparison form and its Unicode scalar offsets in the text.
    let stems: [String]
    let starts: [Int]
    let ends: [Int]

    package init(_ text: String) {
        var stems: [String] = [], starts: [Int] = [], ends: [Int] = []
        var word = String.UnicodeScalarView()
        var wordStart = 0
        var offset = 0
        func finish() {
            if !word.isEmpty {
                stems.append(Self.stem(String(word)))
                starts.append(wordStart)
                ends.append(offset)
                word = String.UnicodeScalarView()
            }
        }
        let scalars = text.scalarArray
        for (index, scalar) in scalars.enumerated() {
            offset = index
            let isApostrophe = scalar == "'" || scalar == "\u{2019}"
            if ScalarClass.isAlphabetic(scalar) || ("0" ... "9").contains(scalar)
                || (isApostrophe && !word.isEmpty && index + 1 < scalars.count && ScalarClass.isAlphabetic(scalars[index + 1])) {
                if word.isEmpty { wordStart = index }
                word.append(scalar)
            } else if isApostrophe && !word.isEmpty {
                continue
            } else if scalar == ".", word.count >= 1, index + 1 < scalars.count, ScalarClass.isAlphabetic(scalars[index + 1]),
                      index < 2 || !ScalarClass.isAlphabetic(scalars[index - 2]), index + 2 >= scalars.count || !ScalarClass.isAlphabetic(scalars[index + 2]) {
                continue
            } else {
                finish()
            }
        }
        offset = scalars.count
        finish()
        self.stems = stems
        self.starts = starts
        self.ends = ends
    }

    /// The comparison form of a word: lowercased, without a possessive, a plural ending reduced.
    static func stem(_ word: String) -> String {
        var text = word.lowercased()
        for possessive in ["'s", "\u{2019}s", "'", "\u{2019}"] where text.hasSuffix(possessive) && text.count > possessive.count {
            text.removeLast(possessive.count)
            break
        }
        if text.hasSuffix("ies"), text.count > 4 {
            return String(text.dropLast(3)) + "y"
        }
        if text.hasSuffix("es"), text.count > 4 {
            let base = text.dropLast(2)
            if base.hasSuffix("s") || base.hasSuffix("x") || base.hasSuffix("z") || base.hasSuffix("ch") || base.hasSuffix("sh") {
                return String(base)
            }
        }
        if text.hasSuffix("s"), !text.hasSuffix("ss"), text.count > 3 {
            return String(text.dropLast())
        }
        return text
    }

    /// The phrase's words without a leading "the".
    var searchStems: ArraySlice<String> {
        stems.first == "the" && stems.count > 1 ? stems.dropFirst() : stems[...]
    }

    /// Endings that make a name or a verb another word of the same stem: `Mali` → `Malian`,
    /// `China` → `Chinese`, `Iraq` → `Iraqi`, `arrest` → `arrested`.
    static let derivations = ["n", "an", "ian", "ese", "i", "ish", "ed", "d", "ing", "s", "es"]

    /// Whether `word` is `base` or a derived form of it, the base's final `a`, `e` or `y` dropped
    /// (`Germany` → `German`, `Palestine` → `Palestinian`).
    static func derives(_ word: String, from base: String) -> Bool {
        if word == base { return true }
        guard base.count >= 4 else { return false }
        var stems = [base]
        if let last = base.last, "aey".contains(last) { stems.append(String(base.dropLast())) }
        return stems.contains { stem in
            word.hasPrefix(stem) && (word.count == stem.count || derivations.contains(String(word.dropFirst(stem.count))))
        }
    }

    /// Where `phrase` occurs in this text with each word as written or derived from it.
    func derivedOccurrences(of phrase: EnglishPhrase) -> [Range<Int>] {
        let wanted = phrase.searchStems
        guard !wanted.isEmpty, wanted.count <= stems.count else { return [] }
        var found: [Range<Int>] = []
        for start in 0 ... stems.count - wanted.count
        where zip(stems[start ..< start + wanted.count], wanted).allSatisfy({ Self.derives($0, from: $1) }) {
            found.append(starts[start] ..< ends[start + wanted.count - 1])
        }
        return found
    }

    /// Where the initials of `phrase` (`United Kingdom` → `UK`, `prime minister` → `PM`,
    /// `United States of America` → `USA`) stand in this text as a word in capitals, dotted or
    /// not; `scalars` is the text this was made from.
    func acronymOccurrences(of phrase: EnglishPhrase, in scalars: [Unicode.Scalar]) -> [Range<Int>] {
        let initials = phrase.stems.filter { !["of", "the", "and", "for"].contains($0) }.compactMap(\.first)
        guard initials.count >= 2 else { return [] }
        let acronym = String(initials).uppercased()
        return stems.indices.compactMap { index in
            guard stems[index].count == acronym.count else { return nil }
            let letters = scalars[starts[index] ..< ends[index]].filter { $0 != "." }
            return String(String.UnicodeScalarView(letters)) == acronym ? starts[index] ..< ends[index] : nil
        }
    }

    /// Where `phrase` occurs in this text, as Unicode scalar ranges.
    package func occurrences(of phrase: EnglishPhrase) -> [Range<Int>] {
        let wanted = phrase.searchStems
        guard !wanted.isEmpty, wanted.count <= stems.count else { return [] }
        var found: [Range<Int>] = []
        for start in 0 ... stems.count - wanted.count where stems[start] == wanted.first! {
            if stems[start ..< start + wanted.count].elementsEqual(wanted) {
                found.append(starts[start] ..< ends[start + wanted.count - 1])
            }
        }
        return found
    }
}
