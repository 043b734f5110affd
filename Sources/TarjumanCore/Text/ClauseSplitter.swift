/// Cuts one sentence into clauses at `؛` and at `،` before a clause-opening conjunction
/// (a word starting with `و` or `ف`, or `ثم`), keeping every clause at least `minimumWords` long.
struct ClauseSplitter {
    let text: UTF16Text
    var minimumWords = 4

    func clauses(of sentence: Range<Int>) -> [Range<Int>] {
        var pieces: [Range<Int>] = []
        var pieceStart = sentence.lowerBound
        for cut in cutPoints(in: sentence)
        where wordCount(pieceStart ..< cut) >= minimumWords && wordCount(cut ..< sentence.upperBound) >= minimumWords {
            if let trimmed = SentenceSegmenter.trim(pieceStart ..< cut, in: text) { pieces.append(trimmed) }
            pieceStart = cut
        }
        if let trimmed = SentenceSegmenter.trim(pieceStart ..< sentence.upperBound, in: text) { pieces.append(trimmed) }
        return pieces
    }

    /// Offsets just after a `؛`, or after a `،` whose next word opens a clause.
    func cutPoints(in sentence: Range<Int>) -> [Int] {
        var cuts: [Int] = []
        for index in sentence where text[index] == "؛" || text[index] == "،" {
            let after = index + 1
            guard after < sentence.upperBound else { continue }
            if text[index] == "؛" || opensClause(wordAt: after, limit: sentence.upperBound) {
                cuts.append(after)
            }
        }
        return cuts
    }

    func opensClause(wordAt start: Int, limit: Int) -> Bool {
        var begin = start
        while begin < limit, ScalarClass.isBlank(text[begin]) { begin += 1 }
        var end = begin
        while end < limit, !ScalarClass.isBlank(text[end]), text[end] != "،" { end += 1 }
        guard begin < end else { return false }
        let key = ArabicSearchKey(scalars: text[begin ..< end]).text
        if key == "ثم" { return true }
        guard let first = key.unicodeScalars.first, first == "و" || first == "ف", key.unicodeScalars.count >= 3 else {
            return false
        }
        return !Self.wordsWithRootInitialWaw.contains { key.hasPrefix($0) }
    }

    func wordCount(_ range: Range<Int>) -> Int {
        var count = 0
        var inWord = false
        for index in range {
            let blank = ScalarClass.isBlank(text[index])
            if !blank && !inWord { count += 1 }
            inWord = !blank
        }
        return count
    }

    /// Search-key beginnings of common words whose first `و` or `ف` is part of the word, not a conjunction.
    static let wordsWithRootInitialWaw: [String] = [
        "وزير", "وزار", "وزراء", "وحد", "وطن", "وقت", "وفد", "وسط", "وكال", "ولاي", "وضع", "وجه", "واشنطن",
        "وفق", "وصول", "وثيق", "ورق", "وادي", "واقع", "واضح", "وساءل", "وسيل", "وظيف", "وفا", "فلسطين",
        "فرنس", "فريق", "فصاءل", "فتره", "فكره", "فرص", "فيروس", "فقط", "فوز", "فعال", "فني", "فندق",
    ]
}
