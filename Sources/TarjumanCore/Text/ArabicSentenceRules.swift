/// The corrections Tarjuman makes to ICU's sentence boundaries in Arabic text: abbreviations
/// and initials, numbered items, ellipses and quotations that continue a sentence.
///
/// A rule looks at the text around a proposed boundary and says whether a sentence really ends
/// there. Offsets are UTF-16 code unit offsets, as ICU gives them.
struct ArabicSentenceRules {
    let text: UTF16Text

    /// Whether the boundary ICU (or the ellipsis rule) proposes at `boundary` is a sentence end.
    /// `sentenceStart` is where the current sentence began, `limit` the paragraph end.
    func isSentenceEnd(at boundary: Int, sentenceStart: Int, limit: Int) -> Bool {
        var contentEnd = boundary
        while contentEnd > sentenceStart, ScalarClass.isBlank(text[contentEnd - 1]) { contentEnd -= 1 }
        var terminatorEnd = contentEnd
        while terminatorEnd > sentenceStart, ScalarClass.isCloser(text[terminatorEnd - 1]) { terminatorEnd -= 1 }
        guard terminatorEnd > sentenceStart else { return true }
        let terminator = text[terminatorEnd - 1]
        var next: Range<Int>? { token(startingAt: boundary, limit: limit) }

        if terminator == "…" || isThreeDots(endingAt: terminatorEnd, from: sentenceStart) {
            return startsNewSentenceAfterEllipsis(next)
        }
        if terminator == "." {
            let word = token(endingAt: terminatorEnd - 1, from: sentenceStart)
            let scalars = mayBeAbbreviationOrNumber(word) ? letters(word) : []
            if !scalars.isEmpty {
                if isAmbiguousEnder(scalars, word: word, sentenceStart: sentenceStart) {
                    return !continuesSentence(next)
                }
                if isAbbreviation(scalars, next: next) { return false }
                if scalars.allSatisfy({ ScalarClass.isDigit($0) || $0 == "." }) {
                    if firstWordStart(from: sentenceStart, limit: limit) == word.lowerBound { return false }
                    if followsNumberingWord(word.lowerBound, sentenceStart: sentenceStart) {
                        return !continuesSentence(next)
                    }
                }
            }
        }
        if terminator == ".", terminatorEnd < contentEnd,
           ScalarClass.isQuote(text[terminatorEnd]),
           quotationIsEmbedded(closingAt: terminatorEnd, sentenceStart: sentenceStart) {
            return false
        }
        return true
    }

    /// Boundaries ICU does not propose: after `…` followed by white space (the rules then decide).
    /// `marks` are the offsets of `…` and closing quotes in the paragraph.
    func ellipsisCandidates(at marks: ArraySlice<Int>, in range: Range<Int>) -> [Int] {
        var result: [Int] = []
        for index in marks where text.units[index] == 0x2026 {
            var end = index + 1
            while end < range.upperBound, ScalarClass.isCloser(text[end]) { end += 1 }
            var next = end
            while next < range.upperBound, ScalarClass.isBlank(text[next]) { next += 1 }
            if next > end, next < range.upperBound { result.append(next) }
        }
        return result
    }

    /// Boundaries ICU does not propose: between a quotation closed without a full stop and a new
    /// quotation of at least `newQuotationWords` words (`... مقصودًا" "زوجتي ليست عنصرية" هذا ما`).
    /// Short quoted words in a row (`"منهار" "وفي صدمة"`) stay together.
    func quotationCandidates(at marks: ArraySlice<Int>, in range: Range<Int>) -> [Int] {
        var result: [Int] = []
        for index in marks where index > range.lowerBound {
            let unit = text.units[index]
            guard unit == 0x22 || unit == 0x201D || unit == 0xBB else { continue }
            let before = text[index - 1]
            guard !ScalarClass.isBlank(before), before != ":", !Self.terminators.contains(before) else { continue }
            var open = index + 1
            while open < range.upperBound, ScalarClass.isBlank(text[open]) { open += 1 }
            guard open > index + 1, open + 1 < range.upperBound,
                  text[open] == "\"" || text[open] == "“" || text[open] == "«",
                  !ScalarClass.isBlank(text[open + 1])
            else { continue }
            var end = open + 1
            while end < range.upperBound, !ScalarClass.isQuote(text[end]) { end += 1 }
            if ClauseSplitter(text: text).wordCount(open + 1 ..< end) >= Self.newQuotationWords {
                result.append(open)
            }
        }
        return result
    }

    // MARK: - Words around a boundary

    /// The word that ends at `end` (exclusive), back to white space or an opening quote or bracket.
    func token(endingAt end: Int, from start: Int) -> Range<Int> {
        var begin = end
        while begin > start, !ScalarClass.isWhitespace(text[begin - 1].value), !ScalarClass.isOpener(text[begin - 1]) {
            begin -= 1
        }
        return begin ..< end
    }

