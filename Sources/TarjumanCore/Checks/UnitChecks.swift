import Foundation

/// A unit with its current rendering, as the checks read it.
public struct CheckedUnit: Sendable, Equatable {
    public let id: UnitID
    public let source: String
    /// The current rendering (the newest approved one, else the newest); nil when there is none.
    public let target: String?
    /// The unit's inline codes (a DOCX or HTML unit's), which the rendering places as tags.
    public let codes: [InlineCode]

    public init(id: UnitID, source: String, target: String?, codes: [InlineCode] = []) {
        self.id = id
        self.source = source
        self.target = target
        self.codes = codes
    }
}

/// The checks that look at one unit at a time.
///
/// Not thread-safe (it keeps a glossary matcher and a cache of English phrases): each thread
/// uses its own.
package final class UnitChecks: @unchecked Sendable {
    let enabled: Set<QACheck>
    let glossary: GlossaryMatcher?
    private var phrases: [String: EnglishPhrase] = [:]
    /// The glossary terms found not rendered as the glossary says, one per `glossary-missing`
    /// finding, for the word aligner to tell how they were rendered.
    private(set) var misses: [GlossaryMiss] = []

    /// The rendering length relative to the source length (characters) that human translations
    /// keep to: the 0.5th and 99.5th percentiles of 13,688 pairs of FLORES, NTREX, Tatoeba and
    /// TICO-19 whose longer side has at least `lengthRatioMinimumLength` characters
    /// (`tarjuman-eval check-corpus` prints them again).
    static let lengthRatioRange = 0.6 ... 2.4
    static let lengthRatioMinimumLength = 20

    init(enabled: Set<QACheck>, terms: [Term]) throws(TarjumanError) {
        self.enabled = enabled
        let needsGlossary = enabled.contains(.glossaryMissing) || enabled.contains(.glossaryForbidden)
        self.glossary = needsGlossary && !terms.isEmpty ? try GlossaryMatcher(terms: terms) : nil
    }

    /// A unit's quotation marks, and the finding of marks that do not pair up, which stands
    /// unless a unit nearby holds the other end of the quotation.
    struct Quotation: Sendable {
        let unit: UnitID
        let ends: QuotationEnds
        let finding: Finding?
    }

    /// The findings of one unit, and its quotation marks when it has any.
    /// Only the unit's quotation marks, as `run` gives them: for a unit near the ones checked,
    /// whose quotation may go on into theirs.
    func quotation(of unit: CheckedUnit) -> Quotation? {
        guard enabled.contains(.bracketsQuotes), let tagged = unit.target else { return nil }
        let context = Context(unit: unit, target: TaggedText.plain(tagged, codes: unit.codes))
        if enabled.contains(.sameAsSource), Self.trimmed(context.targetScalars).elementsEqual(Self.trimmed(context.sourceScalars)) {
            return nil
        }
        return quotationMarks(context)
    }

    func run(_ unit: CheckedUnit) -> (findings: [Finding], quotation: Quotation?) {
        var findings: [Finding] = []
        guard let tagged = unit.target else {
            if enabled.contains(.untranslated) {
                findings.append(Finding(check: .untranslated, severity: .error, units: [unit.id],
                                        message: "no English rendering yet", texts: [unit.source]))
            }
            return (findings, nil)
        }
        if enabled.contains(.inlineCodes), let finding = Self.inlineCodes(unit, tagged) { findings.append(finding) }
        // The other checks read the English without its tags.
        let target = TaggedText.plain(tagged, codes: unit.codes)
        let context = Context(unit: unit, target: target)
        if enabled.contains(.sameAsSource), Self.trimmed(context.targetScalars).elementsEqual(Self.trimmed(context.sourceScalars)) {
            findings.append(context.finding(.sameAsSource, .error, "the English is the Arabic source copied unchanged",
                                            spans: [context.targetSpan(0 ..< target.unicodeScalars.count)]))
            return (findings, nil)
        }
        var quotation: Quotation?
        if enabled.contains(.arabicInTarget) { arabicInTarget(context, &findings) }
        if enabled.contains(.numbers) { numbers(context, &findings) }
        if enabled.contains(.endPunctuation) { endPunctuation(context, &findings) }
        if enabled.contains(.bracketsQuotes) {
            bracketsQuotes(context, &findings)
            quotation = quotationMarks(context)
        }
        if enabled.contains(.whitespace) { whitespace(context, &findings) }
        if enabled.contains(.repeatedWord) { repeatedWord(context, &findings) }
        if enabled.contains(.lengthRatio) { lengthRatio(context, &findings) }
        if enabled.contains(.urlsEmails) { urlsEmails(context, &findings) }
        if glossary != nil { glossaryChecks(context, &findings) }
        return (Self.merged(findings), quotation)
    }

    /// The codes of the source a rendering leaves out, and tags it breaks.
    static func inlineCodes(_ unit: CheckedUnit, _ target: String) -> Finding? {
        guard !unit.codes.isEmpty else { return nil }
        let (missing, unbalanced) = TaggedText.problems(target, codes: unit.codes)
        var problems: [String] = []
        if !missing.isEmpty { problems.append("leaves out " + missing.map(\.described).joined(separator: ", ")) }
        if !unbalanced.isEmpty { problems.append("does not open and close " + unbalanced.map(\.described).joined(separator: ", ") + " in order") }
        guard !problems.isEmpty else { return nil }
        return Finding(check: .inlineCodes, severity: .warning, units: [unit.id],
                       message: "the English " + problems.joined(separator: "; and ") + "; place the tags where the formatting goes",
                       texts: [TaggedText.tagged(unit.source, codes: unit.codes), target])
    }

    /// The findings with those of one id (one problem found twice) made one, with every span.
    static func merged(_ findings: [Finding]) -> [Finding] {
        guard findings.count > 1, Set(findings.map(\.id)).count < findings.count else { return findings }
        var merged: [Finding] = []
        var position: [String: Int] = [:]
        for finding in findings {
            if let index = position[finding.id] {
                let spans = merged[index].spans + finding.spans.filter { !merged[index].spans.contains($0) }
                merged[index] = merged[index].with(spans: spans)
            } else {
                position[finding.id] = merged.count
                merged.append(finding)
            }
        }
        return merged
    }

    /// One unit's texts, read once for every check.
    struct Context {
        let unit: CheckedUnit
        let target: String
        let sourceScalars: [Unicode.Scalar]
        let targetScalars: [Unicode.Scalar]
        /// The paragraph numbers and enumerators opening each side.
        let sourceMarkers: [LeadingMarker]
        let targetMarkers: [LeadingMarker]

        init(unit: CheckedUnit, target: String) {
            self.unit = unit
            self.target = target
            self.sourceScalars = unit.source.scalarArray
            self.targetScalars = target.scalarArray
            self.sourceMarkers = LeadingMarker.markers(in: sourceScalars, language: .arabic)
            self.targetMarkers = LeadingMarker.markers(in: targetScalars, language: .english)
        }

        func sourceSpan(_ range: Range<Int>) -> FindingSpan {
            FindingSpan(unit: unit.id, side: .source, start: range.lowerBound, end: range.upperBound, text: Self.text(sourceScalars[range]))
        }

        func targetSpan(_ range: Range<Int>) -> FindingSpan {
            FindingSpan(unit: unit.id, side: .target, start: range.lowerBound, end: range.upperBound, text: Self.text(targetScalars[range]))
        }

        func finding(_ check: QACheck, _ severity: Severity, _ message: String, spans: [FindingSpan] = []) -> Finding {
            Finding(check: check, severity: severity, units: [unit.id], message: message, spans: spans, texts: [unit.source, target])
        }

        static func text(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars)
            return String(view)
        }
    }

    // MARK: - Arabic left in the English

    package static func isArabic(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0600 ... 0x06FF, 0x0750 ... 0x077F, 0x08A0 ... 0x08FF, 0xFB50 ... 0xFDFF, 0xFE70 ... 0xFEFF: return scalar.value != 0xFEFF
        default: return false
        }
    }

    func arabicInTarget(_ context: Context, _ findings: inout [Finding]) {
        var runs: [Range<Int>] = []
        var index = 0
        let scalars = context.targetScalars
        while index < scalars.count {
            guard Self.isArabic(scalars[index]) else {
                index += 1
                continue
            }
            var end = index + 1
            while end < scalars.count, Self.isArabic(scalars[end]) || (scalars[end] == " " && end + 1 < scalars.count && Self.isArabic(scalars[end + 1])) {
                end += 1
            }
            runs.append(index ..< end)
            index = end
        }
        guard !runs.isEmpty else { return }
        let shown = runs.prefix(3).map { "'\(Context.text(scalars[$0]))'" }.joined(separator: ", ")
        findings.append(context.finding(.arabicInTarget, .error, "Arabic left in the English: \(shown)", spans: runs.map(context.targetSpan)))
    }

    // MARK: - Numbers

    func numbers(_ context: Context, _ findings: inout [Finding]) {
        markers(context, &findings)
        let sourceBody = LeadingMarker.bodyStart(context.sourceMarkers), targetBody = LeadingMarker.bodyStart(context.targetMarkers)
        let sourceNumbers = NumberReading.mentions(in: context.sourceScalars, language: .arabic).filter { $0.start >= sourceBody }
        var targetNumbers = NumberReading.mentions(in: context.targetScalars, language: .english).filter { $0.start >= targetBody }
        Self.splitFinalFootnote(&targetNumbers, context)
        if sourceNumbers.isEmpty && targetNumbers.isEmpty { return }
        let targetDigits = Set(targetNumbers.flatMap { $0.forms.union($0.parts.flatMap(\.forms)) })
        var targetKnown: Set<String>?
        var missing: [NumberMention] = []
        for mention in sourceNumbers {
            if let backward = mention.reversedReading, Self.readsReversed(mention, backward, targetDigits) { reversed(mention, context, &findings) }
            guard !mention.isIn(targetDigits) else { continue }
            if targetKnown == nil { targetKnown = NumberReading.knownValues(in: context.target, mentions: targetNumbers, language: .english) }
            guard !mention.isIn(targetKnown!) || NumberReading.needsDigits(mention, in: context.sourceScalars) else { continue }
            // A Hijri date the English gives by its Gregorian date only.
            if mention.isHijriDay, !NumberReading.namesHijriMonth(context.target) { continue }
            if !missing.contains(where: { $0.forms == mention.forms }) { missing.append(mention) }
        }
        if !missing.isEmpty {
            let message: String
            if missing.allSatisfy({ $0.time == nil }) {
                let list = missing.map { Self.describe($0) }.joined(separator: ", ")
                message = missing.count == 1 ? "the number \(list) of the source is not in the English" : "the numbers \(list) of the source are not in the English"
            } else {
                let list = missing.map { $0.time == nil ? "the number \(Self.describe($0))" : "the time \(Self.describe($0))" }.joined(separator: ", ")
                let halves = missing.compactMap { mention -> String? in
                    guard let time = mention.time else { return nil }
                    return targetNumbers.first { other in
                        other.time.map { $0.minute == time.minute && $0.hour % 12 == time.hour % 12 && $0.hour != time.hour } ?? false
                    }.map { "the English says \($0.text) (\($0.time!.twentyFourHour))" }
                }
                message = list + (missing.count == 1 ? " of the source is not in the English" : " of the source are not in the English")
                    + (halves.isEmpty ? "" : "; " + halves.joined(separator: ", "))
            }
            findings.append(context.finding(.numbers, .error, message, spans: missing.map { context.sourceSpan($0.start ..< $0.end) }))
        }
        let sourceDigits = Set(sourceNumbers.flatMap { $0.forms.union($0.parts.flatMap(\.forms)) })
        var sourceKnown: Set<String>?
        var extra: [NumberMention] = []
        let footnotesLost = Self.hasEmptyBrackets(context.sourceScalars)
        for mention in targetNumbers where !mention.isIn(sourceDigits) {
            if sourceKnown == nil { sourceKnown = NumberReading.knownValues(in: context.unit.source, mentions: sourceNumbers, language: .arabic) }
            guard !mention.isIn(sourceKnown!) else { continue }
            // A footnote reference (`Council.1`) whose number the Arabic lost, leaving `()`.
            if footnotesLost, Self.isFootnoteReference(mention, in: context.targetScalars) { continue }
            if !extra.contains(where: { $0.forms == mention.forms }) { extra.append(mention) }
        }
        if !extra.isEmpty {
            let list = extra.map(\.text).joined(separator: ", ")
            let message = extra.count == 1 ? "the number \(list) in the English is not in the source" : "the numbers \(list) in the English are not in the source"
            findings.append(context.finding(.numbers, .warning, message, spans: extra.map { context.targetSpan($0.start ..< $0.end) }))
        }
    }

    /// Whether the English has a number in its reversed reading and not in its forward one.
    static func readsReversed(_ mention: NumberMention, _ backward: String, _ digits: Set<String>) -> Bool {
        digits.contains(backward) && !(mention.forwardReading.map(digits.contains) ?? false)
    }

    /// Source numbers read with their digit groups reversed, counted; listed when the
    /// `reversed-grouping` check is on.
    private(set) var reversedGroupings = 0

    func reversed(_ mention: NumberMention, _ context: Context, _ findings: inout [Finding]) {
        reversedGroupings += 1
        guard enabled.contains(.reversedGrouping) else { return }
        let value = mention.reversedReading ?? mention.text
        findings.append(context.finding(.reversedGrouping, .info,
                                        "the source writes \(Self.grouped(value)) with its digit groups reversed (\(mention.text)), as right-to-left copying leaves them; the English has it right",
                                        spans: [context.sourceSpan(mention.start ..< mention.end)]))
    }

    /// A canonical number with its thousands grouped by commas: `1958.6` → `1,958.6`.
    static func grouped(_ value: String) -> String {
        let parts = value.split(separator: ".", maxSplits: 1)
        var integer = String(parts[0])
        var groups: [String] = []
        while integer.count > 3 {
            groups.insert(String(integer.suffix(3)), at: 0)
            integer.removeLast(3)
        }
        groups.insert(integer, at: 0)
        return groups.joined(separator: ",") + (parts.count > 1 ? "." + parts[1] : "")
    }

    /// Leading paragraph numbers and enumerators on both sides that count the same way but differ.
    func markers(_ context: Context, _ findings: inout [Finding]) {
        guard !context.sourceMarkers.isEmpty, !context.targetMarkers.isEmpty else { return }
        for marker in context.sourceMarkers {
            let comparable = context.targetMarkers.filter {
                (!$0.numbers.isEmpty && !marker.numbers.isEmpty) || (!$0.letters.isEmpty && !marker.letters.isEmpty)
            }
            guard let other = comparable.first, comparable.allSatisfy({ marker.disagrees(with: $0) }) else { continue }
            findings.append(context.finding(.numbers, .warning,
                                            "the paragraph marker '\(marker.text)' of the source is '\(other.text)' in the English",
                                            spans: [context.sourceSpan(marker.range), context.targetSpan(other.range)]))
        }
    }

    /// `in 2017.1` closing a rendering whose source ends with a full stop: the number, its full
    /// stop and a footnote reference glued to it, as text extracted from a document has them.
    static func splitFinalFootnote(_ mentions: inout [NumberMention], _ context: Context) {
        guard var last = mentions.last, last.time == nil, last.parts.isEmpty,
              last.end == trimmed(context.targetScalars).endIndex, finalMark(context.sourceScalars) == .fullStop else { return }
        let written = Array(last.text.unicodeScalars)
        guard let dot = written.firstIndex(of: "."), written.lastIndex(of: ".") == dot, (1 ... 3).contains(written.count - dot - 1),
              let whole = NumberReading.mentions(in: Array(written[..<dot]), language: .english).first else { return }
        last.forms.formUnion(whole.forms)
        mentions[mentions.count - 1] = last
    }

    /// Whether a text holds empty brackets, `()`, where a footnote reference was lost.
    static func hasEmptyBrackets(_ scalars: [Unicode.Scalar]) -> Bool {
        emptyBrackets(scalars).first != nil
    }

    /// The ranges of empty brackets, `()` or `( )`.
    static func emptyBrackets(_ scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var index = 0
        while index < scalars.count {
            if scalars[index] == "(" {
                var end = index + 1
                while end < scalars.count, scalars[end] == " " || ScalarClass.isInvisible(scalars[end].value) { end += 1 }
                if end < scalars.count, scalars[end] == ")" {
                    ranges.append(index ..< end + 1)
                    index = end
                }
            }
            index += 1
        }
        return ranges
    }

    /// A number of one to three digits glued to the word or punctuation before it, as a
    /// footnote reference comes out of a document (`Council.1`, `measures;12`).
    static func isFootnoteReference(_ mention: NumberMention, in scalars: [Unicode.Scalar]) -> Bool {
        guard mention.start > 0, mention.end - mention.start <= 3, mention.time == nil, mention.parts.isEmpty else { return false }
        let before = scalars[mention.start - 1]
        return ScalarClass.isAlphabetic(before) || ".,;:)\u{201D}\"".unicodeScalars.contains(before)
    }

    /// A source number as written, with its Western digits when it is written otherwise, and
    /// a time with its 12-hour reading.
    static func describe(_ mention: NumberMention) -> String {
        if let time = mention.time {
            return "\(mention.text) (\(time.twelveHour))"
        }
        let western = mention.forms.filter { !$0.hasPrefix("t") }.sorted { ($0.count, $0) < ($1.count, $1) }.first ?? mention.text
        if mention.forwardReading == nil, let backward = mention.reversedReading { return "\(mention.text) (\(grouped(backward)) with its groups reversed)" }
        return mention.text.unicodeScalars.allSatisfy({ $0.value < 0x80 }) ? mention.text : "\(mention.text) (\(western))"
    }

    // MARK: - End punctuation

    enum FinalMark: String {
        case question = "?", exclamation = "!", fullStop = ".", ellipsis = "…", colon = ":", none = "no punctuation"
    }

    static let closers: Set<Unicode.Scalar> = ["\"", "'", "\u{201D}", "\u{2019}", "\u{00BB}", "\u{203A}", ")", "]", "}"]

    static func finalMark(_ scalars: [Unicode.Scalar]) -> FinalMark {
        var end = scalars.count
        while end > 0, ScalarClass.isWhitespace(scalars[end - 1].value) || closers.contains(scalars[end - 1]) { end -= 1 }
        // A footnote reference glued after the final mark (`the Council.12`).
        var digits = end
        while digits > 0, end - digits < 3, NumberReading.digit(scalars[digits - 1]) != nil { digits -= 1 }
        if digits < end, digits > 0, ".;!?\u{061F}".unicodeScalars.contains(scalars[digits - 1]) {
            end = digits
            while end > 0, closers.contains(scalars[end - 1]) { end -= 1 }
        }
        guard end > 0 else { return .none }
        switch scalars[end - 1] {
        case "?", "\u{061F}", "\u{2E2E}": return .question
        case "!":
            var position = end - 1
            while position > 0, scalars[position - 1] == "!" { position -= 1 }
            if position > 0, scalars[position - 1] == "?" || scalars[position - 1] == "\u{061F}" { return .question }
            return .exclamation
        case "\u{2026}": return .ellipsis
        case ".":
            if end >= 3, scalars[end - 2] == ".", scalars[end - 3] == "." { return .ellipsis }
            // `Kif 7alak?.`: a question with a full stop after its mark.
            if end >= 2, "?\u{061F}\u{2E2E}".unicodeScalars.contains(scalars[end - 2]) { return .question }
            return .fullStop
        case "\u{06D4}": return .fullStop
        case ":": return .colon
        default: return .none
        }
    }

    /// Words that open an Arabic question: `هل`, `متى`, `كيف`, `لماذا`, `ماذا`, `أين`, `أليس`.
    static let interrogatives: Set<String> = ["هل", "وهل", "فهل", "أهل", "متى", "ومتى", "كيف", "وكيف", "فكيف", "لماذا", "ولماذا", "فلماذا",
                                              "ماذا", "وماذا", "فماذا", "أين", "وأين", "فأين", "اين", "أليس", "أليست", "ألا", "هلا", "هلّا"]

    /// Whether an Arabic text asks: it opens with an interrogative (`إلى متى` too), or has a
    /// question mark before its last words (`هل تحتاج مساعدة ؟ يا رفيقي.`).
    static func asks(_ scalars: [Unicode.Scalar]) -> Bool {
        if scalars.contains(where: { $0 == "\u{061F}" || $0 == "?" || $0 == "\u{2E2E}" }) { return true }
        let words = Context.text(scalars[...]).split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" }).prefix(2)
            .map { String($0.unicodeScalars.filter { $0.properties.generalCategory != .nonspacingMark }.map(Character.init)) }
        guard let first = words.first else { return false }
        return interrogatives.contains(first) || (["إلى", "الى", "حتى"].contains(first) && words.count > 1 && words[1] == "متى")
    }

    /// Whether an English text is written in title case: of its words of four letters or more,
    /// at least three, and nine in ten after the first, open with a capital.
    static func isTitleCase(_ scalars: [Unicode.Scalar]) -> Bool {
        let words = Context.text(scalars[...]).split(separator: " ").dropFirst().filter { $0.unicodeScalars.filter(ScalarClass.isAlphabetic).count >= 4 }
        guard words.count >= 3 else { return false }
        let capitals = words.filter { $0.unicodeScalars.first.map(RepeatedWords.isCapital) ?? false }.count
        return Double(capitals) >= 0.9 * Double(words.count)
    }

    func endPunctuation(_ context: Context, _ findings: inout [Finding]) {
        let source = Self.finalMark(context.sourceScalars)
        let target = Self.finalMark(context.targetScalars)
        guard source != target else { return }
        let ending = target == .none ? "has no final punctuation" : "ends with \(target.rawValue)"
        let message: String
        let severity: Severity
        switch (source, target) {
        case (.question, _):
            (message, severity) = ("the source is a question (؟) but the English \(ending)", .warning)
        case (_, .question):
            // A question the source asks with `هل` or `متى` and ends with a full stop or nothing.
            guard !Self.asks(Array(context.sourceScalars[(context.sourceMarkers.last?.range.upperBound ?? 0)...])) else { return }
            (message, severity) = ("the English is a question but the source is not", .warning)
        case (.fullStop, .none), (.exclamation, .none):
            // A headline in title case (`Sarah Palin's Eldest Son Arrested`) has no final stop.
            guard !Self.isTitleCase(context.targetScalars) else { return }
            (message, severity) = ("the source ends with \(source.rawValue) but the English \(ending)", .warning)
        case (.exclamation, .fullStop):
            // Arabic prose ends statements with `!` where English writes a full stop.
            return
        case (.exclamation, _), (.ellipsis, _):
            (message, severity) = ("the source ends with \(source.rawValue) but the English \(ending)", .info)
        default:
            return
        }
        findings.append(context.finding(.endPunctuation, severity, message))
    }

    // MARK: - Brackets and quotes

    static let pairs: [(open: Unicode.Scalar, close: Unicode.Scalar)] = [("(", ")"), ("[", "]"), ("{", "}"), ("\u{00AB}", "\u{00BB}"), ("\u{201C}", "\u{201D}")]

    /// Where a text's brackets of one kind do not pair up.
    static func unmatched(_ scalars: [Unicode.Scalar], open: Unicode.Scalar, close: Unicode.Scalar) -> [Int] {
        var unmatched: [Int] = []
        var openings: [Int] = []
        for (index, scalar) in scalars.enumerated() {
            if scalar == open {
                openings.append(index)
            } else if scalar == close {
                if openings.isEmpty { unmatched.append(index) } else { openings.removeLast() }
            }
        }
        return unmatched + openings
    }

    /// Double quotation marks of any style in a text.
    static func doubleQuoteCount(_ scalars: [Unicode.Scalar]) -> Int {
        scalars.filter(isDoubleQuote).count
    }

    /// A double quotation mark of any style: `"`, `“`, `”`, `«`, `»`.
    static func isDoubleQuote(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\"" || scalar == "\u{201C}" || scalar == "\u{201D}" || scalar == "\u{00AB}" || scalar == "\u{00BB}"
    }

    /// Whether a text has quotation marks (an apostrophe inside a word is not one).
    static func hasQuotes(_ scalars: [Unicode.Scalar]) -> Bool {
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "\"", "\u{201C}", "\u{201D}", "\u{00AB}", "\u{00BB}", "\u{2018}": return true
            case "'" where index == 0 || ScalarClass.isWhitespace(scalars[index - 1].value): return true
            default: continue
            }
        }
        return false
    }

    /// A quotation of four words or more in the source (not a quoted name), as a range.
    static func longQuotation(_ scalars: [Unicode.Scalar]) -> Range<Int>? {
        let marks = scalars.indices.filter { isDoubleQuote(scalars[$0]) }
        var index = 0
        while index + 1 < marks.count {
            let inside = scalars[marks[index] + 1 ..< marks[index + 1]]
            if inside.filter({ $0 == " " }).count >= 3 { return marks[index] ..< marks[index + 1] + 1 }
            index += 2
        }
        return nil
    }

    func bracketsQuotes(_ context: Context, _ findings: inout [Finding]) {
        // Leading markers (`(أ)`, `(a)`) and empty footnote brackets (`()`) are no brackets of the text.
        let target = Self.blanked(context.targetScalars, context.targetMarkers.map(\.range))
        let source = Self.blanked(context.sourceScalars, context.sourceMarkers.map(\.range) + Self.emptyBrackets(context.sourceScalars))
        var problems: [String] = []
        var spans: [FindingSpan] = []
        for (open, close) in Self.pairs where !Self.quotationPairs.contains(where: { $0.open == open }) {
            let unmatched = Self.unmatched(target, open: open, close: close)
            // A bracket the source leaves open too (a quotation over several sentences) is faithful.
            if !unmatched.isEmpty, unmatched.count != Self.unmatched(source, open: open, close: close).count {
                problems.append("an unmatched \(target[unmatched[0]])")
                spans += unmatched.map { context.targetSpan($0 ..< $0 + 1) }
            }
        }
        if !problems.isEmpty {
            findings.append(context.finding(.bracketsQuotes, .warning, "the English has " + problems.joined(separator: " and "), spans: spans))
        }
        if !target.contains("("), !target.contains("["), let bracket = Self.keptBracket(source, target: context.target) {
            findings.append(context.finding(.bracketsQuotes, .warning, "the source has brackets ( ) that the English does not",
                                            spans: [context.sourceSpan(bracket)]))
        }
        if let quotation = Self.longQuotation(source), !Self.hasQuotes(target) {
            findings.append(context.finding(.bracketsQuotes, .info, "the source quotes a statement that the English does not quote",
                                            spans: [context.sourceSpan(quotation)]))
        }
    }

    static let quotationPairs: [(open: Unicode.Scalar, close: Unicode.Scalar)] = [("\u{00AB}", "\u{00BB}"), ("\u{201C}", "\u{201D}")]

    /// The unit's quotation marks, with a finding when they do not pair up and the source's do.
    func quotationMarks(_ context: Context) -> Quotation? {
        guard context.targetScalars.contains(where: Self.isDoubleQuote) else { return nil }
        let start = context.targetMarkers.last?.range.upperBound ?? 0
        let ends = QuotationEnds(context.targetScalars, start: start)
        let target = context.targetScalars, source = context.sourceScalars
        var problems: [String] = []
        var spans: [FindingSpan] = []
        for (open, close) in Self.quotationPairs {
            let unmatched = Self.unmatched(target, open: open, close: close)
            if !unmatched.isEmpty, unmatched.count != Self.unmatched(source, open: open, close: close).count {
                problems.append("an unmatched \(target[unmatched[0]])")
                spans += unmatched.map { context.targetSpan($0 ..< $0 + 1) }
            }
        }
        let straight = target.indices.filter { target[$0] == "\"" }
        if straight.count % 2 == 1, Self.doubleQuoteCount(source) % 2 == 0 {
            problems.append("an odd number of \" marks")
            spans.append(context.targetSpan(straight.last! ..< straight.last! + 1))
        }
        let finding = problems.isEmpty ? nil
            : context.finding(.bracketsQuotes, .warning, "the English has " + problems.joined(separator: " and "), spans: spans)
        return Quotation(unit: context.unit.id, ends: ends, finding: finding)
    }

    /// The scalars with these ranges made spaces.
    static func blanked(_ scalars: [Unicode.Scalar], _ ranges: [Range<Int>]) -> [Unicode.Scalar] {
        guard !ranges.isEmpty else { return scalars }
        var copy = scalars
        for range in ranges { copy.replaceSubrange(range, with: repeatElement(" ", count: range.count)) }
        return copy
    }

    /// The first bracketed part of the source a rendering should keep in brackets: not a
    /// footnote or list number (`(1)`), not Latin text the English has without brackets
    /// (`(UNDP)`), and not a name of one to three words that Arabic brackets for want of
    /// capitals (`أخبر (بوش) جمهوره` = `After losses, Bush told`) when the English has a name.
    static func keptBracket(_ source: [Unicode.Scalar], target: String) -> Range<Int>? {
        // A capitalized word after the first, not an acronym (`UNRWA` keeps its brackets).
        lazy var englishNames = target.split(separator: " ").dropFirst().contains { word in
            let letters = word.unicodeScalars.filter(ScalarClass.isAlphabetic)
            return letters.first.map(RepeatedWords.isCapital) ?? false && letters.contains { !RepeatedWords.isCapital($0) }
        }
        var index = 0
        while let open = source[index...].firstIndex(of: "(") {
            guard let close = source[open...].firstIndex(of: ")") else { return nil }
            index = close
            let inside = source[open + 1 ..< close].filter { !ScalarClass.isWhitespace($0.value) }
            if inside.isEmpty || (inside.count <= 3 && inside.allSatisfy { NumberReading.digit($0) != nil }) { continue }
            let words = source[open + 1 ..< close].split(whereSeparator: { ScalarClass.isWhitespace($0.value) }).count
            if words <= 3, inside.allSatisfy({ UnitChecks.isArabic($0) || $0 == "-" }), englishNames { continue }
            if inside.allSatisfy({ $0.value < 0x80 }) {
                let latin = Context.text(source[open + 1 ..< close]).trimmingCharacters(in: .whitespaces)
                if target.utf8.count >= latin.utf8.count, target.contains(latin) { continue }
            }
            return open ..< close + 1
        }
        return nil
    }

    // MARK: - White space and repeated words

    func whitespace(_ context: Context, _ findings: inout [Finding]) {
        let target = context.targetScalars
        var problems: [String] = []
        var spans: [FindingSpan] = []
        if let first = target.first, ScalarClass.isWhitespace(first.value) {
            let end = target.firstIndex { !ScalarClass.isWhitespace($0.value) } ?? target.count
            problems.append("leading white space")
            spans.append(context.targetSpan(0 ..< end))
        }
        if let last = target.last, ScalarClass.isWhitespace(last.value) {
            let start = (target.lastIndex { !ScalarClass.isWhitespace($0.value) } ?? -1) + 1
            problems.append("trailing white space")
            spans.append(context.targetSpan(start ..< target.count))
        }
        var doubles: [Range<Int>] = []
        var index = 0
        while index + 1 < target.count {
            if target[index] == " " || target[index] == "\u{00A0}", target[index + 1] == " " || target[index + 1] == "\u{00A0}" {
                var end = index + 2
                while end < target.count, target[end] == " " || target[end] == "\u{00A0}" { end += 1 }
                if index > 0 && end < target.count { doubles.append(index ..< end) }
                index = end
            } else {
                index += 1
            }
        }
        if !doubles.isEmpty {
            problems.append(doubles.count == 1 ? "a double space" : "\(doubles.count) double spaces")
            spans += doubles.map(context.targetSpan)
        }
        if !problems.isEmpty {
            findings.append(context.finding(.whitespace, .info, "the English has " + problems.joined(separator: ", "), spans: spans))
        }
    }

    func repeatedWord(_ context: Context, _ findings: inout [Finding]) {
        let repeats = RepeatedWords.find(in: context.targetScalars, source: context.sourceScalars)
        guard !repeats.isEmpty else { return }
        findings.append(context.finding(.repeatedWord, .warning,
                                        "the English repeats " + repeats.map { "'\(Context.text(context.targetScalars[$0]))'" }.joined(separator: ", "),
                                        spans: repeats.map(context.targetSpan)))
    }

    @inline(__always)
    static func foldedASCII(_ scalar: Unicode.Scalar) -> UInt32 {
        scalar.value >= 0x41 && scalar.value <= 0x5A ? scalar.value + 0x20 : scalar.value
    }

    // MARK: - Length

    func lengthRatio(_ context: Context, _ findings: inout [Finding]) {
        let source = Self.trimmedCount(context.sourceScalars)
        let target = Self.trimmedCount(context.targetScalars)
        guard source > 0, max(source, target) >= Self.lengthRatioMinimumLength else { return }
        let ratio = Double(target) / Double(source)
        guard !Self.lengthRatioRange.contains(ratio) else { return }
        let how = ratio < Self.lengthRatioRange.lowerBound ? "short" : "long"
        let message = String(format: "the English is %@ for its source: %d characters for %d (ratio %.2f; human translations keep within %.1f to %.1f)",
                             how, target, source, ratio, Self.lengthRatioRange.lowerBound, Self.lengthRatioRange.upperBound)
        findings.append(context.finding(.lengthRatio, .info, message))
    }

    /// The scalars without leading and trailing white space.
    static func trimmed(_ scalars: [Unicode.Scalar]) -> ArraySlice<Unicode.Scalar> {
        var start = 0, end = scalars.count
        while start < end, ScalarClass.isWhitespace(scalars[start].value) { start += 1 }
        while end > start, ScalarClass.isWhitespace(scalars[end - 1].value) { end -= 1 }
        return scalars[start ..< end]
    }

    /// The number of scalars without leading and trailing white space.
    static func trimmedCount(_ scalars: [Unicode.Scalar]) -> Int {
        trimmed(scalars).count
    }

    // MARK: - Web addresses, e-mail addresses, handles

    static let addressStops: Set<UInt32> = Set("\"'<>()[]{},;".unicodeScalars.map(\.value))

    /// Web addresses, e-mail addresses, @handles and Latin #hashtags in a text, with their offsets.
    static func addresses(in scalars: [Unicode.Scalar]) -> [(range: Range<Int>, text: String)] {
        func isAddressScalar(_ scalar: Unicode.Scalar) -> Bool {
            scalar.value > 0x20 && scalar.value < 0x7F && !Self.addressStops.contains(scalar.value)
        }
        var found: [(Range<Int>, String)] = []
        var index = 0
        while index < scalars.count {
            guard isAddressScalar(scalars[index]), index == 0 || !isAddressScalar(scalars[index - 1]) else {
                index += 1
                continue
            }
            var end = index
            while end < scalars.count, isAddressScalar(scalars[end]) { end += 1 }
            while end > index, ".:!?".unicodeScalars.contains(scalars[end - 1]) { end -= 1 }
            // Only a token with `@`, opening with `#`, `h` or `w` can be an address.
            let first = scalars[index].value | 0x20
            guard end > index, first == 0x68 || first == 0x77 || scalars[index] == "#" || scalars[index ..< end].contains("@") else {
                index = max(end, index + 1)
                continue
            }
            let token = Context.text(scalars[index ..< end])
            let lower = token.lowercased()
            let isURL = lower.hasPrefix("http://") || lower.hasPrefix("https://") || (lower.hasPrefix("www.") && token.count > 6)
            let at = token.firstIndex(of: "@")
            let isEmail = at.map { $0 > token.startIndex && token[token.index(after: $0)...].contains(".") } ?? false
            let isHandle = (token.hasPrefix("@") || token.hasPrefix("#")) && token.count > 2
                && token.dropFirst().allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
            if isURL || isEmail || isHandle { found.append((index ..< end, token)) }
            index = max(end, index + 1)
        }
        return found
    }

    func urlsEmails(_ context: Context, _ findings: inout [Finding]) {
        let sourceAddresses = Self.addresses(in: context.sourceScalars)
        guard !sourceAddresses.isEmpty else { return }
        let kept = Set(Self.addresses(in: context.targetScalars).map(\.text))
        let lost = sourceAddresses.filter { !kept.contains($0.text) && !context.target.contains($0.text) }
        guard !lost.isEmpty else { return }
        let list = lost.map(\.text).joined(separator: ", ")
        findings.append(context.finding(.urlsEmails, .error, "\(list) of the source is not in the English unchanged",
                                        spans: lost.map { context.sourceSpan($0.range) }))
    }

    // MARK: - Glossary

    func phrase(_ text: String) -> EnglishPhrase {
        if let cached = phrases[text] { return cached }
        let phrase = EnglishPhrase(text)
        if phrases.count > 100_000 { phrases.removeAll() }
        phrases[text] = phrase
        return phrase
    }

    /// Whether the English gives a rendering as a derived form (`South African`, `arrested`) or
    /// by its initials (`UK`, `PM`), and no forbidden rendering (which may be such a form:
    /// `Palestinian` for `Palestine`).
    func rendersDerived(_ allowed: [String], forbidden: [String], _ target: EnglishPhrase, _ context: Context) -> Bool {
        guard forbidden.allSatisfy({ target.occurrences(of: phrase($0)).isEmpty }) else { return false }
        return allowed.contains { rendering in
            !target.derivedOccurrences(of: phrase(rendering)).isEmpty || !target.acronymOccurrences(of: phrase(rendering), in: context.targetScalars).isEmpty
        }
    }

    func glossaryChecks(_ context: Context, _ findings: inout [Finding]) {
        guard let glossary else { return }
        let matches = glossary.matches(inScalars: context.sourceScalars)
        guard !matches.isEmpty else { return }
        let target = EnglishPhrase(context.target)
        var missing: [String: (match: GlossaryMatch, renderings: [String], forbidden: [String], spans: [FindingSpan])] = [:]
        var missingOrder: [String] = []
        var forbiddenFound: [String: (hits: [Range<Int>], sources: [Range<Int>])] = [:]
        var forbiddenOrder: [String] = []
        var index = 0
        while index < matches.count {
            var end = index + 1
            while end < matches.count, matches[end].start == matches[index].start, matches[end].end == matches[index].end { end += 1 }
            let group = matches[index ..< end]
            index = end
            let allowed = group.flatMap { [$0.term.english] + $0.term.alternatives }
            let allowedRanges = allowed.flatMap { target.occurrences(of: phrase($0)) }
            let match = group.first!
            let forbiddenRenderings = group.flatMap(\.term.forbidden)
            if enabled.contains(.glossaryMissing), allowedRanges.isEmpty, !rendersDerived(allowed, forbidden: forbiddenRenderings, target, context) {
                let renderings = Array(Set(allowed)).sorted()
                let key = renderings.joined(separator: "\u{0}")
                if missing[key] == nil {
                    missingOrder.append(key)
                    missing[key] = (match, renderings, forbiddenRenderings, [])
                }
                missing[key]!.spans.append(context.sourceSpan(match.start ..< match.end))
            }
            if enabled.contains(.glossaryForbidden) {
                for term in group.map(\.term) {
                    for forbidden in term.forbidden {
                        let hits = target.occurrences(of: phrase(forbidden)).filter { hit in
                            !allowedRanges.contains { $0.lowerBound <= hit.lowerBound && hit.upperBound <= $0.upperBound }
                        }
                        guard !hits.isEmpty else { continue }
                        let message = "'\(forbidden)' is a forbidden rendering of '\(term.arabic)'; the glossary says '\(term.english)'"
                        if forbiddenFound[message] == nil {
                            forbiddenOrder.append(message)
                            forbiddenFound[message] = (hits, [])
                        }
                        forbiddenFound[message]!.sources.append(match.start ..< match.end)
                    }
                }
            }
        }
        // One finding per forbidden rendering, however often its term occurs in the source.
        for message in forbiddenOrder {
            let (hits, sources) = forbiddenFound[message]!
            findings.append(context.finding(.glossaryForbidden, .error, message,
                                            spans: sources.map(context.sourceSpan) + hits.map(context.targetSpan)))
        }
        for key in missingOrder {
            let (match, renderings, forbidden, spans) = missing[key]!
            let times = spans.count > 1 ? " (\(spans.count) times)" : ""
            let finding = context.finding(.glossaryMissing, .warning,
                                          "the glossary term '\(match.surface)' (\(match.term.arabic))\(times) is not rendered as \(GlossaryMiss.shown(renderings))",
                                          spans: spans)
            findings.append(finding)
            misses.append(GlossaryMiss(finding: finding.id, unit: context.unit.id, source: context.unit.source, target: context.target,
                                       hits: spans.map { $0.start ..< $0.end }, surface: match.surface, arabic: match.term.arabic,
                                       allowed: renderings, forbidden: forbidden))
        }
    }
}
