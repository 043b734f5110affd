import Foundation
import Hummingbird
import TarjumanCore

/// The glossary: search, add, edit, remove, and lookup in any Arabic text.
struct GlossaryRoutes {
    let database: TarjumanDatabase

    func register(on api: RouterGroup<EditorContext>) {
        api.get("glossary") { request, _ in
            let query = request.uri.queryParameters.get("q") ?? ""
            return try JSONResponse.make(try GlossaryStore(database: database).search(query).map(TermJSON.init))
        }
        api.post("glossary") { request, context in
            try context.require(.manageGlossary)
            let body = try await JSONResponse.decode(TermInput.self, from: request, context: context)
            let outcome = try GlossaryStore(database: database).add(body.term)
            return try JSONResponse.make(TermJSON(outcome.term), status: outcome.added ? .created : .ok)
        }
        api.put("glossary/{id}") { request, context in
            try context.require(.manageGlossary)
            let id = try context.pathID(of: "glossary entry")
            let body = try await JSONResponse.decode(TermInput.self, from: request, context: context)
            return try JSONResponse.make(TermJSON(try GlossaryStore(database: database).update(id: id, with: body.term)))
        }
        api.delete("glossary/{id}") { _, context in
            try context.require(.manageGlossary)
            return try JSONResponse.make(TermJSON(try GlossaryStore(database: database).remove(id: try context.pathID(of: "glossary entry"))))
        }
        api.get("glossary/lookup") { request, _ in
            let text = request.uri.queryParameters.get("text") ?? ""
            let matcher = try GlossaryMatcher(terms: try GlossaryStore(database: database).terms())
            return try JSONResponse.make(matcher.matches(in: text).map(UnitView.TermHit.init))
        }
    }
}

/// The body of `POST /api/glossary` and `PUT /api/glossary/{id}`.
struct TermInput: Decodable {
    let arabic: String
    let english: String
    let alternatives: [String]?
    let forbidden: [String]?
    let note: String?
    let domain: String?

    var term: Term {
        func clean(_ list: [String]?) -> [String] {
            (list ?? []).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        }
        return Term(arabic: arabic.trimmingCharacters(in: .whitespacesAndNewlines),
                    english: english.trimmingCharacters(in: .whitespacesAndNewlines),
                    alternatives: clean(alternatives), forbidden: clean(forbidden),
                    note: note?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "",
                    domain: domain?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "", source: "editor")
    }
}
