/// A paragraph number or list enumerator opening a unit: `25 - `, `٢ - `, `21- `, `(أ)`, `(ب)` in
/// Arabic; `2.`, `(a)`, `(iv)`, `1)` in English. The checks compare a leading marker only with
/// the other side's leading marker, never with the text.
package struct LeadingMarker: Equatable {
    /// Scalar offsets of the marker, its brackets and punctuation included.
    let range: Range<Int>
    /// As written.
    let text: String
    /// What it counts: a number, or a letter's place in the alphabet (`(ب)`, `(b)` = 2); a
    /// Roman numeral (`(iv)`) is a number, and `(i)` is both the ninth letter and 1.
    let numbers: Set<Int>
    let letters: Set<Int>

    /// The markers opening a text (up to three: `25 - (أ)`), in order.
    package static func markers(in scalars: [Unicode.Scalar], language: NumberReading.Language) -> [LeadingMarker] {
        var markers: [LeadingMarker] = []
        var position = 0
        while markers.count < 3 {
            while position < scalars.count, ScalarClass.isWhitespace(scalars[position].value) || ScalarClass.isInvisible(scalars[position].value) {
                position += 1
            }
            guard let marker = marker(at: position, in: scalars, language: language) else { break }
            markers.append(marker)
            position = marker.range.upperBound
        }
        return markers
    }

    /// Where the text after a text's leading markers starts.
    package static func bodyStart(_ markers: [LeadingMarker]) -> Int {
        markers.last?.range.upperBound ?? 0
    }

    static func marker(at start: Int, in scalars: [Unicode.Scalar], language: NumberReading.Language) -> LeadingMarker? {
        guard start < scalars.count else { return nil }
        func endsHere(_ position: Int) -> Bool {
            position == scalars.count || ScalarClass.isWhitespace(scalars[position].value)
        }
        func made(_ end: Int, numbers: Set<Int>, letters: Set<Int>) -> LeadingMarker {
            LeadingMarker(range: start ..< end, text: NumberReading.text(scalars, start ..< end), numbers: numbers, letters: letters)
        }
        var position = start
        let bracketed = scalars[position] == "("
        if bracketed { position += 1 }
        // A number: `25 -`, `21-`, `2.`, `1)`, `(1)`.
        var value = 0, digits = 0
        while position < scalars.count, let digit = NumberReading.digit(scalars[position]), digits < 3 {
            value = value * 10 + Int(digit)
            digits += 1
            position += 1
        }
        if digits > 0 {
            guard position < scalars.count, NumberReading.digit(scalars[position]) == nil else { return nil }
            if bracketed {
                guard scalars[position] == ")", endsHere(position + 1) else { return nil }
                return made(position + 1, numbers: [value], letters: [])
            }
            var end = position
            while end < scalars.count, scalars[end] == " " { end += 1 }
            guard end < scalars.count else { return nil }
            switch scalars[end] {
            case "-", "\u{2013}", "\u{2014}":
                guard endsHere(end + 1) else { return nil }
                return made(end + 1, numbers: [value], letters: [])
            case ".", ")":
                guard end == position, endsHere(end + 1) else { return nil }
                return made(end + 1, numbers: [value], letters: [])
            default:
                return nil
            }
        }
        // Letters: `(أ)`, `(هـ)`, `(b)`, `(iv)`, `a)`, `b.`.
        var letters = String.UnicodeScalarView()
        while position < scalars.count, ScalarClass.isAlphabetic(scalars[position]) || scalars[position] == "\u{0640}", letters.count < 5 {
            letters.append(scalars[position])
            position += 1
        }
        guard !letters.isEmpty, position < scalars.count else { return nil }
        let closing = scalars[position]
        guard closing == ")" || (!bracketed && closing == "." && language == .english), endsHere(position + 1) else { return nil }
        let word = String(letters)
        if word.unicodeScalars.allSatisfy({ $0.value < 0x80 }) {
            let lower = word.lowercased()
            let roman = romanValue(lower)
            if lower.count == 1, !(closing == "." && !bracketed && word != lower && roman == nil) {
                let letter = Int(lower.unicodeScalars.first!.value) - 0x60
                return made(position + 1, numbers: roman.map { [$0] } ?? [], letters: [letter])
            }
            guard let roman else { return nil }
            return made(position + 1, numbers: [roman], letters: [])
        }
        let bare = word.unicodeScalars.filter { $0 != "\u{0640}" }
        guard bare.count <= 2, let place = arabicLetterPlaces[String(String.UnicodeScalarView(bare))] else { return nil }
        return made(position + 1, numbers: [], letters: place)
    }

    /// The value of a lowercase Roman numeral up to 39 (`iv`, `xii`), else nil.
    static func romanValue(_ text: String) -> Int? {
        let values: [Character: Int] = ["i": 1, "v": 5, "x": 10]
        var total = 0, previous = 0
        for character in text.reversed() {
            guard let value = values[character] else { return nil }
            total += value < previous ? -value : value
            previous = max(previous, value)
        }
        guard total > 0, total < 40, romanText(total) == text else { return nil }
        return total
    }

    static func romanText(_ value: Int) -> String {
        let tens = ["", "x", "xx", "xxx"][value / 10]
        let units = ["", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"][value % 10]
        return tens + units
    }

    /// An Arabic enumerator letter's place: in the abjad order that official documents follow
    /// (أ ب ج د هـ و ز … for a b c d e f g …) and in the alphabetical order some writers use.
    static let arabicLetterPlaces: [String: Set<Int>] = {
        let abjad = ["أ", "ب", "ج", "د", "ه", "و", "ز", "ح", "ط", "ي", "ك", "ل", "م", "ن", "س", "ع", "ف", "ص", "ق", "ر", "ش", "ت", "ث", "خ", "ذ", "ض", "ظ", "غ"]
        let alphabetical = ["أ", "ب", "ت", "ث", "ج", "ح", "خ", "د", "ذ", "ر", "ز", "س", "ش", "ص", "ض", "ط", "ظ", "ع", "غ", "ف", "ق", "ك", "ل", "م", "ن", "ه", "و", "ي"]
        var places: [String: Set<Int>] = [:]
        for order in [abjad, alphabetical] {
            for (index, letter) in order.enumerated() { places[letter, default: []].insert(index + 1) }
        }
        for alef in ["ا", "إ", "آ"] { places[alef] = places["أ"] }
        places["هـ"] = places["ه"]
        places["ى"] = places["ي"]
        return places
    }()

    /// Whether two markers count the same way (both numbers, or both letters) but differently.
    func disagrees(with other: LeadingMarker) -> Bool {
        let comparable = (!numbers.isEmpty && !other.numbers.isEmpty) || (!letters.isEmpty && !other.letters.isEmpty)
        return comparable && numbers.isDisjoint(with: other.numbers) && letters.isDisjoint(with: other.letters)
    }
}
