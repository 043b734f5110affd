import Foundation
import TarjumanCore

/// The evaluation of "rendered as": how often the first rendering a concordance gives a glossary
/// term is one of the glossary's English forms, when the glossary itself is not loaded.
public enum RenderingEvaluation {
    /// Precision at 1 over the terms scored.
    public struct Score: Sendable, Equatable {
        /// Terms with at least the minimum number of rendered occurrences.
        public var terms = 0
        /// Terms whose first rendering is a glossary form.
        public var correct = 0
        /// Terms given any rendering at all.
        public var answered = 0

        public init() {}

        public var precision: Double { terms == 0 ? 0 : Double(correct) / Double(terms) }

        public mutating func add(top: String?, gold: [String]) {
            terms += 1
            guard let top else { return }
            answered += 1
            if RenderingEvaluation.isGold(top, gold) { correct += 1 }
        }
    }

    /// Whether `rendering` is one of the `gold` forms (`TermRenderings.isOne`).
    public static func isGold(_ rendering: String, _ gold: [String]) -> Bool {
        TermRenderings.isOne(rendering, of: gold)
    }

    /// The spans of the occurrences in `lines` given other word links than the model's (another
    /// aligner's), counted as a concordance counts them: the top rendering.
    public static func topRendering(lines: [ConcordanceLine], splitter: ArabicWordSplitter,
                                    links: (ConcordanceLine, [AlignmentToken], [AlignmentToken]) -> WordAlignment?) -> String? {
        var spans: [RenderedSpan] = []
        for line in lines.prefix(ConcordanceSearch.maximumAlignedUnits) {
            guard let english = line.rendering else { continue }
            let arabicTokens = AlignmentTokenizer.arabic(line.source, splitter: splitter)
            let englishTokens = AlignmentTokenizer.english(english)
            guard let alignment = links(line, arabicTokens, englishTokens) else { continue }
            spans += TermRenderings.spans(arabicTokens: arabicTokens, englishTokens: englishTokens, english: english,
                                          alignment: alignment, hits: line.hits).compactMap { $0 }
        }
        return TermRenderings.count(spans).first?.text
    }
}
