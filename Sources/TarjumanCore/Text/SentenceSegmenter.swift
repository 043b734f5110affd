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

    public init(granularity: SegmentGranularity = .sentence, appliesArabicRules: Bool = true) throws(TarjumanError) {
        self.granularity = granularity
        self.appliesArabicRules = appliesArabicRules
        self.breaker = try ICUSentenceBreaker(locale: "ar")
    }

    /// The units of `text`, in order, with offsets (Unicode scalars) into `text`.
    public func segment(_ text: String) -> [Segment] {
        var source = UTF16Text(text)
        let paragraphs = Self.paragraphs(in: source.units)
        source.replaceLineBreaksWithSpaces()
        let boundaries = source.units.withUnsafeBufferPointer { breaker.boundaries(utf16: $0) }
        var cursor = UTF16Text.Cursor()
        var segments: [Segment] = []
        var nextBoundary = boundaries.startIndex
        for (paragraphIndex, paragraph) in paragraphs.enumerated() {
            while nextBoundary < boundaries.endIndex, Int(boundaries[nextBoundary]) <= paragraph.lowerBound { nextBoundary += 1 }
            var inside: [Int] = []
            while nextBoundary < boundaries.endIndex, Int(boundaries[nextBoundary]) < paragraph.upperBound {
                inside.append(Int(boundaries[nextBoundary]))
                nextBoundary += 1
            }
            for range in unitRanges(in: paragraph, icu: inside, of: source) {
                source.advance(&cursor, to: range.lowerBound)
                let start = cursor
                source.advance(&cursor, to: range.upperBound)
                segments.append(Segment(
                    paragraph: paragraphIndex + 1,
                    index: segments.count + 1,
                    start: start.scalar,
                    end: cursor.scalar,
                    text: source.string(from: start, to: cursor)
                ))
            }
        }
        return segments
    }

    /// The trimmed, non-empty unit ranges of one paragraph, given ICU's boundaries inside it.
    func unitRanges(in paragraph: Range<Int>, icu: [Int], of text: UTF16Text) -> [Range<Int>] {
        let starts = sentenceStarts(in: paragraph, icu: icu, of: text)
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
    func sentenceStarts(in paragraph: Range<Int>, icu: [Int], of text: UTF16Text) -> [Int] {
        guard appliesArabicRules else { return [paragraph.lowerBound] + icu }
        let rules = ArabicSentenceRules(text: text)
        let extra = rules.ellipsisCandidates(in: paragraph) + rules.quotationCandidates(in: paragraph)
        let candidates = extra.isEmpty ? icu : Array(Set(icu).union(extra)).sorted()
        var starts = [paragraph.lowerBound]
        for candidate in candidates where candidate > paragraph.lowerBound && candidate < paragraph.upperBound {
            if rules.isSentenceEnd(at: candidate, sentenceStart: starts[starts.count - 1], limit: paragraph.upperBound) {
                starts.append(candidate)
            }
        }
        return starts
    }

    /// The paragraphs of a text: runs of non-blank lines, cut at blank lines and U+2029.
    /// ICU then runs once over the whole text with every line break read as a space, so hard
    /// wraps never end a sentence and paragraph ends always do.
    static func paragraphs(in units: [UInt16]) -> [Range<Int>] {
        var paragraphs: [Range<Int>] = []
        var paragraphStart: Int?
        var paragraphEnd = 0
        var lineStart = 0
        let count = units.count
        units.withUnsafeBufferPointer { text in
            while lineStart <= count {
                var lineEnd = lineStart
                var blank = true
                while lineEnd < count {
                    let value = UInt32(text[lineEnd])
                    if ScalarClass.isLineBreak(value) { break }
                    if blank, value & 0xF800 == 0xD800 || !ScalarClass.isBlank(Unicode.Scalar(value)!) { blank = false }
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
                if text[lineEnd] == 0x2029, let start = paragraphStart {
                    paragraphs.append(start ..< paragraphEnd)
                    paragraphStart = nil
                }
                if text[lineEnd] == 0x0D, lineEnd + 1 < count, text[lineEnd + 1] == 0x0A {
                    lineStart = lineEnd + 2
                } else {
                    lineStart = lineEnd + 1
                }
            }
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
