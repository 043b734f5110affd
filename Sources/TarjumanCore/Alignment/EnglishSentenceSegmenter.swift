/// English text split into sentences by ICU's English sentence rules with its standard
/// abbreviation suppressions (`Mr.`, `U.S.`, `e.g.`), within the paragraphs that the text's
/// `ParagraphLayout` gives, as for Arabic. Each sentence keeps its Unicode scalar offsets in the text.
public final class EnglishSentenceSegmenter {
    private let breaker: ICUSentenceBreaker

    public init() throws(TarjumanError) {
        breaker = try ICUSentenceBreaker(locale: "en@ss=standard")
    }

    public func segment(_ text: String, layout: ParagraphLayout = .auto) -> [Segment] {
        segmentation(text, layout: layout).segments
    }

    /// The sentences of `text`, and how its lines were read as paragraphs.
    public func segmentation(_ text: String, layout: ParagraphLayout = .auto) -> (segments: [Segment], layout: LayoutDecision) {
        let scalars = Array(text.unicodeScalars)
        var segments: [Segment] = []
        var paragraph = 0
        let (paragraphs, decision) = Self.paragraphs(scalars, layout: layout)
        for range in paragraphs {
            paragraph += 1
            var units: [UInt16] = []
            var scalarAt: [Int] = []
            for index in range {
                let scalar = ScalarClass.isWhitespace(scalars[index].value) ? " " : scalars[index]
                for unit in String(scalar).utf16 {
                    units.append(unit)
                    scalarAt.append(index)
                }
            }
            scalarAt.append(range.upperBound)
            let boundaries = units.withUnsafeBufferPointer { breaker.boundaries(utf16: $0) }
            var previous = Int(boundaries.first ?? 0)
            for boundary in boundaries.dropFirst() {
                var start = scalarAt[previous], end = scalarAt[Int(boundary)]
                previous = Int(boundary)
                while start < end, ScalarClass.isWhitespace(scalars[start].value) { start += 1 }
                while end > start, ScalarClass.isWhitespace(scalars[end - 1].value) { end -= 1 }
                guard start < end else { continue }
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars[start ..< end])
                segments.append(Segment(paragraph: paragraph, index: segments.count + 1, start: start, end: end, text: String(view)))
            }
        }
        return (segments, decision)
    }

    /// The ranges of the paragraphs as `layout` reads the lines, without the line breaks.
    static func paragraphs(_ scalars: [Unicode.Scalar], layout: ParagraphLayout) -> ([Range<Int>], LayoutDecision) {
        ParagraphLayout.paragraphs(of: ParagraphLayout.lines(scalars), layout: layout)
    }
}
