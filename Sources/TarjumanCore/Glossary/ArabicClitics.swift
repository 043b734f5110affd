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
    /// One reading: the word without some clitics, and what was removed.
    public struct Reading: Equatable, Sendable {
        /// The remaining stem, in light form.
        public let stem: [Unicode.Scalar]
        /// `.exact` for the word itself, `.clitic` or `.inflected` otherwise.
        public let kind: MatchKind
    }

    static let alef: Unicode.Scalar = "\u{0627}"
    static let lam: Unicode.Scalar = "\u{0644}"
    static let teh: Unicode.Scalar = "\u{062A}"
    static let tehMarbuta: Unicode.Scalar = "\u{0629}"
    static let yeh: Unicode.Scalar = "\u{064A}"
    static let conjunctions: Set<Unicode.Scalar> = ["\u{0648}", "\u{0641}"]
    static let prepositions: Set<Unicode.Scalar> = ["\u{0628}", "\u{0643}", "\u{0644}"]
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
        var result = [Reading(stem: word, kind: .exact)]
        var seen: Set<[Unicode.Scalar]> = [word]
        func add(_ stem: [Unicode.Scalar], _ kind: MatchKind) {
            guard stem.count >= 2, !seen.contains(stem) else { return }
            seen.insert(stem)
            result.append(Reading(stem: stem, kind: kind))
        }
        for base in proclitcBases(of: word) {
            if base != word { add(base, .clitic) }
            for (stem, kind) in suffixReadings(of: base, hadTanween: hadTanween) {
                add(stem, kind)
            }
        }
        return result
    }

    /// The word with each allowed combination of proclitics removed (the word itself included).
    static func proclitcBases(of word: [Unicode.Scalar]) -> [[Unicode.Scalar]] {
        var bases: [[Unicode.Scalar]] = [word]
        var conjunctionForms: [ArraySlice<Unicode.Scalar>] = [word[...]]
        if let first = word.first, conjunctions.contains(first), word.count - 1 >= 3 {
            conjunctionForms.append(word.dropFirst())
        }
        for form in conjunctionForms {
            if form.count != word.count { bases.append(Array(form)) }
            var prepositionForms: [ArraySlice<Unicode.Scalar>] = [form]
            if let first = form.first, prepositions.contains(first) {
                let rest = form.dropFirst()
                if first == lam, rest.first == lam, rest.count >= 3 {
                    // لل: ل + ال with the article's alif dropped (للأسرى = ل + الأسرى), or before a
                    // word starting with ل, one lam dropped too (للجان = ل + اللجان).
                    bases.append([alef, lam] + rest.dropFirst())
                    bases.append([alef, lam] + rest)
                }
                if rest.count >= 3 {
                    prepositionForms.append(rest)
                    bases.append(Array(rest))
                }
            }
            for prepositionForm in prepositionForms {
                if prepositionForm.starts(with: [alef, lam]), prepositionForm.count - 2 >= 2 {
                    bases.append(Array(prepositionForm.dropFirst(2)))
                }
            }
        }
        return bases
    }

    /// Readings of a base without its ending: enclitic pronoun, tanween alif, plural or dual ending.
    static func suffixReadings(of base: [Unicode.Scalar], hadTanween: Bool) -> [([Unicode.Scalar], MatchKind)] {
        var result: [([Unicode.Scalar], MatchKind)] = []
        var withoutPronoun: [[Unicode.Scalar]] = [base]
        for pronoun in enclitics where base.count > pronoun.count && base.reversed().starts(with: pronoun.reversed()) {
            let stem = Array(base.dropLast(pronoun.count))
            guard stem.count >= (pronoun.count == 1 ? 3 : 2) else { continue }
            // A final ي is far more often the adjective ending (فلسطيني, إيراني) than "my": it is
            // read as a pronoun only after ت, which then stands for ة (حركتي, قيادتي).
            if pronoun == [yeh] && stem.last != teh { continue }
            result.append((stem, .clitic))
            withoutPronoun.append(stem)
            if stem.last == teh {
                let feminine = Array(stem.dropLast()) + [tehMarbuta]
                result.append((feminine, .clitic))
            }
        }
        if hadTanween, base.last == alef, base.count - 1 >= 3 {
            result.append((Array(base.dropLast()), .clitic))
        }
        for form in withoutPronoun {
            for ending in feminineEndings where form.count > ending.count + 1 && form.reversed().starts(with: ending.reversed()) {
                let stem = Array(form.dropLast(ending.count))
                result.append((stem + [tehMarbuta], .inflected))
                result.append((stem, .inflected))
            }
            for ending in otherEndings where form.count >= ending.count + minimumMasculineStem && form.reversed().starts(with: ending.reversed()) {
                result.append((Array(form.dropLast(ending.count)), .inflected))
            }
        }
        return result
    }
}
