/// A time of day as the number checks compare it: Arabic 24-hour times (`13:00`, `الساعة 00/13`,
/// `10:30 مساءً`), English 12-hour times (`1 p.m.`, `10.16 a.m.`, `3 to 6 p.m.`), military times
/// (`1855 hours`), `noon` and `midnight`, all read to one form.
struct ClockTime: Hashable {
    let hour: Int
    let minute: Int

    init?(hour: Int, minute: Int) {
        guard (0 ... 24).contains(hour), (0 ..< 60).contains(minute) else { return nil }
        self.hour = hour % 24
        self.minute = minute
    }

    /// The form a time takes among a number's canonical forms: `t13:05`.
    var form: String { "t\(hour):" + (minute < 10 ? "0\(minute)" : "\(minute)") }

    /// `13:05`.
    var twentyFourHour: String { "\(hour):" + (minute < 10 ? "0\(minute)" : "\(minute)") }

    /// `1.05 p.m.`, `noon`, `midnight`.
    var twelveHour: String {
        if minute == 0 && hour == 12 { return "noon" }
        if minute == 0 && hour == 0 { return "midnight" }
        let shown = hour % 12 == 0 ? 12 : hour % 12
        let suffix = hour < 12 ? "a.m." : "p.m."
        return minute == 0 ? "\(shown) \(suffix)" : "\(shown).\(minute < 10 ? "0\(minute)" : "\(minute)") \(suffix)"
    }

    /// The time a 12-hour clock reading names: `pm` moves 1–11 to the afternoon, `am` moves 12 to midnight.
    static func twelveHour(_ hour: Int, _ minute: Int, pm: Bool) -> ClockTime? {
        guard (1 ... 12).contains(hour) else { return nil }
        return ClockTime(hour: pm ? (hour == 12 ? 12 : hour + 12) : (hour == 12 ? 0 : hour), minute: minute)
    }

    /// The two times a clock reading without a.m. or p.m. may name (`الساعة 2`: 2:00 or 14:00).
    static func eitherHalf(_ hour: Int, _ minute: Int) -> [ClockTime] {
        guard (1 ... 12).contains(hour) else { return ClockTime(hour: hour, minute: minute).map { [$0] } ?? [] }
        return [twelveHour(hour, minute, pm: false), twelveHour(hour, minute, pm: true)].compactMap { $0 }
    }

    // MARK: - English

    /// An English a.m. or p.m. right after `index` (one space allowed): whether it is p.m., and
    /// where it ends. `am`, `a.m.`, `AM`, `a. m.` and `p.m` are read; `a month` is not.
    static func englishMeridiem(after index: Int, in scalars: [Unicode.Scalar]) -> (pm: Bool, end: Int)? {
        var position = index
        if position < scalars.count, isSpace(scalars[position]) { position += 1 }
        guard position < scalars.count else { return nil }
        let first = scalars[position].value | 0x20
        guard first == 0x61 || first == 0x70 else { return nil }
        position += 1
        if position < scalars.count, scalars[position] == "." { position += 1 }
        if position < scalars.count, scalars[position] == " ", position > index + 1, scalars[position - 1] == "." { position += 1 }
        guard position < scalars.count, scalars[position].value | 0x20 == 0x6D else { return nil }
        position += 1
        if position < scalars.count, scalars[position] == "." { position += 1 }
        if position < scalars.count, ScalarClass.isAlphabetic(scalars[position]) { return nil }
        return (first == 0x70, position)
    }

    /// Whether `hours`, `hrs`, `hr` or `h` follows `index` (military time).
    static func englishHoursWord(after index: Int, in scalars: [Unicode.Scalar]) -> Bool {
        var position = index
        if position < scalars.count, isSpace(scalars[position]) { position += 1 }
        var word = ""
        while position < scalars.count, ScalarClass.isAlphabetic(scalars[position]), word.count < 6 {
            word.unicodeScalars.append(Unicode.Scalar(scalars[position].value | 0x20)!)
            position += 1
        }
        return ["hours", "hrs", "hr", "h"].contains(word)
    }

    /// Whether an English number ends a range whose end carries a.m. or p.m. (`3` in `3 to 6 p.m.`):
    /// the text after `index` up to the next number is a range word.
    static func englishRangeWord(after index: Int, in scalars: [Unicode.Scalar]) -> Int? {
        var position = index
        while position < scalars.count, isSpace(scalars[position]) { position += 1 }
        var word = ""
        while position < scalars.count, !isSpace(scalars[position]), NumberReading.digit(scalars[position]) == nil, word.count < 6 {
            word.unicodeScalars.append(scalars[position])
            position += 1
        }
        guard ["to", "-", "\u{2013}", "\u{2014}", "and", "until", "till"].contains(word.lowercased()) else { return nil }
        while position < scalars.count, isSpace(scalars[position]) { position += 1 }
        return position
    }

    /// English words that name a time: `noon`, `midday`, `midnight`.
    static let englishWords: [String: ClockTime] = ["noon": ClockTime(hour: 12, minute: 0)!, "midday": ClockTime(hour: 12, minute: 0)!,
                                                     "midnight": ClockTime(hour: 0, minute: 0)!]

    // MARK: - Arabic

    /// An Arabic half of the day right after `index`: true for the afternoon and night
    /// (`مساءً`, `ليلا`, `ظهرا`, `م` after a time), false for the morning (`صباحا`, `فجرا`, `ص`).
    static func arabicMeridiem(after index: Int, in scalars: [Unicode.Scalar], afterMinutes: Bool) -> Bool? {
        var position = index
        while position < scalars.count, isSpace(scalars[position]) { position += 1 }
        var letters = String.UnicodeScalarView()
        while position < scalars.count, ScalarClass.isAlphabetic(scalars[position]) || (0x064B ... 0x0652).contains(scalars[position].value) || scalars[position] == "\u{0640}",
              letters.count < 12 {
            letters.append(scalars[position])
            position += 1
        }
        let key = ArabicSearchKey.key(String(letters))
        if afterMinutes {
            if key == "ص" { return false }
            if key == "م" { return true }
        }
        if arabicMorning.contains(key) { return false }
        if arabicEvening.contains(key) { return true }
        return nil
    }

    static let arabicMorning: Set<String> = Set(["صباحا", "صباحاً", "صباح", "الصباح", "فجرا", "فجراً", "الفجر"].map(ArabicSearchKey.key))
    static let arabicEvening: Set<String> = Set(["مساء", "مساءً", "المساء", "ليلا", "ليلاً", "الليل", "ظهرا", "ظهراً", "الظهر",
                                                 "عصرا", "عصراً", "العصر"].map(ArabicSearchKey.key))

    @inline(__always)
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\u{00A0}" || scalar == "\u{202F}" || scalar == "\u{2009}"
    }
}