    /// The first word at or after `start`, skipping white space.
    func token(startingAt start: Int, limit: Int) -> Range<Int>? {
        var begin = start
        while begin < limit, ScalarClass.isBlank(text[begin]) { begin += 1 }
        guard begin < limit else { return nil }
        var end = begin
        while end < limit, !ScalarClass.isBlank(text[end]) { end += 1 }
        return begin ..< end
    }

    func firstWordStart(from start: Int, limit: Int) -> Int? {
        var index = start
        while index < limit, ScalarClass.isBlank(text[index]) || ScalarClass.isOpener(text[index]) { index += 1 }
        return index < limit ? index : nil
    }

    /// False for the common word before a full stop, an Arabic word of four letters or more
    /// with no dot, tatweel or invisible mark, which no abbreviation rule can match.
    func mayBeAbbreviationOrNumber(_ word: Range<Int>) -> Bool {
        guard word.count <= Self.longestWordBeforeAbbreviationDot else { return false }
        guard word.count > 3, ScalarClass.isArabicLetter(text[word.lowerBound]) else { return true }
        for index in word {
            let unit = text.units[index]
            if unit == 0x2E || unit == 0x0640 || ScalarClass.isInvisible(UInt32(unit)) { return true }
        }
        return false
    }

    /// The letters of a word without tatweel and invisible format characters.
    func letters(_ range: Range<Int>) -> [Unicode.Scalar] {
        text[range].filter { $0 != ScalarClass.tatweel && !ScalarClass.isInvisible($0.value) }
    }

    func isThreeDots(endingAt end: Int, from start: Int) -> Bool {
        end - start >= 3 && text[end - 1] == "." && text[end - 2] == "." && text[end - 3] == "."
    }

    // MARK: - Abbreviations

    /// Words before a dot that never end a sentence: Arabic initials, dotted abbreviations, titles,
    /// and Latin initials before a Latin word (`George W. Bush`; `the letter u. وذكرت` ends one).
    func isAbbreviation(_ scalars: [Unicode.Scalar], next: Range<Int>?) -> Bool {
        if scalars.count == 1, ScalarClass.isArabicLetter(scalars[0]) { return true }
        if scalars.count == 1, ScalarClass.isLatinLetter(scalars[0]) {
            return next.map { ScalarClass.isLatinLetter(text[$0.lowerBound]) } ?? false
        }
        guard scalars.count <= Self.longestAbbreviation else { return false }
        if scalars.contains(".") {
            let parts = scalars.split(separator: ".", omittingEmptySubsequences: false)
            return parts.allSatisfy { (1...3).contains($0.count) && $0.allSatisfy(ScalarClass.isLetter) }
        }
        if ScalarClass.isLatinLetter(scalars[0]), scalars.allSatisfy(ScalarClass.isLatinLetter) {
            return Self.latinAbbreviations.contains(String(String.UnicodeScalarView(scalars)).lowercased())
        }
        return false
    }

    /// Words before a dot that may end a sentence or not (`هـ.` `إلخ.` `م.` after a year):
    /// what follows decides.
    func isAmbiguousEnder(_ scalars: [Unicode.Scalar], word: Range<Int>, sentenceStart: Int) -> Bool {
        guard scalars.count <= 3 else { return false }
        if Self.ambiguousEnders.contains(scalars) { return true }
        if scalars == ["ه"], text[word].contains(ScalarClass.tatweel) { return true }
        if Self.yearMarkers.contains(scalars) {
            let previous = token(endingAt: trimmedBack(word.lowerBound, to: sentenceStart), from: sentenceStart)
            return !previous.isEmpty && text[previous].allSatisfy(ScalarClass.isDigit)
        }
        return false
    }

    /// Whether the number starting at `numberStart` follows a word that numbers items (`المادة 5.`).
    func followsNumberingWord(_ numberStart: Int, sentenceStart: Int) -> Bool {
        let previous = token(endingAt: trimmedBack(numberStart, to: sentenceStart), from: sentenceStart)
        guard !previous.isEmpty, previous.count <= Self.longestWordBeforeAbbreviationDot else { return false }
        let key = ArabicSearchKey(scalars: text[previous]).scalars
        return Self.numberingWords.contains { key.count >= $0.count && key.suffix($0.count).elementsEqual($0) }
    }

    func trimmedBack(_ index: Int, to start: Int) -> Int {
        var position = index
        while position > start, ScalarClass.isBlank(text[position - 1]) { position -= 1 }
        return position
    }

