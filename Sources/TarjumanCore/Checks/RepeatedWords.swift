/// Words and numbers written twice in a row in an English rendering: `the the`, `is is`,
/// `16 16`, `2015 2015`, and across a comma or dash, `time, time`. The doublings English
/// grammar makes (`he had had enough`, `said that that was`) and emphatic repeats (`very,
/// very`, `no, no`) are not reported.
enum RepeatedWords {
    /// The ranges of the repeats, each from the first word to the end of the second.
    static func find(in scalars: [Unicode.Scalar], source: [Unicode.Scalar]) -> [Range<Int>] {
        let tokens = tokens(scalars)
        guard tokens.count > 1 else { return [] }
        var repeats: [Range<Int>] = []
        for index in 1 ..< tokens.count {
            let first = tokens[index - 1], second = tokens[index]
            guard second.gap != .other, first.isNumber == second.isNumber, first.range.count == second.range.count,
                  zip(scalars[first.range], scalars[second.range]).allSatisfy({ folded($0) == folded($1) }) else { continue }
            let word = NumberReading.text(scalars, first.range).lowercased()
            if first.isNumber {
                // A number the source repeats too, or one of a list (`16, 16 and 17`), is faithful.
                guard second.gap == .space, !sourceRepeats(word, source) else { continue }
            } else if second.gap == .punctuation {
                guard !emphatic.contains(word) else { continue }
            } else {
                if interjections.contains(word) { continue }
                let before = index >= 2 && tokens[index - 1].gap != .other ? tokens[index - 2] : nil
                let after = index + 1 < tokens.count && tokens[index + 1].gap == .space ? tokens[index + 1] : nil
                let wordBefore = before.map { !$0.isNumber } ?? false
                let wordAfter = after.map { !$0.isNumber } ?? false
                switch word {
                case "had", "that":
                    // `they had had`, `said that that was`: a word on either side.
                    if wordBefore && wordAfter { continue }
                case "is":
                    // `what it is is`.
                    if index >= 3, NumberReading.text(scalars, tokens[index - 3].range).lowercased() == "what" { continue }
                default:
                    break
                }
            }
            if let last = repeats.last, last.upperBound > first.range.lowerBound { continue }
            repeats.append(first.range.lowerBound ..< second.range.upperBound)
        }
        return repeats
    }

    /// Repeated for emphasis, across a comma too: `very, very`, `no, no`, `far, far away`.
    static let emphatic: Set<String> = ["very", "many", "much", "far", "long", "more", "so", "too", "no", "yes", "oh", "ah", "ha", "bye",
                                        "please", "never", "again", "now", "well", "wait", "help", "stop", "come", "go", "quick",
                                        "quickly", "slowly", "run", "hurry", "okay", "ok", "hey", "hello", "sorry", "thanks", "why"]
    /// Doubled in speech: `bye bye`, `ha ha`, `no no`, `very very`.
    static let interjections: Set<String> = ["bye", "ha", "no", "very", "oh", "ah", "hey", "yeah"]

    enum Gap { case space, punctuation, other }

    struct Token {
        let range: Range<Int>
        let isNumber: Bool
        /// What separates it from the token before.
        let gap: Gap
    }

    static func tokens(_ scalars: [Unicode.Scalar]) -> [Token] {
        var tokens: [Token] = []
        var index = 0
        var gap = Gap.other
        var punctuation = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if ScalarClass.isAlphabetic(scalar) || NumberReading.digit(scalar) != nil {
                let isNumber = NumberReading.digit(scalar) != nil
                var end = index + 1
                while end < scalars.count {
                    let next = scalars[end]
                    if isNumber {
                        if NumberReading.digit(next) != nil { end += 1; continue }
                        if next == "," || next == ".", end + 1 < scalars.count, NumberReading.digit(scalars[end + 1]) != nil { end += 2; continue }
                    } else {
                        if ScalarClass.isAlphabetic(next) { end += 1; continue }
                        if next == "'" || next == "\u{2019}", end + 1 < scalars.count, ScalarClass.isAlphabetic(scalars[end + 1]) { end += 2; continue }
                    }
                    break
                }
                // A letter glued to a number (`16th`) makes neither a plain word nor a number.
                if end < scalars.count, isNumber ? ScalarClass.isAlphabetic(scalars[end]) : NumberReading.digit(scalars[end]) != nil {
                    while end < scalars.count, ScalarClass.isAlphabetic(scalars[end]) || NumberReading.digit(scalars[end]) != nil { end += 1 }
                    tokens.append(Token(range: index ..< end, isNumber: false, gap: .other))
                } else {
                    tokens.append(Token(range: index ..< end, isNumber: isNumber, gap: tokens.isEmpty ? .other : gap))
                }
                index = end
                gap = .space
                punctuation = 0
                continue
            }
            switch scalar {
            case " ", "\u{00A0}":
                break
            case ",", ";", ":", "\u{2013}", "\u{2014}", "-":
                punctuation += 1
                gap = punctuation == 1 && gap != .other ? .punctuation : .other
            default:
                gap = .other
            }
            index += 1
        }
        return tokens
    }

    /// Whether the source writes this number twice in a row too.
    static func sourceRepeats(_ number: String, _ source: [Unicode.Scalar]) -> Bool {
        let mentions = NumberReading.mentions(in: source, language: .arabic).flatMap { $0.parts.isEmpty ? [$0] : $0.parts }
        guard mentions.count > 1 else { return false }
        let value = NumberReading.canonical(integer: number.filter(\.isNumber), fraction: "")
        for index in 1 ..< mentions.count where mentions[index].forms.contains(value) && mentions[index - 1].forms.contains(value) {
            return true
        }
        return false
    }

    @inline(__always)
    static func folded(_ scalar: Unicode.Scalar) -> UInt32 {
        scalar.value >= 0x41 && scalar.value <= 0x5A ? scalar.value + 0x20 : scalar.value
    }
}
