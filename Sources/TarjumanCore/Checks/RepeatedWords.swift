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
        lazy var sourceDoubles = doublesAWord(source)
        for index in 1 ..< tokens.count {
            let first = tokens[index - 1], second = tokens[index]
            guard second.gap != .other, second.gap != .stop || !first.isNumber, first.isNumber == second.isNumber, first.range.count == second.range.count,
                  zip(scalars[first.range], scalars[second.range]).allSatisfy({ folded($0) == folded($1) }) else { continue }
            let word = NumberReading.text(scalars, first.range).lowercased()
            // Said three times (`tick, tick, tick`) is meant.
            if index + 1 < tokens.count, tokens[index + 1].gap != .other, tokens[index + 1].range.count == second.range.count,
               NumberReading.text(scalars, tokens[index + 1].range).lowercased() == word { continue }
            if index >= 2, second.gap != .other, first.gap != .other, tokens[index - 2].range.count == first.range.count,
               NumberReading.text(scalars, tokens[index - 2].range).lowercased() == word { continue }
            // A name (`Pago Pago`, `باغو باغو`) or a doubling the source makes too (`جدا جدا`, `very very`).
            if !first.isNumber, sourceDoubles { continue }
            if first.isNumber {
                // A number the source repeats too, or one of a list (`16, 16 and 17`), is faithful.
                guard second.gap == .space, !sourceRepeats(word, source) else { continue }
            } else if second.gap == .stop {
                // `out of time. time.`: a sentence does not open in lower case, nor with the last
                // word of the one before as a sentence of its own (`for Wikipedia. Wikipedia.`).
                let endsText = index + 1 == tokens.count
                guard first.range.count > 1, !isCapital(scalars[second.range.lowerBound]) || (endsText && !first.opensSentence) else { continue }
            } else if second.gap == .punctuation {
                // `very, very`; `whatever he asks you, you must not`: a clause ends between them.
                guard !emphatic.contains(word), !pronouns.contains(word) else { continue }
            } else {
                if interjections.contains(word) { continue }
                let before = index >= 2 && tokens[index - 1].gap != .other ? tokens[index - 2] : nil
                let after = index + 1 < tokens.count && tokens[index + 1].gap == .space ? tokens[index + 1] : nil
                let wordBefore = before.map { !$0.isNumber } ?? false
                let wordAfter = after.map { !$0.isNumber } ?? false
                switch word {
                case "had":
                    // `they had had enough`: a word on either side.
                    if wordBefore && wordAfter { continue }
                case "that":
                    // `said that that was`: after a verb of saying or knowing, `so` or `such`.
                    if let before, wordBefore, wordAfter, thatThatBefore.contains(NumberReading.text(scalars, before.range).lowercased()) { continue }
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
    /// Words after which `that that` is grammatical (`he said that that was wrong`).
    static let thatThatBefore: Set<String> = [
        "said", "says", "say", "saying", "think", "thinks", "thought", "believe", "believes", "believed", "know", "knows", "knew", "known",
        "argue", "argues", "argued", "claim", "claims", "claimed", "suggest", "suggests", "suggested", "show", "shows", "showed", "shown",
        "mean", "means", "meant", "fact", "so", "such", "is", "was", "note", "notes", "noted", "feel", "feels", "felt", "hope", "hoped",
        "ensure", "ensured", "agree", "agreed", "decide", "decided", "realize", "realized", "understand", "understood", "find", "found",
        "report", "reported", "state", "stated", "stress", "stressed", "recognize", "recognized", "recall", "recalled", "emphasize",
        "emphasized", "clear", "sure", "aware", "given", "except", "add", "added", "insist", "insisted", "confirm", "confirmed",
        "deny", "denied", "fear", "feared", "expect", "expected", "warn", "warned", "considering", "provided", "assuming", "now",
    ]

    /// Words that end one clause and open the next across a comma (`asks you, you`).
    static let pronouns: Set<String> = ["i", "you", "it", "he", "she", "we", "they", "me", "him", "her", "us", "them", "this", "that",
                                        "there", "here", "then", "so", "one", "which", "what", "who"]
    /// Doubled in speech: `bye bye`, `ha ha`, `no no`, `very very`.
    static let interjections: Set<String> = ["bye", "ha", "no", "very", "oh", "ah", "hey", "yeah"]

    enum Gap { case space, punctuation, stop, other }

    struct Token {
        let range: Range<Int>
        let isNumber: Bool
        /// What separates it from the token before.
        let gap: Gap
        /// First in the text or after `.`, `?`, `!`.
        var opensSentence = false
    }

    static func isCapital(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isUppercase
    }

    static func tokens(_ scalars: [Unicode.Scalar]) -> [Token] {
        var tokens: [Token] = []
        var index = 0
        var gap = Gap.other
        var punctuation = 0
        var stop = true
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
                        if next == "'" || next == "\u{2019}" || next == "-", end + 1 < scalars.count, ScalarClass.isAlphabetic(scalars[end + 1]) { end += 2; continue }
                    }
                    break
                }
                // A letter glued to a number (`16th`) makes neither a plain word nor a number.
                if end < scalars.count, isNumber ? ScalarClass.isAlphabetic(scalars[end]) : NumberReading.digit(scalars[end]) != nil {
                    while end < scalars.count, ScalarClass.isAlphabetic(scalars[end]) || NumberReading.digit(scalars[end]) != nil { end += 1 }
                    tokens.append(Token(range: index ..< end, isNumber: false, gap: .other))
                } else {
                    tokens.append(Token(range: index ..< end, isNumber: isNumber, gap: tokens.isEmpty ? .other : gap, opensSentence: stop))
                }
                index = end
                gap = .space
                punctuation = 0
                stop = false
                continue
            }
            switch scalar {
            case " ", "\u{00A0}":
                break
            case ",", ";":
                punctuation += 1
                gap = punctuation == 1 && gap != .other ? .punctuation : .other
            case "\u{2013}", "\u{2014}", "-":
                // A dash between spaces; a hyphen joins a compound (`boda-boda`).
                let spaced = index > 0 && scalars[index - 1] == " " && index + 1 < scalars.count && scalars[index + 1] == " "
                punctuation += 1
                gap = spaced && punctuation == 1 && gap != .other ? .punctuation : .other
            case ".", "?", "!":
                punctuation += 1
                gap = punctuation == 1 && gap == .space && index + 1 < scalars.count && scalars[index + 1] == " " ? .stop : .other
                stop = true
            default:
                gap = .other
            }
            index += 1
        }
        return tokens
    }

    /// Whether a text writes a word twice in a row (`جدا جدا`, `باغو باغو`).
    static func doublesAWord(_ scalars: [Unicode.Scalar]) -> Bool {
        let words = tokens(scalars).filter { !$0.isNumber }
        guard words.count > 1 else { return false }
        for index in 1 ..< words.count where words[index].gap == .space && words[index].range.count == words[index - 1].range.count
            && scalars[words[index].range].elementsEqual(scalars[words[index - 1].range]) {
            return true
        }
        return false
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
