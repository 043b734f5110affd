import Foundation
import GRDB

/// A glossary term of a unit whose English gives none of the glossary's renderings: what a
/// `glossary-missing` finding is about, kept so that the word aligner can say how the unit
/// renders the term instead.
struct GlossaryMiss: Sendable {
    /// The id of the `glossary-missing` finding.
    let finding: String
    let unit: UnitID
    let source: String
    let target: String
    /// The term's occurrences in the source.
    let hits: [Range<Int>]
    let surface: String
    let arabic: String
    /// The glossary's approved and alternative renderings.
    let allowed: [String]
    let forbidden: [String]

    /// How strongly a span's words must be tied to the term's (`AlignmentLexicon.strength`)
    /// for a finding to say that they render it: a link the aligner made only because the
    /// English holds nothing better is not reported.
    static let minimumStrength: Float = 0.05

    static func isLikely(_ span: RenderedSpan, of hit: Range<Int>, _ arabic: [AlignmentToken], _ english: [AlignmentToken],
                         _ lexicon: AlignmentLexicon) -> Bool {
        guard let termTokens = TermRenderings.termTokens(arabic, hit) else { return false }
        let spanTokens = english.filter { span.range.contains($0.range.lowerBound) && !TermRenderings.edgeWords.contains($0.text) }
        return termTokens.contains { index in
            arabic[index].role == .stem && spanTokens.contains { lexicon.strength(arabic: arabic[index].text, english: $0.text) >= minimumStrength }
        }
    }

    /// Renderings as a message lists them.
    static func shown(_ renderings: [String]) -> String {
        renderings.prefix(3).map { "'\($0)'" }.joined(separator: " or ")
    }

    /// The findings with each `glossary-missing` finding told by the word aligner how its unit
    /// renders the term: "is rendered here as 'X'", with X marked in the English; when X is one of
    /// the term's forbidden renderings (in a form the text check does not see, `terrorists` for
    /// `terrorist`), the finding becomes a `glossary-forbidden` error. Ids are kept, so that an
    /// accepted finding stays accepted whether or not a model was trained. Unchanged when no
    /// model was trained.
    static func aligned(_ findings: [Finding], misses: [GlossaryMiss], forbiddenEnabled: Bool, _ db: Database) throws -> [Finding] {
        guard !misses.isEmpty,
              let (lexicon, tokens) = try WordAlignmentStore.tokenized(misses.map { ($0.source, $0.target) }, db) else { return findings }
        var replaced: [String: Finding] = [:]
        var sourceSpansOf: [String: [FindingSpan]] = [:]
        var unitsFlaggedForbidden = Set<UnitID>()
        let missed = Set(misses.map(\.finding))
        for finding in findings {
            if missed.contains(finding.id) { sourceSpansOf[finding.id] = finding.spans }
            if finding.check == .glossaryForbidden { unitsFlaggedForbidden.formUnion(finding.units) }
        }
        for (miss, pair) in zip(misses, tokens) {
            let spans = TermRenderings.spans(arabicTokens: pair.arabic, englishTokens: pair.english, english: miss.target,
                                             hits: miss.hits, lexicon: lexicon)
            let found = zip(spans, miss.hits).compactMap { span, hit in
                span.flatMap { Self.isLikely($0, of: hit, pair.arabic, pair.english, lexicon) ? $0 : nil }
            }
            guard let first = found.first else { continue }
            let sourceSpans = sourceSpansOf[miss.finding] ?? []
            var targetSpans: [FindingSpan] = []
            for span in found where !targetSpans.contains(where: { $0.start == span.range.lowerBound }) {
                targetSpans.append(FindingSpan(unit: miss.unit, side: .target, start: span.range.lowerBound, end: span.range.upperBound, text: span.text))
            }
            let renderedAs = Array(Set(found.map(\.text))).sorted().map { "'\($0)'" }.joined(separator: " and ")
            let times = miss.hits.count > 1 ? " (\(miss.hits.count) times)" : ""
            if forbiddenEnabled, !unitsFlaggedForbidden.contains(miss.unit), let forbidden = miss.forbidden.first(where: { TermRenderings.isOne(first.text, of: [$0]) }) {
                replaced[miss.finding] = Finding(
                    id: miss.finding, check: .glossaryForbidden, severity: .error, units: [miss.unit],
                    message: "'\(first.text)' renders '\(miss.surface)' (\(miss.arabic)) here and is a forbidden rendering ('\(forbidden)'); the glossary says \(shown(miss.allowed))",
                    spans: sourceSpans + targetSpans)
            } else {
                replaced[miss.finding] = Finding(
                    id: miss.finding, check: .glossaryMissing, severity: .warning, units: [miss.unit],
                    message: "the glossary term '\(miss.surface)' (\(miss.arabic))\(times) is rendered here as \(renderedAs), not as \(shown(miss.allowed))",
                    spans: sourceSpans + targetSpans)
            }
        }
        return findings.map { replaced[$0.id] ?? $0 }
    }
}
