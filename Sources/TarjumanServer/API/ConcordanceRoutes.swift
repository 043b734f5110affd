import Hummingbird
import TarjumanCore

/// Concordance: "how did we render this before?"
struct ConcordanceRoutes {
    let database: TarjumanDatabase

    func register(on api: RouterGroup<EditorContext>) {
        api.get("concordance") { request, _ in
            let term = request.uri.queryParameters.get("term") ?? ""
            let limit = request.uri.queryParameters.get("limit", as: Int.self) ?? 100
            return try JSONResponse.make(ConcordanceJSON(try ConcordanceSearch(database: database).lookup(term), limit: max(limit, 0)))
        }
    }
}

/// A concordance: the units with the hit marked in their pieces, then the renderings used.
struct ConcordanceJSON: Encodable {
    struct Line: Encodable {
        let unit: String
        let document: String
        /// The memory of an entry; null for a document unit.
        @Nullable var memory: String?
        let pieces: [TextPiece]
        @Nullable var rendering: String?
        /// The rendering with the words that render the term by word alignment marked; null
        /// when it has none or was not aligned.
        @Nullable var renderingPieces: [TextPiece]?
        @Nullable var status: String?
    }

    let term: String
    let total: Int
    let lines: [Line]
    let renderings: [RenderingVariants.Variant]
    let other: Int
    let unrendered: Int
    /// Where `renderings` come from: "word alignment", or "shared phrases" when no model was
    /// trained yet.
    let renderingsFrom: String

    init(_ concordance: Concordance, limit: Int) {
        term = concordance.term
        total = concordance.lines.count
        lines = concordance.lines.prefix(limit).map { line in
            let spans = line.spans.compactMap { $0?.range }
            return Line(unit: line.unit.description, document: line.document, memory: line.memory, pieces: TextPiece.split(line.source, at: line.hits),
                        rendering: line.rendering, renderingPieces: line.rendering.flatMap { spans.isEmpty ? nil : TextPiece.split($0, at: spans) },
                        status: line.status?.rawValue)
        }
        renderings = concordance.renderings
        other = concordance.otherRenderings
        unrendered = concordance.unrendered
        renderingsFrom = concordance.model == nil ? "shared phrases" : "word alignment"
    }
}
