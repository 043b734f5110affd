import Foundation
import Hummingbird
import TarjumanCore

/// One unit: its history, saving a rendering, its glossary terms, memory matches and findings.
struct UnitRoutes {
    let database: TarjumanDatabase

    func register(on api: RouterGroup<EditorContext>) {
        api.get("units/{id}") { _, context in
            try JSONResponse.make(UnitDetailJSON(try TranslationStore(database: database).detail(of: try Self.unitID(context))))
        }
        api.put("units/{id}/rendering") { request, context in
            let id = try Self.unitID(context)
            let body = try await JSONResponse.decode(SaveRequest.self, from: request, context: context)
            return try JSONResponse.make(try save(body, to: id, context: context))
        }
        api.post("units/{id}/review") { request, context in
            let id = try Self.unitID(context)
            let body = try await JSONResponse.decode(ReviewRequest.self, from: request, context: context)
            return try JSONResponse.make(try review(body, of: id, context: context))
        }
        api.get("units/{id}/glossary") { _, context in
            let detail = try TranslationStore(database: database).detail(of: try Self.unitID(context))
            let matcher = try GlossaryMatcher(terms: try GlossaryStore(database: database).terms())
            return try JSONResponse.make(matcher.matches(in: detail.unit.text).map(UnitView.TermHit.init))
        }
        api.get("units/{id}/matches") { request, context in
            let id = try Self.unitID(context)
            let minimum = request.uri.queryParameters.get("min", as: Int.self) ?? 50
            let limit = request.uri.queryParameters.get("limit", as: Int.self) ?? 5
            guard (1 ... 100).contains(minimum), (1 ... 50).contains(limit) else {
                throw APIError(.badRequest, "min must be 1 to 100 and limit 1 to 50")
            }
            return try JSONResponse.make(try matches(for: id, minimum: minimum, limit: limit))
        }
        api.get("units/{id}/findings") { _, context in
            try JSONResponse.make(try findings(for: try Self.unitID(context)))
        }
    }

    static func unitID(_ context: EditorContext) throws -> UnitID {
        try UnitID(parsing: context.parameters.get("id") ?? "")
    }

    /// The body of `PUT /api/units/{id}/rendering`.
    struct SaveRequest: Decodable {
        let text: String
        /// draft (the default), translated, or approved.
        let status: String?
        /// The name typed into the page; ignored in team mode, where the logged-in account is credited.
        let translator: String?
        /// The id of the rendering this edit replaces, null for a unit that had none.
        let base: Int64?
    }

    /// The body of `POST /api/units/{id}/review`.
    struct ReviewRequest: Decodable {
        /// approve or reject.
        let verdict: String
        /// What the translator should change; needed to reject.
        let comment: String?
        /// The id of the rendering the reviewer read.
        let base: Int64?
        /// The name typed into the page, without accounts.
        let reviewer: String?
    }

    struct SaveResponse: Encodable {
        let unit: String
        let changed: Bool
        let rendering: RenderingJSON
        let findings: [Finding]
        let document: DocumentJSON
    }

    func save(_ body: SaveRequest, to id: UnitID, context: EditorContext) throws -> SaveResponse {
        let status: RenderingStatus
        switch body.status ?? "draft" {
        case "draft": status = .draft
        case "translated": status = .translated
        case "approved": status = .approved
        default: throw APIError(.badRequest, "status must be draft, translated or approved (a rejection is POST /api/units/ID/review)")
        }
        try context.require(TeamAction.saving(status))
        let keepApproved = context.teamMode && context.session?.account.role.permits(.changeApproved) != true
        let store = TranslationStore(database: database)
        let outcome = try store.save(RenderingInput(unit: id, text: body.text), expected: body.base,
                                     translator: context.credit(typed: body.translator),
                                     status: status, origin: "editor", keepingApproved: keepApproved)
        return try response(outcome, of: id, store)
    }

    func review(_ body: ReviewRequest, of id: UnitID, context: EditorContext) throws -> SaveResponse {
        guard let verdict = ReviewVerdict(rawValue: body.verdict) else { throw APIError(.badRequest, "verdict must be approve or reject") }
        try context.require(.review)
        let store = TranslationStore(database: database)
        let outcome = try store.review(id, verdict: verdict, expected: body.base,
                                       reviewer: context.credit(typed: body.reviewer) ?? "reviewer", comment: body.comment)
        return try response(outcome, of: id, store)
    }

    func response(_ outcome: RenderOutcome, of id: UnitID, _ store: TranslationStore) throws -> SaveResponse {
        SaveResponse(unit: id.description, changed: outcome.changed, rendering: RenderingJSON(outcome.rendering),
                     findings: try findings(for: id), document: DocumentJSON(try store.document(id.document)))
    }

    func matches(for id: UnitID, minimum: Int, limit: Int) throws -> [MemoryMatch] {
        let store = TranslationStore(database: database)
        let detail = try store.detail(of: id)
        let neighbours = try store.neighbours(of: id)
        let context = MatchContext(previous: neighbours.previous, next: neighbours.next)
        let found = try MemoryMatcher(database: database)
            .matches(for: detail.unit.text, context: context, minimum: minimum, limit: limit, scope: MatchScope(excludedUnit: id))
        return found
    }

    func findings(for id: UnitID) throws -> [Finding] {
        _ = try TranslationStore(database: database).detail(of: id)
        var options = CheckOptions(documents: [id.document])
        options.units = [id]
        return try QAChecker(database: database).run(options).findings
    }
}

/// A unit with its whole history, newest first.
struct UnitDetailJSON: Encodable {
    let id: String
    let document: Int64
    let documentName: String
    let paragraph: Int
    let start: Int
    let end: Int
    let source: String
    @Nullable var current: RenderingJSON?
    let history: [RenderingJSON]

    init(_ detail: UnitDetail) {
        id = detail.unit.unitID.description
        document = detail.unit.documentId
        documentName = detail.documentName
        paragraph = detail.unit.paragraph
        start = detail.unit.start
        end = detail.unit.end
        source = detail.unit.text
        current = detail.current.map(RenderingJSON.init)
        history = detail.history.map(RenderingJSON.init)
    }
}
