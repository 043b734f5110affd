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
    private let scratch = DecodingScratch()

    public init(granularity: SegmentGranularity = .sentence, appliesArabicRules: Bool = true) throws(TarjumanError) {
        self.granularity = granularity
        self.appliesArabicRules = appliesArabicRules
        self.breaker = try ICUSentenceBreaker(locale: "ar")
    }

    /// The units of `text`, in order, with offsets (Unicode scalars) into `text`.
    public func segment(_ text: String) -> [Segment] {
        let source = UTF16Text(text, scratch: scratch)
        let paragraphs = Self.paragraphs(in: source)
        let boundaries = breaker.boundaries(utf16: source.units)
        var segments: [Segment] = []
        segments.reserveCapacity(boundaries.count + paragraphs.count)
        var nextBoundary = boundaries.startIndex
        var nextMark = 0
        for (paragraphIndex, paragraph) in paragraphs.enumerated() {
            while nextBoundary < boundaries.endIndex, Int(boundaries[nextBoundary]) <= paragraph.lowerBound { nextBoundary += 1 }
            var inside: [Int] = []
            while nextBoundary < boundaries.endIndex, Int(boundaries[nextBoundary]) < paragraph.upperBound {
                inside.append(Int(boundaries[nextBoundary]))
                nextBoundary += 1
            }
            while nextMark < source.marks.count, source.marks[nextMark] < paragraph.lowerBound { nextMark += 1 }
            let firstMark = nextMark
            while nextMark < source.marks.count, source.marks[nextMark] < paragraph.upperBound { nextMark += 1 }
            let marks = source.marks[firstMark ..< nextMark]
            for range in unitRanges(in: paragraph, icu: inside, marks: marks, of: source) {
                segments.append(Segment(
                    paragraph: paragraphIndex + 1,
                    index: segments.count + 1,
                    start: source.scalarOffset(ofUnit: range.lowerBound),
                    end: source.scalarOffset(ofUnit: range.upperBound),
                    text: source.string(range)
                ))
            }
        }
        return segments
    }

    /// The trimmed, non-empty unit ranges of one paragraph, given ICU's boundaries inside it.
    func unitRanges(in paragraph: Range<Int>, icu: [Int], marks: ArraySlice<Int>, of text: UTF16Text) -> [Range<Int>] {
        let starts = sentenceStarts(in: paragraph, icu: icu, marks: marks, of: text)
        var ranges: [Range<Int>] = []
        for (offset, start) in starts.enumerated() {
            let end = offset + 1 < starts.count ? starts[offset + 1] : paragraph.upperBound
            guard let trimmed = Self.trim(start ..< end, in: text) else { continue }
            if granularity == .clause {
                ranges.append(contentsOf: ClauseSplitter(text: text).clauses(of: trimmed))
            } else {
                ranges.append(trimmed)
            }
        }
        return ranges
    }

    /// Where sentences start in a paragraph (the paragraph start first).
    func sentenceStarts(in paragraph: Range<Int>, icu: [Int], marks: ArraySlice<Int>, of text: UTF16Text) -> [Int] {
        guard appliesArabicRules else { return [paragraph.lowerBound] + icu }
        let rules = ArabicSentenceRules(text: text)
        let extra = marks.isEmpty ? [] : rules.ellipsisCandidates(at: marks, in: paragraph) + rules.quotationCandidates(at: marks, in: paragraph)
        var candidates = icu
        if !extra.isEmpty {
            candidates.append(contentsOf: extra)
            candidates.sort()
        }
        var starts = [paragraph.lowerBound]
        for candidate in candidates where candidate > starts[starts.count - 1] && candidate < paragraph.upperBound {
            if rules.isSentenceEnd(at: candidate, sentenceStart: starts[starts.count - 1], limit: paragraph.upperBound) {
                starts.append(candidate)
            }
        }
        return starts
    }

    /// The paragraphs of a text: runs of non-blank lines, cut at blank lines and U+2029.
    /// ICU runs once over the whole text with every line break read as a space, so hard wraps
    /// never end a sentence; paragraph ends always do.
    static func paragraphs(in text: UTF16Text) -> [Range<Int>] {
        var paragraphs: [Range<Int>] = []
        var paragraphStart: Int?
        var paragraphEnd = 0
        var lineStart = 0
        var breakIndex = 0
        let breaks = text.lineBreaks
        while true {
            let lineEnd = breakIndex < breaks.count ? breaks[breakIndex].position : text.count
            var blank = true
            var index = lineStart
            while index < lineEnd {
                if !ScalarClass.isBlank(text[index]) || text.units[index] & 0xF800 == 0xD800 {
                    blank = false
                    break
                }
                index += 1
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
            guard breakIndex < breaks.count else { break }
            if breaks[breakIndex].endsParagraph, let start = paragraphStart {
                paragraphs.append(start ..< paragraphEnd)
                paragraphStart = nil
            }
            lineStart = lineEnd + breaks[breakIndex].length
            breakIndex += 1
        }
        if let start = paragraphStart {
            paragraphs.append(start ..< paragraphEnd)
        }
        return paragraphs
    }

    /// `range` without leading and trailing white space and invisible marks; nil when nothing is left.
    static func trim(_ range: Range<Int>, in text: UTF16Text) -> Range<Int>? {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, ScalarClass.isBlank(text[lower]) { lower += 1 }
        while upper > lower, ScalarClass.isBlank(text[upper - 1]) { upper -= 1 }
        return lower < upper ? lower ..< upper : nil
    }
}
