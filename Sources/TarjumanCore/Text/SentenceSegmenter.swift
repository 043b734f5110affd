/// Cuts Arabic text into sentence units: ICU's sentence boundaries (locale `ar`) corrected by
/// Tarjuman's Arabic rules, within paragraphs that the text's `ParagraphLayout` gives (a line each,
/// or runs of lines between blank lines with single line breaks read as hard wraps).
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
    public func segment(_ text: String, layout: ParagraphLayout = .auto) -> [Segment] {
        segmentation(text, layout: layout).segments
    }

    /// The units of `text`, and how its lines were read as paragraphs.
    public func segmentation(_ text: String, layout: ParagraphLayout = .auto) -> (segments: [Segment], layout: LayoutDecision) {
        let source = UTF16Text(text, scratch: scratch)
        let (paragraphs, decision) = Self.paragraphs(in: source, layout: layout)
        let boundaries = breaker.boundaries(utf16: source.units)
        var segments: [Segment] = []
        segments.reserveCapacity(boundaries.count + paragraphs.count)
        var nextBoundary = boundaries.startIndex
        var nextMark = 0
        var candidates: [Int] = []
        var starts: [Int] = []
        let rules = ArabicSentenceRules(text: source)
        for (paragraphIndex, paragraph) in paragraphs.enumerated() {
            while nextBoundary < boundaries.endIndex, Int(boundaries[nextBoundary]) <= paragraph.lowerBound { nextBoundary += 1 }
            candidates.removeAll(keepingCapacity: true)
            while nextBoundary < boundaries.endIndex, Int(boundaries[nextBoundary]) < paragraph.upperBound {
                candidates.append(Int(boundaries[nextBoundary]))
                nextBoundary += 1
            }
            while nextMark < source.marks.count, source.marks[nextMark] < paragraph.lowerBound { nextMark += 1 }
            let firstMark = nextMark
            while nextMark < source.marks.count, source.marks[nextMark] < paragraph.upperBound { nextMark += 1 }
            sentenceStarts(in: paragraph, candidates: &candidates, marks: source.marks[firstMark ..< nextMark], rules: rules, into: &starts)
            for (offset, start) in starts.enumerated() {
                let end = offset + 1 < starts.count ? starts[offset + 1] : paragraph.upperBound
                guard let whole = Self.trim(start ..< end, in: source) else { continue }
                for trimmed in Self.bounded(whole, in: source) {
                    if granularity == .clause {
                        for clause in ClauseSplitter(text: source).clauses(of: trimmed) {
                            segments.append(segment(clause, paragraph: paragraphIndex + 1, index: segments.count + 1, of: source))
                        }
                    } else {
                        segments.append(segment(trimmed, paragraph: paragraphIndex + 1, index: segments.count + 1, of: source))
                    }
                }
            }
        }
        return (segments, decision)
    }

    private func segment(_ range: Range<Int>, paragraph: Int, index: Int, of source: UTF16Text) -> Segment {
        Segment(paragraph: paragraph, index: index,
                start: source.scalarOffset(ofUnit: range.lowerBound), end: source.scalarOffset(ofUnit: range.upperBound),
                text: source.string(range))
    }

    /// Where sentences start in a paragraph (the paragraph start first), written to `starts`.
    /// `candidates` holds ICU's boundaries inside the paragraph; the rules' own are added to it.
    func sentenceStarts(in paragraph: Range<Int>, candidates: inout [Int], marks: ArraySlice<Int>, rules: ArabicSentenceRules,
                        into starts: inout [Int]) {
        starts.removeAll(keepingCapacity: true)
        starts.append(paragraph.lowerBound)
        guard appliesArabicRules else {
            starts.append(contentsOf: candidates)
            return
        }
        if !marks.isEmpty {
            let extra = rules.ellipsisCandidates(at: marks, in: paragraph) + rules.quotationCandidates(at: marks, in: paragraph)
            if !extra.isEmpty {
                candidates.append(contentsOf: extra)
                candidates.sort()
            }
        }
        for candidate in candidates where candidate > starts[starts.count - 1] && candidate < paragraph.upperBound {
            if rules.isSentenceEnd(at: candidate, sentenceStart: starts[starts.count - 1], limit: paragraph.upperBound) {
                starts.append(candidate)
            }
        }
    }

    /// The paragraphs of a text as `layout` reads its lines, always cut at blank lines and
    /// U+2029. ICU runs once over the whole text with every line break read as a space, so a
    /// hard wrap never ends a sentence; a paragraph end always does.
    static func paragraphs(in text: UTF16Text, layout: ParagraphLayout) -> (ranges: [Range<Int>], decision: LayoutDecision) {
        let breaks = text.lineBreaks
        var lines: [TextLine] = []
        lines.reserveCapacity(breaks.count + 1)
        var lineStart = 0
        for index in 0 ... breaks.count {
            let lineEnd = index < breaks.count ? breaks[index].position : text.count
            var shape = ParagraphLayout.shape(of: (lineStart ..< lineEnd).lazy.map { text[$0] })
            shape.breakMayEndParagraph = index < breaks.count && !breaks[index].insideParagraph
            lines.append(TextLine(range: lineStart ..< lineEnd, shape: shape, breakEndsParagraph: index < breaks.count && breaks[index].endsParagraph))
            if index < breaks.count { lineStart = lineEnd + breaks[index].length }
        }
        return ParagraphLayout.paragraphs(of: lines, layout: layout)
    }

    /// The longest unit, in UTF-16 code units. A longer stretch without a sentence end (text with
    /// no punctuation, a table flattened into one line) is cut at white space into units of at
    /// most this length, so that no unit is too long to translate, match or show.
    public static let longestUnit = 2000

    /// `range` cut into pieces of at most `longestUnit` code units: at the last white space in
    /// the second half of each piece, else (one very long word) at the limit, never inside a
    /// surrogate pair.
    static func bounded(_ range: Range<Int>, in text: UTF16Text) -> [Range<Int>] {
        guard range.count > longestUnit else { return [range] }
        var pieces: [Range<Int>] = []
        var start = range.lowerBound
        while range.upperBound - start > longestUnit {
            var cut = start + longestUnit
            var index = cut
            while index > start + longestUnit / 2, !ScalarClass.isWhitespace(text[index].value) { index -= 1 }
            if index > start + longestUnit / 2 {
                cut = index
            } else if text.units[cut - 1] & 0xFC00 == 0xD800 {
                cut -= 1
            }
            if let piece = trim(start ..< cut, in: text) { pieces.append(piece) }
            start = cut
        }
        if let piece = trim(start ..< range.upperBound, in: text) { pieces.append(piece) }
        return pieces
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
