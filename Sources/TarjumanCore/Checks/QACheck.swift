/// The consistency and QA checks `tarjuman check` runs.
public enum QACheck: String, Sendable, CaseIterable, Codable, Comparable {
    case inconsistentTarget = "inconsistent-target"
    case inconsistentSource = "inconsistent-source"
    case glossaryMissing = "glossary-missing"
    case glossaryForbidden = "glossary-forbidden"
    case numbers
    case untranslated
    case sameAsSource = "same-as-source"
    case arabicInTarget = "arabic-in-target"
    case endPunctuation = "end-punctuation"
    case bracketsQuotes = "brackets-quotes"
    case whitespace
    case repeatedWord = "repeated-word"
    case lengthRatio = "length-ratio"
    case urlsEmails = "urls-emails"
    case reversedGrouping = "reversed-grouping"
    case inlineCodes = "inline-codes"

    /// What the check looks for, in one line.
    public var summary: String {
        switch self {
        case .inconsistentTarget: return "the same source rendered in different ways"
        case .inconsistentSource: return "one rendering used for different sources"
        case .glossaryMissing: return "a glossary term in the source whose approved or alternative rendering is not in the English"
        case .glossaryForbidden: return "a forbidden rendering of a glossary term in the English"
        case .numbers: return "numbers of the source missing from the English, or numbers in the English not in the source"
        case .untranslated: return "units without a rendering"
        case .sameAsSource: return "an English rendering identical to the Arabic source"
        case .arabicInTarget: return "Arabic letters or punctuation left in the English"
        case .endPunctuation: return "final punctuation that does not correspond (؟ and ?, !, ., …)"
        case .bracketsQuotes: return "unbalanced brackets or quotes in the English, or source brackets missing from it"
        case .whitespace: return "leading or trailing spaces and double spaces in the English"
        case .repeatedWord: return "a word repeated in the English (the the)"
        case .lengthRatio: return "an English rendering much shorter or longer than human translations are"
        case .urlsEmails: return "web addresses, e-mail addresses and handles not kept unchanged"
        case .reversedGrouping: return "source numbers whose digit groups right-to-left copying reversed (000 200 for 200,000); off unless turned on"
        case .inlineCodes: return "a code of a DOCX or HTML source (bold, link, footnote reference, tab) left out of the English, or its tags broken"
        }
    }

    /// Whether the check runs when the project has not turned it on or off.
    public var isOnByDefault: Bool {
        self != .reversedGrouping
    }

    public static func < (lhs: QACheck, rhs: QACheck) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// How serious a finding is; `error` findings make `tarjuman check` exit with status 1.
public enum Severity: String, Sendable, CaseIterable, Codable, Comparable {
    case info
    case warning
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
