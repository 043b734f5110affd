import Foundation
import TarjumanCore

/// Published translations rewritten in the conventions of Arabic official documents, as a set of
/// clean pairs the checks must accept: paragraph numbers and enumerators (`25 - `, `(ب)`) with
/// the English's own numbering or none, empty footnote brackets `()` where a reference was
/// lost, thousands grouped by spaces or with their groups reversed (`000 200`), double month
/// names (`أيار/مايو`) and 24-hour times against the English's a.m. and p.m.
///
/// Each rewrite keeps the pair a faithful translation; a pair no rewrite applies to is left out.
public enum OfficialConventions {
    public enum Rewrite: String, CaseIterable, Sendable {
        case paragraphNumber = "paragraph number"
        case enumerator = "enumerator (أ) (ب)"
        case footnoteBrackets = "empty footnote brackets"
        case spacedGroups = "digit groups with spaces"
        case reversedGroups = "digit groups reversed"
        case doubleMonth = "double month name"
        case twentyFourHour = "24-hour time"
    }

    /// The rewritten pairs, each with the rewrite it carries and the index of the pair it was
    /// made from, in the order of `pairs`.
    public static func pairs(from pairs: [TranslationPair], seed: UInt64 = 11) -> [(pair: TranslationPair, rewrite: Rewrite, original: Int)] {
        var generator = SeededGenerator(seed: seed)
        var made: [(TranslationPair, Rewrite, Int)] = []
        for (index, pair) in pairs.enumerated() {
            // The rewrites that apply to this pair, tried from a different one each time.
            let order = Rewrite.allCases.indices.map { Rewrite.allCases[($0 + index) % Rewrite.allCases.count] }
            for rewrite in order {
                if let rewritten = apply(rewrite, to: pair, &generator) {
                    made.append((rewritten, rewrite, index))
                    break
                }
            }
        }
        return made
    }

    static func apply(_ rewrite: Rewrite, to pair: TranslationPair, _ generator: inout SeededGenerator) -> TranslationPair? {
        let source = pair.source, target = pair.target
        switch rewrite {
        case .paragraphNumber:
            guard source.count > 40, !startsWithDigit(source), !startsWithDigit(target) else { return nil }
            let number = Int.random(in: 1 ... 160, using: &generator)
            let arabic = Bool.random(using: &generator) ? String(number) : arabicIndic(String(number))
            let style = [" - ", "- "].randomElement(using: &generator)!
            let english = Bool.random(using: &generator) ? "\(number). " : ""
            return made(pair, arabic + style + source, english + target)
        case .enumerator:
            guard source.count > 30, source.first != "(", target.first != "(" else { return nil }
            let place = Int.random(in: 0 ..< 10, using: &generator)
            let arabic = ["أ", "ب", "ج", "د", "هـ", "و", "ز", "ح", "ط", "ي"][place]
            let english = Bool.random(using: &generator) ? "(\(Character(Unicode.Scalar(0x61 + place)!))) " : ""
            return made(pair, "(\(arabic)) \(source)", english + target)
        case .footnoteBrackets:
            let words = source.split(separator: " ", omittingEmptySubsequences: false)
            guard words.count > 6, !source.contains("("), !target.contains("(") else { return nil }
            var rewritten = words.map(String.init)
            let position = Int.random(in: 2 ..< words.count - 1, using: &generator)
            rewritten[position] += "()"
            // Half the time the English keeps the reference, glued to the end as extracted text has it.
            let english = Bool.random(using: &generator) && target.last.map({ ".;".contains($0) }) == true ? target + "1" : target
            return made(pair, rewritten.joined(separator: " "), english)
        case .spacedGroups, .reversedGroups:
            guard let (range, digits) = groupedNumber(in: source), let value = Int(digits), value >= 1000,
                  target.contains(grouped(digits, separator: ",")) else { return nil }
            var groups = groups(of: digits)
            if rewrite == .reversedGroups { groups.reverse() }
            var rewritten = source
            rewritten.replaceSubrange(range, with: groups.joined(separator: " "))
            return made(pair, rewritten, target)
        case .doubleMonth:
            for (gregorian, syriac) in months {
                guard let range = wordRange(gregorian, in: source), !source.contains(syriac) else { continue }
                var rewritten = source
                rewritten.replaceSubrange(range, with: "\(syriac)/\(gregorian)")
                return made(pair, rewritten, target)
            }
            return nil
        case .twentyFourHour:
            guard let (hour, minute, pm) = englishTime(in: target) else { return nil }
            let hour24 = pm ? (hour == 12 ? 12 : hour + 12) : (hour == 12 ? 0 : hour)
            let time = "\(hour24):" + (minute < 10 ? "0\(minute)" : "\(minute)")
            guard let range = arabicHour(hour, in: source) else { return nil }
            var rewritten = source
            rewritten.replaceSubrange(range, with: time)
            return made(pair, rewritten, target)
        }
    }

    static func made(_ pair: TranslationPair, _ source: String, _ target: String) -> TranslationPair {
        TranslationPair(source: source, target: target, translator: pair.translator, status: pair.status, date: pair.date)
    }

