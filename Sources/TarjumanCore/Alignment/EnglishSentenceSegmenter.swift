/// English text split into sentences by ICU's English sentence rules with its standard
/// abbreviation suppressions (`Mr.`, `U.S.`, `e.g.`). Paragraphs are separated by blank lines; a
/// single line break inside a paragraph is a hard wrap. Each sentence keeps its Unicode scalar
/// offsets in the text.
public final class EnglishSentenceSegmenter {
    private let breaker: ICUSentenceBreaker

    public init() throws(TarjumanError) {
        breaker = try ICUSentenceBreaker(locale: "en@ss=standard")
    }

    public func segment(_ text: String) -> [Segment] {
        let scalars = Array(text.unicodeScalars)
        var segments: [Segment] = []
        var paragraph = 0
        for range in Self.paragraphs(scalars) {
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
        return segments
    }

    /// The ranges of the paragraphs: text between blank lines.
    static func paragraphs(_ scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "\n" else {
                index += 1
                continue
            }
            var next = index + 1
            while next < scalars.count, scalars[next] == " " || scalars[next] == "\t" || scalars[next] == "\r" { next += 1 }
            if next < scalars.count, scalars[next] == "\n" {
                if start < index { ranges.append(start ..< index) }
                while next < scalars.count, ScalarClass.isWhitespace(scalars[next].value) { next += 1 }
                start = next
                index = next
            } else {
                index += 1
            }
        }
        if start < scalars.count { ranges.append(start ..< scalars.count) }
        return ranges
    }
}
