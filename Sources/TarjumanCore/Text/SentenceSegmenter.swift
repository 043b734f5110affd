/// Cuts Arabic text into sentence units: ICU's sentence boundaries (locale `ar`) corrected by
/// Tarjuman's Arabic rules, paragraphs at blank lines, single line breaks read as hard wraps.
///
/// Not thread-safe: give each thread its own.
public final class SentenceSegmenter {
    /// The granularity of the units produced.
    public let granularity: SegmentGranularity
    /// Whether the Arabic rules correct ICU; off gives ICU alone (for evaluation).
    public let appliesArabicRules: Bool
    private let breaker: ICUSentenceBreaker
    private var utf16: [UInt16] = []
    private var scalarOfUnit: [Int32] = []

    public init(granularity: SegmentGranularity = .sentence, appliesArabicRules: Bool = true) throws(TarjumanError) {
        self.granularity = granularity
        self.appliesArabicRules = appliesArabicRules
        self.breaker = try ICUSentenceBreaker(locale: "ar")
    }

    /// The units of `text`, in order, with offsets into `text`.
    public func segment(_ text: String) -> [Segment] {
        segment(scalars: Array(text.unicodeScalars))
    }

    /// The units of a text given as scalars.
    public func segment(scalars: [Unicode.Scalar]) -> [Segment] {
        var segments: [Segment] = []
        for (paragraphIndex, paragraph) in Self.paragraphs(in: scalars).enumerated() {
            for range in unitRanges(in: paragraph, of: scalars) {
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars[range])
                segments.append(Segment(
                    paragraph: paragraphIndex + 1,
                    index: segments.count + 1,
                    start: range.lowerBound,
                    end: range.upperBound,
                    text: String(view)
                ))
            }
        }
        return segments
    }

    /// The trimmed, non-empty unit ranges of one paragraph.
    func unitRanges(in paragraph: Range<Int>, of scalars: [Unicode.Scalar]) -> [Range<Int>] {
        let starts = sentenceStarts(in: paragraph, of: scalars)
        var ranges: [Range<Int>] = []
        for (offset, start) in starts.enumerated() {
            let end = offset + 1 < starts.count ? starts[offset + 1] : paragraph.upperBound
            guard let trimmed = Self.trim(start ..< end, in: scalars) else { continue }
            if granularity == .clause {
                ranges.append(contentsOf: ClauseSplitter(text: scalars).clauses(of: trimmed))
            } else {
                ranges.append(trimmed)
            }
        }
        return ranges
    }

    /// Where sentences start in a paragraph (absolute scalar offsets, the paragraph start first).
    func sentenceStarts(in paragraph: Range<Int>, of scalars: [Unicode.Scalar]) -> [Int] {
        let icu = icuBoundaries(in: paragraph, of: scalars)
        guard appliesArabicRules else { return [paragraph.lowerBound] + icu }
        let rules = ArabicSentenceRules(text: scalars)
        let candidates = Set(icu)
            .union(rules.ellipsisCandidates(in: paragraph))
            .union(rules.quotationCandidates(in: paragraph))
            .sorted()
        var starts = [paragraph.lowerBound]
        for candidate in candidates where candidate > paragraph.lowerBound && candidate < paragraph.upperBound {
            if rules.isSentenceEnd(at: candidate, sentenceStart: starts[starts.count - 1], limit: paragraph.upperBound) {
                starts.append(candidate)
            }
        }
        return starts
    }

    /// ICU's interior boundaries in a paragraph, with line breaks read as spaces.
    func icuBoundaries(in paragraph: Range<Int>, of scalars: [Unicode.Scalar]) -> [Int] {
        utf16.removeAll(keepingCapacity: true)
        scalarOfUnit.removeAll(keepingCapacity: true)
        var hasSupplementary = false
        for index in paragraph {
            let scalar = scalars[index]
            let value = scalar.value
            if value < 0x10000 {
                utf16.append(ScalarClass.isLineBreak(scalar) ? 0x20 : UInt16(value))
            } else {
                hasSupplementary = true
                utf16.append(UTF16.leadSurrogate(scalar))
                utf16.append(UTF16.trailSurrogate(scalar))
            }
        }
        if hasSupplementary {
            for index in paragraph {
                let relative = Int32(index - paragraph.lowerBound)
                scalarOfUnit.append(relative)
                if scalars[index].value >= 0x10000 { scalarOfUnit.append(relative) }
            }
        }
        let raw = utf16.withUnsafeBufferPointer { breaker.boundaries(utf16: $0) }
        var result: [Int] = []
        result.reserveCapacity(raw.count)
        for boundary in raw where boundary > 0 && Int(boundary) < utf16.count {
            let relative = hasSupplementary ? Int(scalarOfUnit[Int(boundary)]) : Int(boundary)
            result.append(paragraph.lowerBound + relative)
        }
        return result
    }

    /// The paragraphs of a text: runs of non-blank lines, cut at blank lines and U+2029.
    static func paragraphs(in scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var paragraphs: [Range<Int>] = []
        var paragraphStart: Int?
        var paragraphEnd = 0
        var lineStart = 0
        let count = scalars.count
        while lineStart <= count {
            var lineEnd = lineStart
            var blank = true
            while lineEnd < count, !ScalarClass.isLineBreak(scalars[lineEnd]) {
                if blank, !ScalarClass.isBlank(scalars[lineEnd]) { blank = false }
                lineEnd += 1
            }
            if blank {
                if let start = paragraphStart {
                    paragraphs.append(start ..< paragraphEnd)
                    paragraphStart = nil
                }
            } else {
                if paragraphStart == nil { paragraphStart = lineStart }
                paragraphEnd = lineEnd
            }
            guard lineEnd < count else { break }
            if scalars[lineEnd] == "\u{2029}", let start = paragraphStart {
                paragraphs.append(start ..< paragraphEnd)
                paragraphStart = nil
            }
            if scalars[lineEnd] == "\r", lineEnd + 1 < count, scalars[lineEnd + 1] == "\n" {
                lineStart = lineEnd + 2
            } else {
                lineStart = lineEnd + 1
            }
        }
        if let start = paragraphStart {
            paragraphs.append(start ..< paragraphEnd)
        }
        return paragraphs
    }

    /// `range` without leading and trailing white space and invisible marks; nil when nothing is left.
    static func trim(_ range: Range<Int>, in scalars: [Unicode.Scalar]) -> Range<Int>? {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, ScalarClass.isBlank(scalars[lower]) { lower += 1 }
        while upper > lower, ScalarClass.isBlank(scalars[upper - 1]) { upper -= 1 }
        return lower < upper ? lower ..< upper : nil
    }
}
