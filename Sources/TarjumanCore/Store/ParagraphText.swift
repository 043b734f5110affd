/// The text of a document made of sentences given one by one (from a bilingual file or a
/// memory): one paragraph each, separated by a blank line, with each sentence's offsets.
struct ParagraphText {
    private(set) var text = ""
    /// Unicode scalars so far.
    private(set) var length = 0
    private(set) var count = 0

    /// Adds a sentence as a new paragraph; returns its Unicode scalar offsets in the text.
    mutating func append(_ sentence: String) -> Range<Int> {
        append(sentence, length: sentence.unicodeScalars.count)
    }

    /// Adds a sentence of `length` Unicode scalars, counted already.
    mutating func append(_ sentence: String, length sentenceLength: Int) -> Range<Int> {
        if count > 0 {
            text += "\n\n"
            length += 2
        }
        let start = length
        text += sentence
        length += sentenceLength
        count += 1
        return start ..< length
    }
}
