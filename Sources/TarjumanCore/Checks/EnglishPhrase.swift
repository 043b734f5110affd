/// English text as words for tolerant phrase search: case, plural `-s`/`-es`, a possessive `'s`
/// and a leading "the" do not matter; hyphens separate words (`al-Qassam` = `Al Qassam`) and the
/// dots of initials do not (`U.S.` = `US`).
struct EnglishPhrase {
    /// Each word's comparison form and its Unicode scalar offsets in the text.
    let stems: [String]
    let starts: [Int]
    let ends: [Int]

    init(_ text: String) {
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
        let scalars = Array(text.unicodeScalars)
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

    /// Where `phrase` occurs in this text, as Unicode scalar ranges.
    func occurrences(of phrase: EnglishPhrase) -> [Range<Int>] {
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
