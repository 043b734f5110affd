import Foundation

/// A number written in digits in a text.
package struct NumberMention: Equatable {
    /// Unicode scalar offsets into the text.
    package let start: Int
    package let end: Int
    /// The number as written.
    package let text: String
    /// Written against Latin letters as in a code (`WIV1`, `G20`): only digits can render it.
    var isCode = false
    /// Its values in canonical form (ASCII digits, no grouping, `.` before decimals, no
    /// trailing zeros): one, or two when the writing is ambiguous (`1.500`, `3,5`); a time of
    /// day also has its `ClockTime.form` (`t13:00`).
    package var forms: Set<String>
    /// The time of day it names, when it is written as one (`13:00`, `1 p.m.`, `1855 hours`).
    var time: ClockTime?
    /// Written as hours and minutes (`13:00`, `00/13`): a time that words (`noon`) may render.
    var isWrittenTime = false
    /// English: the a.m. (false) or p.m. (true) written after it.
    var pm: Bool?
    /// Digit groups separated by spaces (`200 000`, `000 200`): the groups read one by one,
    /// for when they are separate numbers after all.
    var parts: [NumberMention] = []
    /// Its value with its digit groups read in reverse order, as right-to-left copying leaves
    /// them (`000 200` for 200,000; `958.6 1` for 1,958.6); also among `forms`.
    var reversedReading: String?
    /// Its value read in order, when digit groups read in order too (`822 153`); nil for
    /// `000 200`, which only reads in reverse.
    var forwardReading: String?
    /// The day of a Hijri date (`1 محرم`), which a rendering may give as its Gregorian date.
    var isHijriDay = false

    /// Whether any of its readings is among `values`: its forms, or every one of its parts.
    func isIn(_ values: Set<String>) -> Bool {
        !forms.isDisjoint(with: values) || (!parts.isEmpty && parts.allSatisfy { !$0.forms.isDisjoint(with: values) })
    }
}

