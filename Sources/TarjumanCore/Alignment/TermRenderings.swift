/// The English that renders an occurrence of a term in one unit, found by word alignment.
public struct RenderedSpan: Sendable, Equatable, Codable {
    /// Unicode scalar offsets of the span in the English rendering.
    public let range: Range<Int>
    /// The span as written, without articles, prepositions or conjunctions at its edges.
    public let text: String
}

/// Finds how each occurrence of a term is rendered, from the word links of its unit.
public enum TermRenderings {
    /// The English span of each Arabic range `hits` (display scalar offsets) of the pair; nil for
    /// an occurrence nothing in the English renders.
    public static func spans(arabic: String, english: String, hits: [Range<Int>], lexicon: AlignmentLexicon) -> [RenderedSpan?] {
        spans(arabicTokens: AlignmentTokenizer.arabic(arabic, splitter: lexicon.splitter), englishTokens: AlignmentTokenizer.english(english),
              english: english, hits: hits, lexicon: lexicon)
    }

    /// The same from the pair's tokens, aligned with `lexicon`.
    public static func spans(arabicTokens: [AlignmentToken], englishTokens: [AlignmentToken], english: String,
                             hits: [Range<Int>], lexicon: AlignmentLexicon) -> [RenderedSpan?] {
        spans(arabicTokens: arabicTokens, englishTokens: englishTokens, english: english,
              alignment: lexicon.align(arabic: arabicTokens, english: englishTokens), hits: hits)
    }

    /// The same from tokens already aligned (by this aligner or another one).
    public static func spans(arabicTokens: [AlignmentToken], englishTokens: [AlignmentToken], english: String,
                             alignment: WordAlignment, hits: [Range<Int>]) -> [RenderedSpan?] {
        let scalars = english.scalarArray
        let loose = Set(arabicTokens.indices.filter { arabicTokens[$0].role != .stem })
        return hits.map { hit in
            guard let tokens = termTokens(arabicTokens, hit), let span = alignment.englishSpan(of: tokens, loose: loose) else { return nil }
            var first = span.lowerBound
            var last = span.upperBound
            while first <= last, edgeWords.contains(englishTokens[first].text) { first += 1 }
            while last >= first, edgeWords.contains(englishTokens[last].text) { last -= 1 }
            guard first <= last else { return nil }
            let range = englishTokens[first].range.lowerBound ..< englishTokens[last].range.upperBound
            return RenderedSpan(range: range, text: String(String.UnicodeScalarView(scalars[range])))
        }
    }

    /// Whether a rendering is one of `forms`, compared as the checks compare English (case,
    /// plurals, possessives aside) and without the words at either end that spans leave out
    /// (`spokesman for` is `spokesman`).
    public static func isOne(_ rendering: String, of forms: [String]) -> Bool {
        let key = comparisonKey(rendering)
        return !key.isEmpty && forms.contains { comparisonKey($0) == key }
    }

    static func comparisonKey(_ text: String) -> [String] {
        var stems = EnglishPhrase(text).stems
        while let first = stems.first, edgeWords.contains(first) { stems.removeFirst() }
        while let last = stems.last, edgeWords.contains(last) { stems.removeLast() }
        return stems
    }

    static let articles: Set<String> = ["the", "a", "an"]
    /// Words a span neither starts nor ends with: articles, the commonest prepositions and
    /// conjunctions, a possessive; a span of nothing else renders nothing.
    static let edgeWords: Set<String> = articles.union(["of", "to", "for", "in", "on", "at", "by", "with", "from", "and", "or", "'s"])

    /// The tokens of an occurrence: those within its range, without the conjunction or
    /// preposition its first word carries or the pronoun its last word carries.
    static func termTokens(_ tokens: [AlignmentToken], _ hit: Range<Int>) -> Range<Int>? {
        guard var first = tokens.firstIndex(where: { $0.range.overlaps(hit) }) else { return nil }
        var end = (tokens.lastIndex(where: { $0.range.overlaps(hit) }) ?? first) + 1
        while first < end - 1, tokens[first].role == .proclitic, tokens[first].text != "ال+" { first += 1 }
        while end - 1 > first, tokens[end - 1].role == .enclitic { end -= 1 }
        return first ..< end
    }

    /// Counts spans by their words (case, plurals and a possessive aside), each shown as most
    /// often written; the `known` phrases (the glossary's) that spans use come first, in their
    /// order, then the others, most frequent first.
    public static func count(_ spans: some Sequence<RenderedSpan>, known: [String] = []) -> [RenderingVariants.Variant] {
        let knownKeys = known.map { comparisonKey($0).joined(separator: " ") }
        var knownCounts = Array(repeating: 0, count: known.count)
        var counts: [String: (count: Int, surfaces: [String: Int], first: Int)] = [:]
        for (index, span) in spans.enumerated() {
            let key = comparisonKey(span.text).joined(separator: " ")
            guard !key.isEmpty else { continue }
            if let position = knownKeys.firstIndex(of: key) {
                knownCounts[position] += 1
                continue
            }
            var entry = counts[key, default: (0, [:], index)]
            entry.count += 1
            entry.surfaces[span.text, default: 0] += 1
            counts[key] = entry
        }
        let knownVariants = zip(known, knownCounts).filter { $0.1 > 0 }.map { RenderingVariants.Variant(text: $0.0, count: $0.1) }
        return knownVariants + counts.values.sorted { ($0.count, -$0.first) > ($1.count, -$1.first) }.map { entry in
            let surface = entry.surfaces.max { ($0.value, $1.key) < ($1.value, $0.key) }!.key
            return RenderingVariants.Variant(text: surface, count: entry.count)
        }
    }
}