    /// Whether the word after a possible sentence end carries the sentence on: a digit, a
    /// lowercase Latin letter, punctuation that cannot open a sentence, or a word such as `من`.
    func continuesSentence(_ next: Range<Int>?) -> Bool {
        guard let next else { return false }
        let first = text[next.lowerBound]
        if ScalarClass.isDigit(first) { return true }
        if first.properties.isLowercase { return true }
        if Self.continuingPunctuation.contains(first) { return true }
        guard next.count <= Self.longestWordBeforeAbbreviationDot else { return false }
        return Self.continuationWords.contains(ArabicSearchKey(scalars: text[next]).scalars)
    }

    /// Whether what follows an ellipsis opens a new sentence. Arabic writers use `...` for a pause
    /// inside a sentence far more often than at its end (FLORES and NTREX references: 7 of 7), and
    /// Arabic has no capital letters to tell; so only a new quotation or bracket, or a capital
    /// Latin letter, counts as a new sentence.
    func startsNewSentenceAfterEllipsis(_ next: Range<Int>?) -> Bool {
        guard let next else { return false }
        let first = text[next.lowerBound]
        return ScalarClass.isOpener(first) || first.properties.isUppercase
    }

    // MARK: - Quotations

    /// Whether the quotation closed at `closing` is a short one (at most `shortQuotationWords`
    /// words) introduced by a colon inside the same sentence, as in `قال: "انتهى." وأضاف`.
    /// In news text, longer quotations and quotations without the colon that end in a full stop
    /// end the sentence (`وقالت: "لن أختلف مع حقيقة أنهم يُؤثرون في الجمهور." ثم اقترحت`).
    func quotationIsEmbedded(closingAt closing: Int, sentenceStart: Int) -> Bool {
        let close = text[closing]
        var index = closing - 1
        while index >= sentenceStart {
            let scalar = text[index]
            if Self.opens(scalar, closing: close) {
                let before = trimmedBack(index, to: sentenceStart)
                guard before > sentenceStart, text[before - 1] == ":" else { return false }
                return ClauseSplitter(text: text).wordCount(index + 1 ..< closing) <= Self.shortQuotationWords
            }
            if close == "\"" && scalar == "\"" { return false }
            index -= 1
        }
        return false
    }

    static func opens(_ scalar: Unicode.Scalar, closing: Unicode.Scalar) -> Bool {
        switch closing {
        case "\"": return scalar == "\""
        case "»": return scalar == "«"
        case "”": return scalar == "“" || scalar == "„"
        case "›": return scalar == "‹"
        case "«": return scalar == "»"
        default: return false
        }
    }

    static let shortQuotationWords = 3
    /// The longest dotted abbreviation or listed title, in letters and dots (`Ph.D`, `approx`, `sept`).
    static let longestAbbreviation = 11
    /// Longer words before a dot (tatweel and invisible marks included) are never abbreviations,
    /// ambiguous enders or item numbers.
    static let longestWordBeforeAbbreviationDot = 16
    static let newQuotationWords = 3
    static let terminators: Set<Unicode.Scalar> = [".", "؟", "?", "!", "۔", "…"]

    // MARK: - Word lists (compared as search keys or plain letters)

    static let latinAbbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "inc", "ltd", "co", "corp", "vs", "no",
        "gen", "gov", "sen", "rep", "lt", "col", "capt", "sgt", "mt", "ft", "jan", "feb", "mar",
        "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "dept", "fig",
        "vol", "al", "pp", "ed", "eds", "cf", "ca",
    ]

    /// `إلخ` and its spellings, `etc`; `هـ` is recognised by its tatweel.
    static let ambiguousEnders = letterSet(["إلخ", "الخ", "اه", "etc"])

    /// Calendar markers after a year: `2022 م.`, `1444 هـ.`, `500 ق.م.`
    static let yearMarkers = letterSet(["م", "ه", "ق.م", "ب.م"])

    static func letterSet(_ words: [String]) -> Set<[Unicode.Scalar]> {
        Set(words.map { Array($0.unicodeScalars) })
    }

    /// Search keys of words that number the item after them (matched as word endings, so clitics pass).
    static let numberingWords: [[Unicode.Scalar]] = [
        "ماده", "بند", "فقره", "فصل", "باب", "رقم", "قرار", "صفحه", "جدول", "شكل", "ملحق", "قسم", "مبدا",
    ].map { Array($0.unicodeScalars) }

    /// Search keys of words that cannot open a sentence after a dot: prepositions, relatives, `أو`.
    static let continuationWords = letterSet([
        "من", "علي", "الي", "عن", "او", "الموافق", "الموافقه", "الذي", "التي", "الذين", "حتي", "ضد",
        "منذ", "لدي", "عند", "بتاريخ", "بعنوان", "ميلادي", "ميلاديه", "هجري", "هجريه",
    ])

    static let continuingPunctuation: Set<Unicode.Scalar> = [
        "،", "؛", ",", ";", ":", ")", "]", "}", "»", "”", "-", "–", "—", "/", "%", "٪",
    ]
}