/// Reads the numbers of Arabic sources and English renderings so that they can be compared:
/// Western, Arabic-Indic and Eastern Arabic digits, `٫` `٬` `,` `.` and space separators (and
/// digit groups reversed by right-to-left copying), multipliers (`5 ملايين` and `5 million` =
/// 5000000), times of day in 24-hour and 12-hour writing, and the words, ordinals, months,
/// decades and Hijri years that stand for numbers on either side.
package enum NumberReading {
    /// The numbers written in digits, in order.
    package static func mentions(in text: String, language: Language) -> [NumberMention] {
        mentions(in: text.scalarArray, language: language)
    }

    /// Digits and the separators between them, as written.
    struct Numeral {
        let start: Int
        let end: Int
        let groups: [String]
        let separators: [Character]

        var isPlain: Bool { separators.isEmpty }
    }

    /// The runs of digits joined by `,` `.` `٫` `٬` `،`, in order.
    static func numerals(in scalars: [Unicode.Scalar]) -> [Numeral] {
        var numerals: [Numeral] = []
        var index = 0
        while index < scalars.count {
            guard digit(scalars[index]) != nil else {
                index += 1
                continue
            }
            let start = index
            var groups: [String] = [""]
            var separators: [Character] = []
            while index < scalars.count {
                if let value = digit(scalars[index]) {
                    groups[groups.count - 1].append(Character(Unicode.Scalar(0x30 + value)!))
                    index += 1
                } else if let separator = separator(scalars[index]), index + 1 < scalars.count, digit(scalars[index + 1]) != nil {
                    separators.append(separator)
                    groups.append("")
                    index += 1
                } else {
                    break
                }
            }
            numerals.append(Numeral(start: start, end: index, groups: groups, separators: separators))
        }
        return numerals
    }

    /// The numbers written in digits in a text given as scalars, in order.
    static func mentions(in scalars: [Unicode.Scalar], language: Language) -> [NumberMention] {
        guard scalars.contains(where: { digit($0) != nil }) else { return [] }
        let numerals = numerals(in: scalars)
        var mentions: [NumberMention] = []
        var index = 0
        while index < numerals.count {
            if let (mention, count) = time(at: index, numerals, scalars, language) {
                mentions.append(mention)
                index += count
                continue
            }
            if let (mention, count) = spacedGroups(at: index, numerals, scalars, language) {
                mentions.append(mention)
                index += count
                continue
            }
            mentions.append(plain(numerals[index], scalars, language))
            index += 1
        }
        if language == .english { applyRangeMeridiem(&mentions, scalars) }
        return mentions
    }

    static func text(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> String {
        var written = String.UnicodeScalarView()
        written.append(contentsOf: scalars[range])
        return String(written)
    }

    /// One run of digits read alone: its values, scaled by a multiplier word after it; a Hijri
    /// year with its Gregorian years; an Arabic clock hour (`الساعة 2`) with its times.
    static func plain(_ numeral: Numeral, _ scalars: [Unicode.Scalar], _ language: Language) -> NumberMention {
        let start = numeral.start, end = numeral.end
        var forms = values(groups: numeral.groups, separators: numeral.separators, language: language)
        if let multiplier = multiplier(after: end, in: scalars, language: language) {
            for form in forms {
                if let value = Double(form), let scaled = canonical(value * multiplier) { forms.insert(scaled) }
            }
        }
        var mention = NumberMention(start: start, end: end, text: text(scalars, start ..< end), forms: forms)
        if language == .arabic, numeral.isPlain, let value = Int(numeral.groups[0]) {
            if isHijriMarker(after: end, in: scalars), value > 0, value < 2000 {
                let gregorian = Int(Double(value) * 0.970229 + 621.5643)
                mention.forms.formUnion([String(gregorian), String(gregorian + 1)])
            }
            if value >= 1, value <= 30, isHijriMonth(after: end, in: scalars) { mention.isHijriDay = true }
            if value <= 24, isClockTime(start, end, in: scalars) {
                let half = ClockTime.arabicMeridiem(after: end, in: scalars, afterMinutes: false)
                let times = half.flatMap { ClockTime.twelveHour(value, 0, pm: $0).map { [$0] } } ?? ClockTime.eitherHalf(value, 0)
                mention.forms.formUnion(times.map(\.form))
                if times.count == 1 { mention.time = times[0] }
            }
        }
        mention.isCode = (start > 0 && isLatinLetter(scalars[start - 1])) || (end < scalars.count && isLatinLetter(scalars[end]) && language == .arabic)
        return mention
    }

    /// A time of day starting at `numerals[index]`, and how many numerals it takes.
    static func time(at index: Int, _ numerals: [Numeral], _ scalars: [Unicode.Scalar], _ language: Language) -> (NumberMention, Int)? {
        let first = numerals[index]
        var hour: Int?, minute = 0, end = first.end, count = 1, written = false
        if first.isPlain, index + 1 < numerals.count, numerals[index + 1].start == first.end + 1, numerals[index + 1].isPlain,
           scalars[first.end] == ":" || (language == .arabic && scalars[first.end] == "/") {
            let second = numerals[index + 1]
            let a = first.groups[0], b = second.groups[0]
            if scalars[first.end] == ":", a.count <= 2, b.count == 2, let h = Int(a), let m = Int(b), h <= 24, m < 60 {
                (hour, minute) = (h, m)
            } else if scalars[first.end] == "/", a.count == 2, b.count <= 2, let m = Int(a), let h = Int(b), h <= 24, m < 60,
                      a == "00" || isClockTime(first.start, first.start, in: scalars) {
                // `الساعة 00/13`: Arabic documents write the minutes first.
                (hour, minute) = (h, m)
            }
            if hour != nil {
                end = second.end
                count = 2
                written = true
            }
        }
        if hour == nil, language == .english {
            if first.isPlain, let value = Int(first.groups[0]) {
                if first.groups[0].count <= 2, value <= 12, ClockTime.englishMeridiem(after: first.end, in: scalars) != nil {
                    hour = value
                } else if (3 ... 4).contains(first.groups[0].count), ClockTime.englishHoursWord(after: first.end, in: scalars) {
                    (hour, minute) = (value / 100, value % 100)
                    written = true
                }
            } else if first.separators == ["."], first.groups.count == 2, first.groups[0].count <= 2, first.groups[1].count == 2,
                      let h = Int(first.groups[0]), let m = Int(first.groups[1]), h <= 24, m < 60 {
                (hour, minute) = (h, m)
                written = true
            }
        }
        guard let hour, ClockTime(hour: hour, minute: minute) != nil else { return nil }
        var mention = NumberMention(start: first.start, end: end, text: text(scalars, first.start ..< end), forms: [])
        mention.isWrittenTime = written
        switch language {
        case .arabic:
            let half = ClockTime.arabicMeridiem(after: end, in: scalars, afterMinutes: true)
            let time = half.flatMap { hour <= 12 ? ClockTime.twelveHour(hour, minute, pm: $0) : nil } ?? ClockTime(hour: hour, minute: minute)!
            mention.time = time
            mention.forms = [time.form]
        case .english:
            if let meridiem = ClockTime.englishMeridiem(after: end, in: scalars), let time = ClockTime.twelveHour(hour, minute, pm: meridiem.pm) {
                mention = NumberMention(start: first.start, end: meridiem.end, text: text(scalars, first.start ..< meridiem.end), forms: [time.form])
                mention.time = time
                mention.pm = meridiem.pm
                if !written { mention.forms.insert(String(hour)) }
            } else if !written || first.separators == ["."] {
                // `12.30` is a decimal or, in British writing, a time.
                guard first.separators == ["."] || ClockTime.englishHoursWord(after: end, in: scalars) || count == 2 else { return nil }
                mention.forms = values(groups: first.groups, separators: first.separators, language: language)
                mention.forms.insert(ClockTime(hour: hour, minute: minute)!.form)
                if ClockTime.englishHoursWord(after: end, in: scalars) { mention.time = ClockTime(hour: hour, minute: minute) }
            } else {
                let time = ClockTime(hour: hour, minute: minute)!
                mention.time = time
                mention.forms = [time.form]
                if count == 2, (1 ... 11).contains(hour), !ClockTime.englishHoursWord(after: end, in: scalars),
                   let afternoon = ClockTime(hour: hour + 12, minute: minute) {
                    // `at 7:30` without a.m. or p.m. may be either.
                    mention.forms.insert(afternoon.form)
                }
                if (3 ... 4).contains(first.groups[0].count) { mention.forms.insert(canonical(integer: first.groups[0], fraction: "")) }
            }
        }
        return (mention, count)
    }

    /// `3` in `3 to 6 p.m.`, `10:30` in `10:30 to 11.45 a.m.`: the start of a range takes the
    /// a.m. or p.m. of its end.
    static func applyRangeMeridiem(_ mentions: inout [NumberMention], _ scalars: [Unicode.Scalar]) {
        guard mentions.count > 1 else { return }
        for index in (0 ..< mentions.count - 1).reversed() where mentions[index].pm == nil {
            let next = mentions[index + 1]
            guard let pm = next.pm, let position = ClockTime.englishRangeWord(after: mentions[index].end, in: scalars), position == next.start else { continue }
            let hour: Int, minute: Int
            if let time = mentions[index].time {
                (hour, minute) = (time.hour, time.minute)
            } else if let value = Int(mentions[index].text), value <= 12 {
                (hour, minute) = (value, 0)
            } else {
                continue
            }
            guard let time = ClockTime.twelveHour(hour == 0 ? 12 : hour > 12 ? hour - 12 : hour, minute, pm: pm) else { continue }
            mentions[index].forms.insert(time.form)
            mentions[index].pm = pm
        }
    }

    /// Digit groups separated by single spaces starting at `numerals[index]` (`200 000`,
    /// `1 958.6`), read in order, else in reverse order (`000 200`, `958.6 1`); the longest
    /// run that reads either way, and how many numerals it takes.
    static func spacedGroups(at index: Int, _ numerals: [Numeral], _ scalars: [Unicode.Scalar], _ language: Language) -> (NumberMention, Int)? {
        var last = index
        while last + 1 < numerals.count, numerals[last + 1].start == numerals[last].end + 1, ClockTime.isSpace(scalars[numerals[last].end]) {
            last += 1
        }
        guard last > index else { return nil }
        func reading(_ run: [Numeral]) -> String? {
            guard let head = run.first, head.isPlain, (1 ... 3).contains(head.groups[0].count), head.groups[0].first != "0" || run.count == 1 else { return nil }
            for middle in run.dropFirst().dropLast() where !(middle.isPlain && middle.groups[0].count == 3) { return nil }
            let tail = run.last!
            var integer = run.dropLast().map { $0.groups[0] }.joined()
            var fraction = ""
            if tail.isPlain, tail.groups[0].count == 3 {
                integer += tail.groups[0]
            } else if tail.groups.count == 2, tail.groups[0].count == 3, tail.separators[0] == "." || tail.separators[0] == "٫" || tail.separators[0] == "," {
                integer += tail.groups[0]
                fraction = tail.groups[1]
            } else {
                return nil
            }
            return canonical(integer: integer, fraction: fraction)
        }
        for end in stride(from: last, to: index, by: -1) {
            let run = Array(numerals[index ... end])
            let forward = reading(run), backward = reading(run.reversed())
            guard forward != nil || backward != nil else { continue }
            let start = run[0].start, stop = run.last!.end
            var mention = NumberMention(start: start, end: stop, text: text(scalars, start ..< stop), forms: Set([forward, backward].compactMap { $0 }))
            let multiplier = multiplier(after: stop, in: scalars, language: language)
            for value in [forward, backward].compactMap({ $0 }) {
                if let multiplier, let number = Double(value), let scaled = canonical(number * multiplier) { mention.forms.insert(scaled) }
            }
            mention.parts = run.map { plain($0, scalars, language) }
            if let backward, backward != forward {
                mention.reversedReading = backward
                mention.forwardReading = forward
            }
            return (mention, run.count)
        }
        return nil
    }

    package enum Language { case arabic, english }

    /// Every value the text stands for: its digit numbers (a Hijri year with its Gregorian
    /// years), and its number words, ordinals, months and decades.
    static func knownValues(in text: String, mentions: [NumberMention], language: Language) -> Set<String> {
        var known = Set(mentions.flatMap(\.forms))
        switch language {
        case .english:
            for word in englishWords(text) {
                if let values = englishValues[word] {
                    known.formUnion(values)
                } else if let time = ClockTime.englishWords[word] {
                    known.insert(time.form)
                } else if word.utf8.contains(0x2D) {
                    let parts = word.split(separator: "-").map(String.init)
                    if parts.count == 2, let tens = englishValues[parts[0]]?.first.flatMap(Int.init), let units = englishValues[parts[1]]?.first.flatMap(Int.init),
                       tens % 10 == 0, tens >= 20, units < 10 {
                        known.insert(String(tens + units))
                    }
                }
            }
        case .arabic:
            var previous: Int?
            for word in ArabicSearchKey.key(text).split(whereSeparator: { !$0.isLetter }) {
                var current: Int?
                for candidate in strippedForms(of: String(word)) {
                    if let values = arabicValues[candidate] {
                        known.formUnion(values)
                        current = values.count == 1 ? values.first.flatMap(Int.init) : nil
                        break
                    }
                }
                // Compounds: الحادي عشر = 11, الرابعة والثلاثين = 34.
                if let units = previous, (1 ... 9).contains(units), let next = current {
                    if next == 10 { known.insert(String(10 + units)) }
                    if next >= 20, next <= 90, next % 10 == 0 { known.insert(String(next + units)) }
                }
                previous = current
            }
        }
        return known
    }

    /// Whether only digits can render an Arabic number: a code (`WIV1`), a number joined to a
    /// name by a hyphen (`كوفيد-19`), a list marker (`(1)`), a time of day (`الساعة 2`) or the day
    /// of a date (`1 ديسمبر`).
    static func needsDigits(_ mention: NumberMention, in scalars: [Unicode.Scalar]) -> Bool {
        if mention.isWrittenTime { return false }
        return mention.isCode || isListMarker(mention.start, mention.end, in: scalars) || isDesignation(mention.start, in: scalars)
            || isDay(mention.end, in: scalars) || isClockTime(mention.start, mention.end, in: scalars)
    }

    /// `(1)` or `1)` opening an item of a list: renderings keep the digits.
    static func isListMarker(_ start: Int, _ end: Int, in scalars: [Unicode.Scalar]) -> Bool {
        guard end < scalars.count, scalars[end] == ")" else { return false }
        return start == 0 || scalars[start - 1] == "(" || ScalarClass.isWhitespace(scalars[start - 1].value)
    }

    /// A number joined to a name by a hyphen (`كوفيد-19`, `سارس-كوف-2`, `إف-16`).
    static func isDesignation(_ start: Int, in scalars: [Unicode.Scalar]) -> Bool {
        start >= 2 && scalars[start - 1] == "-" && ScalarClass.isAlphabetic(scalars[start - 2])
    }

    /// The day of a date (`1 ديسمبر`, `3 أيار`).
    static func isDay(_ end: Int, in scalars: [Unicode.Scalar]) -> Bool {
        var index = end
        while index < scalars.count, scalars[index] == " " { index += 1 }
        var letters: [Unicode.Scalar] = []
        while index < scalars.count, ScalarClass.isAlphabetic(scalars[index]) {
            letters.append(scalars[index])
            index += 1
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: letters)
        return monthKeys.contains(ArabicSearchKey.key(String(view)))
    }

    static let monthKeys: Set<String> = Set(["يناير", "فبراير", "مارس", "أبريل", "إبريل", "مايو", "يونيو", "يونيه", "يوليو", "يوليه",
                                             "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر", "كانون", "شباط", "آذار", "نيسان",
                                             "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين"].map(ArabicSearchKey.key))

    /// A time of day (`الساعة 2`, `2 مساءً`, `10 صباحا`): renderings keep the digits.
    static func isClockTime(_ start: Int, _ end: Int, in scalars: [Unicode.Scalar]) -> Bool {
        func word(from position: Int, forward: Bool) -> String {
            var index = position
            var letters: [Unicode.Scalar] = []
            while index >= 0, index < scalars.count, scalars[index] == " " { index += forward ? 1 : -1 }
            while index >= 0, index < scalars.count, ScalarClass.isAlphabetic(scalars[index]) {
                letters.append(scalars[index])
                index += forward ? 1 : -1
            }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: forward ? letters : letters.reversed())
            return ArabicSearchKey.key(String(view))
        }
        return clockBefore.contains(word(from: start - 1, forward: false)) || clockAfter.contains(word(from: end, forward: true))
    }

    static let clockBefore: Set<String> = Set(["الساعة", "الساعه", "ساعة"].map(ArabicSearchKey.key))
    static let clockAfter: Set<String> = Set(["مساء", "مساءً", "صباحا", "صباحاً", "صباح", "ظهرا", "فجرا", "ليلا"].map(ArabicSearchKey.key))

    static func isLatinLetter(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value | 0x20) >= 0x61 && (scalar.value | 0x20) <= 0x7A
    }

    /// The value of a decimal digit of any script.
    @inline(__always)
    package static func digit(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar.value {
        case 0x30 ... 0x39: return scalar.value - 0x30
        case 0x0660 ... 0x0669: return scalar.value - 0x0660
        case 0x06F0 ... 0x06F9: return scalar.value - 0x06F0
        default: return nil
        }
    }

    static func separator(_ scalar: Unicode.Scalar) -> Character? {
        switch scalar {
        case ",", ".": return Character(scalar)
        case "\u{066B}": return "٫"
        case "\u{066C}": return "٬"
        case "\u{060C}": return "،"
        default: return nil
        }
    }

    /// The canonical values of digit groups joined by separators.
    static func values(groups: [String], separators: [Character], language: Language) -> Set<String> {
        guard !separators.isEmpty else { return [canonical(integer: groups[0], fraction: "")] }
        var forms: Set<String> = []
        let tail = groups.dropFirst()
        let allThree = tail.allSatisfy { $0.count == 3 }
        let kinds = Set(separators)
        if kinds.count == 1 {
            let kind = separators[0]
            switch kind {
            case "٬":
                forms.insert(canonical(integer: groups.joined(), fraction: ""))
            case "،":
                if allThree { forms.insert(canonical(integer: groups.joined(), fraction: "")) }
            case "٫":
                if groups.count == 2 { forms.insert(canonical(integer: groups[0], fraction: groups[1])) }
            default:
                if allThree && (kind == "," || separators.count > 1 || language == .arabic) {
                    forms.insert(canonical(integer: groups.joined(), fraction: ""))
                }
                if groups.count == 2 && (kind == "." || !allThree) {
                    forms.insert(canonical(integer: groups[0], fraction: groups[1]))
                }
            }
        } else if kinds.count == 2, let last = separators.last, separators.dropLast().allSatisfy({ $0 != last }),
                  groups.dropFirst().dropLast().allSatisfy({ $0.count == 3 }) {
            forms.insert(canonical(integer: groups.dropLast().joined(), fraction: groups.last!))
        }
        if forms.isEmpty { forms = Set(groups.map { canonical(integer: $0, fraction: "") }) }
        return forms
    }

    static func canonical(integer: String, fraction: String) -> String {
        let whole = integer.drop { $0 == "0" }
        var decimals = Substring(fraction)
        while decimals.last == "0" { decimals = decimals.dropLast() }
        let head = whole.isEmpty ? "0" : String(whole)
        return decimals.isEmpty ? head : head + "." + decimals
    }

    static func canonical(_ value: Double) -> String? {
        guard value.isFinite, value < 1e15 else { return nil }
        if value == value.rounded() { return String(Int64(value)) }
        let text = String(format: "%.6f", value)
        let parts = text.split(separator: ".")
        return canonical(integer: String(parts[0]), fraction: parts.count > 1 ? String(parts[1]) : "")
    }

    /// The multiplier word right after a number (`million`, `مليون`), if there is one.
    static func multiplier(after index: Int, in scalars: [Unicode.Scalar], language: Language) -> Double? {
        var position = index
        while position < scalars.count, scalars[position] == " " || scalars[position] == "\u{00A0}" { position += 1 }
        var word = String.UnicodeScalarView()
        while position < scalars.count, ScalarClass.isAlphabetic(scalars[position]), word.count < 12 {
            word.append(scalars[position])
            position += 1
        }
        let text = String(word)
        switch language {
        case .english: return englishMultipliers[text.lowercased()]
        case .arabic: return arabicMultipliers[ArabicSearchKey.key(text)]
        }
    }

    /// Whether `هـ`, `ه` or `هجري` (the Hijri era) follows a number.
    static func isHijriMarker(after index: Int, in scalars: [Unicode.Scalar]) -> Bool {
        var position = index
        while position < scalars.count, scalars[position] == " " { position += 1 }
        guard position < scalars.count, scalars[position] == "\u{0647}" else { return hijriWords.contains(nextWord(after: index, in: scalars)) }
        position += 1
        while position < scalars.count, scalars[position] == "\u{0640}" { position += 1 }
        return position == scalars.count || !ScalarClass.isAlphabetic(scalars[position]) || hijriWords.contains(nextWord(after: index, in: scalars))
    }

    static let hijriWords: Set<String> = Set(["هجري", "هجرية", "الهجري", "الهجرية", "للهجرة", "هجرياً", "هجريا"].map(ArabicSearchKey.key))

    /// Whether a Hijri month follows a number (`1 محرم`, `27 رمضان`, `10 ذي الحجة`).
    static func isHijriMonth(after index: Int, in scalars: [Unicode.Scalar]) -> Bool {
        let word = nextWord(after: index, in: scalars)
        if hijriMonths.contains(word) { return true }
        guard word == ArabicSearchKey.key("ذو") || word == ArabicSearchKey.key("ذي") else { return false }
        var position = index
        while position < scalars.count, !ScalarClass.isAlphabetic(scalars[position]) { position += 1 }
        while position < scalars.count, ScalarClass.isAlphabetic(scalars[position]) { position += 1 }
        return ["القعدة", "الحجة"].map(ArabicSearchKey.key).contains(nextWord(after: position, in: scalars))
    }

    static let hijriMonths: Set<String> = Set(["محرم", "المحرم", "صفر", "ربيع", "جمادى", "جمادي", "رجب", "شعبان", "رمضان", "شوال"].map(ArabicSearchKey.key))

    /// The search key of the word after `index`, past spaces.
    static func nextWord(after index: Int, in scalars: [Unicode.Scalar]) -> String {
        var position = index
        while position < scalars.count, ClockTime.isSpace(scalars[position]) { position += 1 }
        var letters = String.UnicodeScalarView()
        while position < scalars.count, ScalarClass.isAlphabetic(scalars[position]) || scalars[position] == "\u{0640}", letters.count < 16 {
            letters.append(scalars[position])
            position += 1
        }
        return letters.isEmpty ? "" : ArabicSearchKey.key(String(letters))
    }

    /// Whether an English text names a Hijri month, so that it gives a Hijri date of its own.
    static func namesHijriMonth(_ text: String) -> Bool {
        let lower = text.lowercased()
        return ["muharram", "safar", "rabi", "jumad", "rajab", "sha'ban", "shaban", "shaaban", "ramadan", "ramadhan", "shawwal",
                "dhu al", "dhul", "dhu'l", "hijja", "qa'da", "qada", " ah", "a.h."].contains { lower.contains($0) }
    }

    /// Lowercased English words (ASCII letters, with inner hyphens) short enough to name a number.
    static func englishWords(_ text: String) -> [String] {
        var words: [String] = []
        var word: [UInt8] = []
        func finish() {
            while word.last == 0x2D { word.removeLast() }
            if !word.isEmpty, word.count <= 16 { words.append(String(decoding: word, as: UTF8.self)) }
            word.removeAll(keepingCapacity: true)
        }
        for byte in text.utf8 {
            if (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A {
                word.append(byte | 0x20)
            } else if byte == 0x2D && !word.isEmpty {
                word.append(byte)
            } else {
                finish()
            }
        }
        finish()
        return words
    }

    /// An Arabic word's key without proclitics (و ف, then ب ل ك, then ال), each reading in turn.
    static func strippedForms(of word: String) -> [String] {
        var forms = [word]
        var current = [word]
        for prefixes in [["و", "ف"], ["ب", "ل", "ك"], ["ال"]] {
            var next: [String] = []
            for form in current {
                next.append(form)
                for prefix in prefixes where form.hasPrefix(prefix) && form.count > prefix.count + 1 {
                    next.append(String(form.dropFirst(prefix.count)))
                }
            }
            current = next
        }
        for form in current where !forms.contains(form) { forms.append(form) }
        for form in forms where form.hasPrefix("لل") && form.count > 3 { forms.append("ال" + form.dropFirst(2)) }
        return forms
    }

    static let englishMultipliers: [String: Double] = [
        "thousand": 1e3, "thousands": 1e3, "million": 1e6, "millions": 1e6, "billion": 1e9, "billions": 1e9,
        "trillion": 1e12, "bn": 1e9, "m": 1e6,
    ]

    static let arabicMultipliers: [String: Double] = {
        let words: [(String, Double)] = [("ألف", 1e3), ("آلاف", 1e3), ("ألفا", 1e3), ("مليون", 1e6), ("ملايين", 1e6),
                                         ("مليونا", 1e6), ("مليار", 1e9), ("مليارات", 1e9), ("بليون", 1e9), ("تريليون", 1e12)]
        return Dictionary(words.map { (ArabicSearchKey.key($0.0), $0.1) }, uniquingKeysWith: { first, _ in first })
    }()

    static let englishValues: [String: Set<String>] = {
        var table: [String: Set<String>] = [:]
        let cardinals = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"]
        let ordinals = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
                        "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"]
        for (value, word) in cardinals.enumerated() { table[word, default: []].insert(String(value)) }
        for (value, word) in ordinals.enumerated() where !word.isEmpty { table[word, default: []].insert(String(value)) }
        for (index, word) in ["thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"].enumerated() {
            table[word, default: []].insert(String(30 + index * 10))
        }
        let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
        for (index, month) in months.enumerated() {
            table[month, default: []].insert(String(index + 1))
            table[String(month.prefix(3)), default: []].insert(String(index + 1))
        }
        table["sept", default: []].insert("9")
        let others: [(String, String)] = [("once", "1"), ("single", "1"), ("twice", "2"), ("double", "2"), ("pair", "2"),
                                          ("couple", "2"), ("dozen", "12"), ("dozens", "12"), ("half", "0.5"), ("hundred", "100"),
                                          ("hundreds", "100"), ("thousand", "1000"), ("million", "1000000"), ("billion", "1000000000"),
                                          ("quarter", "0.25"), ("triple", "3"), ("thrice", "3"), ("decade", "10"), ("century", "100")]
        for (word, value) in others { table[word, default: []].insert(value) }
        return table
    }()

    static let arabicValues: [String: Set<String>] = {
        let words: [(String, [String])] = [
            ("صفر", ["0"]), ("واحد", ["1"]), ("واحدة", ["1"]), ("اثنان", ["2"]), ("اثنين", ["2"]), ("اثنتان", ["2"]), ("اثنتين", ["2"]),
            ("ثلاث", ["3"]), ("ثلاثة", ["3"]), ("أربع", ["4"]), ("أربعة", ["4"]), ("خمس", ["5"]), ("خمسة", ["5"]), ("ست", ["6"]),
            ("ستة", ["6"]), ("سبع", ["7"]), ("سبعة", ["7"]), ("ثمان", ["8"]), ("ثماني", ["8"]), ("ثمانية", ["8"]), ("تسع", ["9"]),
            ("تسعة", ["9"]), ("عشر", ["10"]), ("عشرة", ["10"]), ("عشرون", ["20"]), ("عشرين", ["20"]), ("ثلاثون", ["30"]),
            ("ثلاثين", ["30"]), ("أربعون", ["40"]), ("أربعين", ["40"]), ("خمسون", ["50"]), ("خمسين", ["50"]), ("ستون", ["60"]),
            ("ستين", ["60"]), ("سبعون", ["70"]), ("سبعين", ["70"]), ("ثمانون", ["80"]), ("ثمانين", ["80"]), ("تسعون", ["90"]),
            ("تسعين", ["90"]), ("مئة", ["100"]), ("مائة", ["100"]), ("مئات", ["100"]), ("ألف", ["1000"]), ("آلاف", ["1000"]),
            ("مليون", ["1000000"]), ("مليار", ["1000000000"]), ("نصف", ["0.5"]), ("ربع", ["0.25"]),
            ("حادي", ["1"]), ("حادية", ["1"]), ("أول", ["1"]), ("أولى", ["1"]), ("ثاني", ["2"]), ("ثانية", ["2"]), ("ثالث", ["3"]), ("ثالثة", ["3"]), ("رابع", ["4"]),
            ("رابعة", ["4"]), ("خامس", ["5"]), ("خامسة", ["5"]), ("سادس", ["6"]), ("سادسة", ["6"]), ("سابع", ["7"]), ("سابعة", ["7"]),
            ("ثامن", ["8"]), ("ثامنة", ["8"]), ("تاسع", ["9"]), ("تاسعة", ["9"]), ("عاشر", ["10"]), ("عاشرة", ["10"]),
            ("يومين", ["2"]), ("عامين", ["2"]), ("سنتين", ["2"]), ("شهرين", ["2"]), ("مرتين", ["2"]), ("ساعتين", ["2"]),
            ("يناير", ["1"]), ("فبراير", ["2"]), ("مارس", ["3"]), ("أبريل", ["4"]), ("إبريل", ["4"]), ("مايو", ["5"]), ("يونيو", ["6"]),
            ("يونيه", ["6"]), ("يوليو", ["7"]), ("يوليه", ["7"]), ("أغسطس", ["8"]), ("سبتمبر", ["9"]), ("أكتوبر", ["10"]),
            ("نوفمبر", ["11"]), ("ديسمبر", ["12"]), ("كانون", ["12", "1"]), ("شباط", ["2"]), ("آذار", ["3"]), ("نيسان", ["4"]),
            ("أيار", ["5"]), ("حزيران", ["6"]), ("تموز", ["7"]), ("آب", ["8"]), ("أيلول", ["9"]), ("تشرين", ["10", "11"]),
            ("عشرينيات", ["20", "1920", "2020"]), ("ثلاثينيات", ["30", "1930"]), ("أربعينيات", ["40", "1940"]),
            ("خمسينيات", ["50", "1950"]), ("ستينيات", ["60", "1960"]), ("سبعينيات", ["70", "1970"]),
            ("ثمانينيات", ["80", "1980"]), ("تسعينيات", ["90", "1990"]), ("عقد", ["10"]), ("عقدين", ["20", "2"]), ("قرن", ["100"]),
        ]
        var table: [String: Set<String>] = [:]
        for (word, values) in words { table[ArabicSearchKey.key(word), default: []].formUnion(values) }
        return table
    }()
}
