import TarjumanCore
/// A text cut into runs at marked ranges, so the page can highlight without offset arithmetic.
struct TextPiece: Encodable, Equatable {
    let text: String
    /// The index of the mark this run belongs to, or nil for unmarked text.
    @Nullable var mark: Int?

    /// `text` cut at `ranges` (Unicode scalar offsets); a range that overlaps an earlier one
    /// or falls outside the text is left unmarked.
    static func split(_ text: String, at ranges: [Range<Int>]) -> [TextPiece] {
        if ranges.isEmpty { return text.isEmpty ? [] : [TextPiece(text: text, mark: nil)] }
        let view = text.unicodeScalars
        let bounds = Array(view.indices) + [view.endIndex]
        let count = bounds.count - 1
        var pieces: [TextPiece] = []
        var position = 0
        func run(_ range: Range<Int>, mark: Int?) {
            guard !range.isEmpty else { return }
            pieces.append(TextPiece(text: String(view[bounds[range.lowerBound] ..< bounds[range.upperBound]]), mark: mark))
        }
        for (index, range) in ranges.enumerated().sorted(by: { $0.element.lowerBound < $1.element.lowerBound }) {
            guard range.lowerBound >= position, range.upperBound <= count else { continue }
            run(position ..< range.lowerBound, mark: nil)
            run(range, mark: index)
            position = range.upperBound
        }
        run(position ..< count, mark: nil)
        return pieces
    }
}
