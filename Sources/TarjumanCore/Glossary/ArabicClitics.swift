/// How a word of running text was matched to a glossary term.
public enum MatchKind: String, Codable, Sendable, CaseIterable, Comparable {
    /// The text has the term exactly as written in the glossary.
    case exact
    /// Same search key, written differently (tatweel, diacritics, hamza, ى/ي, ة/ه, digits).
    case normalized
    /// Found after removing clitics: و ف, ب ك ل, ال, pronoun suffixes, the tanween alif.
    case clitic
    /// Found after removing a sound plural or dual ending.
    case inflected

    var rank: Int {
        switch self {
        case .exact: return 0
        case .normalized: return 1
        case .clitic: return 2
        case .inflected: return 3
        }
    }

    public static func < (lhs: MatchKind, rhs: MatchKind) -> Bool { lhs.rank < rhs.rank }
}

/// The readings of one Arabic word with its clitics and endings removed, for glossary lookup.
///
/// Works on the light form (see `ArabicSearchKey.lightForm`), where ة and the hamza forms are
/// still visible. A word may carry: optional و or ف, then optional ب ك ل, then optional ال
/// (`لل` is ل + ال, also before a word starting with ل); then a sound plural or dual ending
/// (ات ون ين ان تان تين) and an enclitic pronoun (ه ها هم هما هن ك كم كما كن ي نا), with ت turned
/// back into ة before a suffix, or the tanween alif.
public enum ArabicClitics {
    /// One reading: a stretch of the word, perhaps with ال before it and ة after it.
    public struct Reading: Equatable, Sendable {
        /// The stem is the word's scalars `start ..< end` ...
        public let start: Int
        public let end: Int
        /// ... with ال put back in front (`للأسرى` read as `الأسرى`) ...
        public let addsArticle: Bool
        /// ... and ة after it (`مقاومته` read as `مقاومة`, `حركتين` as `حركة`).
        public let addsTehMarbuta: Bool
        /// `.exact` for the word itself, `.clitic` or `.inflected` otherwise.
        public let kind: MatchKind

        /// The stem of this reading of `word`, in light form.
        public func stem(of word: [Unicode.Scalar]) -> [Unicode.Scalar] {
            (addsArticle ? [alef, lam] : []) + word[start ..< end] + (addsTehMarbuta ? [tehMarbuta] : [])
        }

        var length: Int { end - start + (addsArticle ? 2 : 0) + (addsTehMarbuta ? 1 : 0) }
    }

    static let alef: Unicode.Scalar = "\u{0627}"
    static let lam: Unicode.Scalar = "\u{0644}"
    static let teh: Unicode.Scalar = "\u{062A}"
    static let tehMarbuta: Unicode.Scalar = "\u{0629}"
    static let yeh: Unicode.Scalar = "\u{064A}"
    static let waw: Unicode.Scalar = "\u{0648}"
    static let feh: Unicode.Scalar = "\u{0641}"
    static let beh: Unicode.Scalar = "\u{0628}"
    static let kaf: Unicode.Scalar = "\u{0643}"
    static let enclitics: [[Unicode.Scalar]] = ["هما", "كما", "ها", "هم", "هن", "كم", "كن", "نا", "ه", "ك", "ي"]
        .map { Array($0.unicodeScalars) }
    /// Endings that stand for a feminine singular in ة.
    static let feminineEndings: [[Unicode.Scalar]] = ["تان", "تين", "ات"].map { Array($0.unicodeScalars) }
    static let otherEndings: [[Unicode.Scalar]] = ["ون", "ين", "ان"].map { Array($0.unicodeScalars) }
    /// Words ending in ون ين ان over a shorter stem are nearly always words of their own
    /// (لبنان, بيان, زيتون), not plurals or duals of it.
    static let minimumMasculineStem = 4

    /// Every reading of `word` (light form), the word itself first. `hadTanween` says whether the
    /// word as written carried a tanween fatha, so that its final alif may be dropped.
    public static func readings(of word: [Unicode.Scalar], hadTanween: Bool = false) -> [Reading] {
        var result: [Reading] = []
        readings(of: word, hadTanween: hadTanween, into: &result)
        return result
    }

