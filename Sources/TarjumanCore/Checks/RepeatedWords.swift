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
        lazy var sourceDoubles = doublesAWord(source, across: [.space])
        lazy var sourceRepeatsSentence = doublesAWord(source, across: [.space, .punctuation, .stop])
        for index in 1 ..< tokens.count {
            let first = tokens[index - 1], second = tokens[index]
            guard second.gap != .other, first.isNumber == second.isNumber, first.range.count == second.range.count,
                  zip(scalars[first.range], scalars[second.range]).allSatisfy({ folded($0) == folded($1) }) else { continue }
            let word = NumberReading.text(scalars, first.range).lowercased()
            // A paragraph number written twice (`112. 112. The WHO`).
            let doubledMarker = index == 1 && first.isNumber && (second.gap == .stop || second.gap == .punctuation)
            // Said three times (`tick, tick, tick`) is meant.
            if index + 1 < tokens.count, tokens[index + 1].gap != .other, tokens[index + 1].range.count == second.range.count,
               NumberReading.text(scalars, tokens[index + 1].range).lowercased() == word { continue }
            if index >= 2, second.gap != .other, first.gap != .other, tokens[index - 2].range.count == first.range.count,
               NumberReading.text(scalars, tokens[index - 2].range).lowercased() == word { continue }
            // A name (`Pago Pago`, `باغو باغو`) or a doubling the source makes too (`جدا جدا`, `very very`).
            if !first.isNumber, sourceDoubles { continue }
            if first.isNumber {
                // A number the source repeats too, or one of a list (`16, 16 and 17`), is faithful.
                guard doubledMarker || (second.gap == .space && !sourceRepeats(word, source)) else { continue }
            } else if second.gap == .stop {
                // `out of time. time.`: a sentence does not open in lower case, nor with the last
                // word of the one before as a sentence of its own (`for Wikipedia. Wikipedia.`).
                // A one-word sentence said twice (`Peace. Peace.`) is meant only if the source says it twice.
                let endsText = index + 1 == tokens.count
                let wordSentences = first.opensSentence && (endsText || tokens[index + 1].opensSentence)
                guard first.range.count > 1,
                      !isCapital(scalars[second.range.lowerBound]) || (endsText && !first.opensSentence) || (wordSentences && !sourceRepeatsSentence)
                else { continue }
            } else if second.gap == .punctuation {
                // `very, very`; `whatever he asks you, you must not`: a clause ends between them.
                // A capital after the comma (`Oh, Oh`) is no such repeat.
                let capitalAgain = isCapital(scalars[second.range.lowerBound]) && word != "i"
                guard capitalAgain || (!emphatic.contains(word) && !pronouns.contains(word)) else { continue }
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
                    // `said that that was`: the source says `أن ذلك`, or a verb of saying or knowing,
                    // `so` or `such` comes before and a verb after the second `that`.
                    if wordBefore, wordAfter, hasThatDemonstrative(source) { continue }
                    if let before, let after, wordBefore, wordAfter, thatThatBefore.contains(NumberReading.text(scalars, before.range).lowercased()),
                       verbsAfterThat.contains(NumberReading.text(scalars, after.range).lowercased()) { continue }
                case "is":
                    // `what it is is`, but not the question `what time is is it?`.
                    if index >= 3, NumberReading.text(scalars, tokens[index - 3].range).lowercased() == "what",
                       sentenceEnd(scalars, after: second.range.upperBound) != "?" { continue }
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
    static let emphatic: Set<String> = ["uh", "um", "very", "many", "much", "far", "long", "more", "so", "too", "no", "yes", "oh", "ah", "ha", "bye",
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

    /// Verbs and auxiliaries after which a second `that` is a pronoun (`said that that was wrong`).
    static let verbsAfterThat: Set<String> = [
        "is", "was", "would", "will", "could", "can", "had", "has", "have", "may", "might", "should", "must", "did", "does", "do",
        "means", "meant", "seems", "seemed", "made", "makes", "remains", "remained", "became", "becomes", "shall", "alone", "too",
    ]

    /// Arabic demonstratives and the conjunctions before them: `أن ذلك` is rendered `that that`.
    static let demonstratives: Set<String> = ["ذلك", "هذا", "هذه", "تلك", "ذاك", "هذين", "هاتين", "هؤلاء", "أولئك"]
    static let thatConjunctions: Set<String> = ["أن", "إن", "ان", "بأن", "وأن", "لأن", "فإن", "وإن"]

    static func hasThatDemonstrative(_ source: [Unicode.Scalar]) -> Bool {
        let words = tokens(source).filter { !$0.isNumber }.map { NumberReading.text(source, $0.range) }
        return zip(words, words.dropFirst()).contains { thatConjunctions.contains($0) && demonstratives.contains($1) }
    }

    /// The first `.`, `?` or `!` at or after a position, if any.
    static func sentenceEnd(_ scalars: [Unicode.Scalar], after position: Int) -> Unicode.Scalar? {
        scalars[position...].first { $0 == "." || $0 == "?" || $0 == "!" }
    }

    /// Words that end one clause and open the next across a comma (`asks you, you`).
    static let pronouns: Set<String> = ["i", "you", "it", "he", "she", "we", "they", "me", "him", "her", "us", "them", "this", "that",
                                        "there", "here", "then", "so", "one", "which", "what", "who"]
    /// Doubled in speech: `bye bye`, `ha ha`, `no no`.
    static let interjections: Set<String> = ["bye", "ha", "no", "oh", "ah", "uh", "um", "hey", "yeah"]

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
                        // An abbreviation of single letters: `U.S`, `U.N`.
                        if next == ".", end == index + 1 || scalars[end - 2] == ".", end + 1 < scalars.count, ScalarClass.isAlphabetic(scalars[end + 1]),
                           end + 2 == scalars.count || !ScalarClass.isAlphabetic(scalars[end + 2]) { end += 2; continue }
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
            case " ", "\u{00A0}", "\"", "\u{201C}", "\u{201D}", "\u{00AB}", "\u{00BB}":
                // Quotation marks stand outside the words (`news anchor" anchor"`).
                break
            case ",", ";":
                punctuation += 1
                gap = punctuation == 1 && gap != .other ? .punctuation : .other
                index = footnoteEnd(scalars, after: index) - 1
            case "\u{2013}", "\u{2014}", "-":
                // A dash between spaces; a hyphen joins a compound (`boda-boda`).
                let spaced = index > 0 && scalars[index - 1] == " " && index + 1 < scalars.count && scalars[index + 1] == " "
                punctuation += 1
                gap = spaced && punctuation == 1 && gap != .other ? .punctuation : .other
            case ".", "?", "!":
                punctuation += 1
                let next = footnoteEnd(scalars, after: index)
                var after = next
                while after < scalars.count, "\"\u{201D}\u{00BB}".unicodeScalars.contains(scalars[after]) { after += 1 }
                gap = punctuation == 1 && gap == .space && after < scalars.count && scalars[after] == " " ? .stop : .other
                stop = true
                index = next - 1
            default:
                gap = .other
            }
            index += 1
        }
        return tokens
    }

    /// Where the text goes on after the punctuation mark at `index`: past a footnote number glued
    /// to it after a word (`letters.1 `), else just past the mark.
    static func footnoteEnd(_ scalars: [Unicode.Scalar], after index: Int) -> Int {
        guard index > 0, ScalarClass.isAlphabetic(scalars[index - 1]) else { return index + 1 }
        var end = index + 1
        while end < scalars.count, end - index <= 3, NumberReading.digit(scalars[end]) != nil { end += 1 }
        return end > index + 1 && (end == scalars.count || scalars[end] == " ") ? end : index + 1
    }

    /// Whether a text writes a word of three letters or more twice in a row (`جدا جدا`, `باغو
    /// باغو`), with nothing but the given gaps between; spelt letters (`بي بي سي`) do not count.
    static func doublesAWord(_ scalars: [Unicode.Scalar], across gaps: Set<Gap>) -> Bool {
        let words = tokens(scalars).filter { !$0.isNumber }
        guard words.count > 1 else { return false }
        for index in 1 ..< words.count where gaps.contains(words[index].gap) && words[index].range.count == words[index - 1].range.count
            && scalars[words[index].range].filter({ $0.properties.generalCategory != .nonspacingMark }).count >= 3
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