    static func startsWithDigit(_ text: String) -> Bool {
        text.unicodeScalars.first.map { $0.properties.numericType != nil } ?? false
    }

    static func arabicIndic(_ digits: String) -> String {
        String(String.UnicodeScalarView(digits.unicodeScalars.map { Unicode.Scalar(0x0660 + $0.value - 0x30)! }))
    }

    /// The digits in groups of three from the right: `1958600` → `1`, `958`, `600`.
    static func groups(of digits: String) -> [String] {
        var groups: [String] = []
        var rest = digits
        while rest.count > 3 {
            groups.insert(String(rest.suffix(3)), at: 0)
            rest.removeLast(3)
        }
        groups.insert(rest, at: 0)
        return groups
    }

    static func grouped(_ digits: String, separator: String) -> String {
        groups(of: digits).joined(separator: separator)
    }

    /// A whole number of four to nine digits in the Arabic, written plain or grouped by commas
    /// (`200000`, `200,000`, `٢٠٠٬٠٠٠`): its range and its Western digits.
    static func groupedNumber(in text: String) -> (Range<String.Index>, String)? {
        var index = text.startIndex
        while index < text.endIndex {
            guard text[index].isWholeNumber, index == text.startIndex || !text[text.index(before: index)].isWholeNumber else {
                index = text.index(after: index)
                continue
            }
            var end = index
            var digits = ""
            while end < text.endIndex {
                let character = text[end]
                if let value = character.wholeNumberValue, character.unicodeScalars.count == 1 {
                    digits.append(String(value))
                    end = text.index(after: end)
                } else if ",٬".contains(character), text.index(after: end) < text.endIndex, text[text.index(after: end)].isWholeNumber {
                    end = text.index(after: end)
                } else {
                    break
                }
            }
            let after = end < text.endIndex ? text[end] : " "
            if (4 ... 9).contains(digits.count), after != ".", after != "٫", digits.first != "0" { return (index ..< end, digits) }
            index = end
        }
        return nil
    }

    static let months: [(String, String)] = [("يناير", "كانون الثاني"), ("فبراير", "شباط"), ("مارس", "آذار"), ("أبريل", "نيسان"),
                                             ("مايو", "أيار"), ("يونيو", "حزيران"), ("يوليو", "تموز"), ("أغسطس", "آب"),
                                             ("سبتمبر", "أيلول"), ("أكتوبر", "تشرين الأول"), ("نوفمبر", "تشرين الثاني"),
                                             ("ديسمبر", "كانون الأول")]

    /// Where a word stands alone in a text (not inside a longer word).
    static func wordRange(_ word: String, in text: String) -> Range<String.Index>? {
        var searchFrom = text.startIndex
        while let range = text.range(of: word, range: searchFrom ..< text.endIndex) {
            let before = range.lowerBound == text.startIndex ? " " : text[text.index(before: range.lowerBound)]
            let after = range.upperBound == text.endIndex ? " " : text[range.upperBound]
            if !before.isLetter || before == "ب" || before == "و" || before == "ف" { if !after.isLetter { return range } }
            searchFrom = range.upperBound
        }
        return nil
    }

    /// The first English time written with a.m. or p.m. (`3 p.m.`, `10:30 am`).
    static func englishTime(in text: String) -> (Int, Int, Bool)? {
        let pattern = try! NSRegularExpression(pattern: "\\b(\\d{1,2})(?:[:.](\\d{2}))? ?([ap])\\.? ?m\\b\\.?", options: [.caseInsensitive])
        guard let match = pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let hour = Int(text[Range(match.range(at: 1), in: text)!]), (1 ... 12).contains(hour) else { return nil }
        let minute = Range(match.range(at: 2), in: text).flatMap { Int(text[$0]) } ?? 0
        let pm = text[Range(match.range(at: 3), in: text)!].lowercased() == "p"
        return (hour, minute, pm)
    }

    /// The Arabic hour, in any digits, as a number of its own (`الساعة 3`, `3 مساء`), and any
    /// minutes written after it.
    static func arabicHour(_ hour: Int, in text: String) -> Range<String.Index>? {
        var index = text.startIndex
        while index < text.endIndex {
            guard text[index].isWholeNumber, index == text.startIndex || !text[text.index(before: index)].isWholeNumber else {
                index = text.index(after: index)
                continue
            }
            var end = index
            var value = 0
            while end < text.endIndex, let digit = text[end].wholeNumberValue {
                value = value * 10 + digit
                end = text.index(after: end)
            }
            if end < text.endIndex, ":.".contains(text[end]) {
                var minutes = text.index(after: end)
                var count = 0
                while minutes < text.endIndex, text[minutes].isWholeNumber { minutes = text.index(after: minutes); count += 1 }
                if count == 2 { end = minutes }
            }
            if value == hour, end == text.endIndex || !text[end].isWholeNumber { return index ..< end }
            index = end
        }
        return nil
    }
}