    /// The readings of `word` written into `result` (emptied first), so that one buffer serves
    /// every word of a text.
    static func readings<Word: RandomAccessCollection<Unicode.Scalar>>(of word: Word, hadTanween: Bool, into result: inout [Reading])
    where Word.Index == Int {
        result.removeAll(keepingCapacity: true)
        result.append(Reading(start: 0, end: word.count, addsArticle: false, addsTehMarbuta: false, kind: .exact))
        func add(_ reading: Reading) {
            guard reading.length >= 2 else { return }
            for existing in result where existing.start == reading.start && existing.end == reading.end
                && existing.addsArticle == reading.addsArticle && existing.addsTehMarbuta == reading.addsTehMarbuta {
                return
            }
            result.append(reading)
        }
        forEachProcliticBase(of: word) { start, addsArticle in
            if start > 0 || addsArticle {
                add(Reading(start: start, end: word.count, addsArticle: addsArticle, addsTehMarbuta: false, kind: .clitic))
            }
            suffixReadings(of: word, from: start, addsArticle: addsArticle, hadTanween: hadTanween, into: add)
        }
    }

    /// Calls `body` with where the word starts once each allowed combination of proclitics is
    /// removed, and whether ال must be put back (the word itself first, as offset 0).
    static func forEachProcliticBase<Word: RandomAccessCollection<Unicode.Scalar>>(
        of word: Word, _ body: (_ start: Int, _ addsArticle: Bool) -> Void
    ) where Word.Index == Int {
        body(0, false)
        guard !word.isEmpty else { return }
        let hasConjunction = word.count - 1 >= 3 && (word[0] == waw || word[0] == feh)
        if hasConjunction { body(1, false) }
        for form in 0 ... (hasConjunction ? 1 : 0) {
            func article(after start: Int) {
                if start + 1 < word.count && word[start] == alef && word[start + 1] == lam && word.count - start - 2 >= 2 {
                    body(start + 2, false)
                }
            }
            article(after: form)
            let letter = word[form]
            guard letter == beh || letter == kaf || letter == lam else { continue }
            let rest = form + 1
            let restCount = word.count - rest
            if letter == lam, rest < word.count, word[rest] == lam, restCount >= 3 {
                // لل: ل + ال with the article's alif dropped (للأسرى = ل + الأسرى), or before a
                // word starting with ل, one lam dropped too (للجان = ل + اللجان).
                body(rest + 1, true)
                body(rest, true)
            }
            if restCount >= 3 {
                body(rest, false)
                article(after: rest)
            }
        }
    }

    /// Readings of the base `word[start...]` without its ending: enclitic pronoun, tanween alif,
    /// plural or dual ending.
    static func suffixReadings<Word: RandomAccessCollection<Unicode.Scalar>>(of word: Word, from start: Int, addsArticle: Bool, hadTanween: Bool,
                               into add: (Reading) -> Void) where Word.Index == Int {
        let base = word[start...]
        func reading(_ end: Int, _ tehMarbuta: Bool, _ kind: MatchKind) -> Reading {
            Reading(start: start, end: end, addsArticle: addsArticle, addsTehMarbuta: tehMarbuta, kind: kind)
        }
        func pluralReadings(endingAt end: Int) {
            let length = end - start
            for ending in feminineEndings where length > ending.count + 1 && ends(word, at: end, with: ending) {
                add(reading(end - ending.count, true, .inflected))
                add(reading(end - ending.count, false, .inflected))
            }
            for ending in otherEndings where length >= ending.count + minimumMasculineStem && ends(word, at: end, with: ending) {
                add(reading(end - ending.count, false, .inflected))
            }
        }
        for pronoun in enclitics where base.count > pronoun.count && ends(word, at: word.count, with: pronoun) {
            let end = word.count - pronoun.count
            guard end - start >= (pronoun.count == 1 ? 3 : 2) else { continue }
            // A final ي is far more often the adjective ending (فلسطيني, إيراني) than "my": it is
            // read as a pronoun only after ت, which then stands for ة (حركتي, قيادتي).
            if pronoun.count == 1 && pronoun[0] == yeh && word[end - 1] != teh { continue }
            add(reading(end, false, .clitic))
            if word[end - 1] == teh {
                add(reading(end - 1, true, .clitic))
            }
            pluralReadings(endingAt: end)
        }
        if hadTanween, base.last == alef, base.count - 1 >= 3 {
            add(reading(word.count - 1, false, .clitic))
        }
        pluralReadings(endingAt: word.count)
    }

    /// Whether `word[..<end]` ends with `suffix`.
    @inline(__always)
    static func ends<Word: RandomAccessCollection<Unicode.Scalar>>(_ word: Word, at end: Int, with suffix: [Unicode.Scalar]) -> Bool
    where Word.Index == Int {
        guard end >= suffix.count else { return false }
        var index = end - suffix.count
        for scalar in suffix {
            if word[index] != scalar { return false }
            index += 1
        }
        return true
    }
}
