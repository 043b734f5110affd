import TarjumanCore

/// A unit as the editor shows it: the source cut at the glossary terms it contains, those
/// terms, and the current rendering.
struct UnitView: Encodable {
    /// A glossary term found in the source.
    struct TermHit: Encodable {
        let id: Int64?
        let surface: String
        let arabic: String
        let english: String
        let alternatives: [String]
        let forbidden: [String]
        let note: String
        let domain: String
        let kind: String
        let start: Int
        let end: Int

        init(_ match: GlossaryMatch) {
            id = match.term.id
            surface = match.surface
            arabic = match.term.arabic
            english = match.term.english
            alternatives = match.term.alternatives
            forbidden = match.term.forbidden
            note = match.term.note
            domain = match.term.domain
            kind = match.kind.rawValue
            start = match.start
            end = match.end
        }
    }

    let id: String
    let paragraph: Int
    let source: String
    /// The source in runs; a run's `mark` indexes `terms`.
    let pieces: [TextPiece]
    let terms: [TermHit]
    /// The codes of a DOCX or HTML unit, which the rendering places as tags (`<b1>…</b1>`, `<f2/>`).
    let codes: [InlineCode]
    @Nullable var rendering: RenderingJSON?

    init(_ unit: UnitListing, matcher: GlossaryMatcher) {
        id = unit.id.description
        paragraph = unit.paragraph
        source = unit.source
        let matches = matcher.matches(in: unit.source)
        terms = matches.map(TermHit.init)
        pieces = TextPiece.split(unit.source, at: matches.map { $0.start ..< $0.end })
        codes = unit.codes
        rendering = RenderingJSON(unit)
    }
}
