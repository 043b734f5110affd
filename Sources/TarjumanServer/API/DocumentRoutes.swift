import Foundation
import Hummingbird
import TarjumanCore

/// Documents: the list with progress, one document with its units, upload, findings.
struct DocumentRoutes {
    let database: TarjumanDatabase

    func register(on api: RouterGroup<EditorContext>) {
        api.get("documents") { _, _ in
            try JSONResponse.make(try TranslationStore(database: database).documents().map(DocumentJSON.init))
        }
        api.post("documents") { request, context in
            try context.require(.manageDocuments)
            return try await upload(request, context: context)
        }
        api.get("documents/{id}") { _, context in
            let id = try context.pathID(of: "document")
            return try JSONResponse.make(try document(id))
        }
        api.post("documents/{id}/pretranslate") { request, context in
            try context.require(.manageDocuments)
            let id = try context.pathID(of: "document")
            let query = request.uri.queryParameters
            let minimum = query.get("min").flatMap(Int.init) ?? 100
            guard (1 ... 100).contains(minimum) else { throw APIError(.badRequest, "min must be 1 to 100") }
            let memories: [String] = query.getAll("memory")
            let outcome = try Pretranslator(database: database, minimum: minimum, memories: memories).pretranslate(documents: [id])
            return try JSONResponse.make(PretranslateJSON(outcome, document: try TranslationStore(database: database).document(id)))
        }
        api.put("documents/{id}/assignee") { request, context in
            try context.require(.manageDocuments)
            let id = try context.pathID(of: "document")
            let body = try await JSONResponse.decode(AssigneeRequest.self, from: request, context: context)
            let store = TranslationStore(database: database)
            try store.assign(document: id, to: body.name)
            return try JSONResponse.make(DocumentJSON(try store.document(id)))
        }
        api.get("documents/{id}/activity") { request, context in
            let id = try context.pathID(of: "document")
            let after = request.uri.queryParameters.get("after", as: Int64.self) ?? 0
            let limit = request.uri.queryParameters.get("limit", as: Int.self) ?? 200
            guard (1 ... 1000).contains(limit), after >= 0 else { throw APIError(.badRequest, "after must be a rendering id and limit 1 to 1000") }
            return try JSONResponse.make(try TranslationStore(database: database).activity(document: id, after: after, limit: limit).map(ActivityJSON.init))
        }
        api.get("documents/{id}/findings") { _, context in
            let id = try context.pathID(of: "document")
            _ = try TranslationStore(database: database).document(id)
            return try JSONResponse.make(try QAChecker(database: database).run(CheckOptions(documents: [id])).findings)
        }
    }

    /// What pretranslating a document did, with its progress after.
    struct PretranslateJSON: Encodable {
        let filled: Int
        let unrendered: Int
        let unmatched: Int
        let bands: [String: Int]
        let document: DocumentJSON

        init(_ outcome: PretranslateOutcome, document: DocumentSummary) {
            filled = outcome.filledCount
            unrendered = outcome.unrendered
            unmatched = outcome.unmatched
            bands = Dictionary(uniqueKeysWithValues: outcome.filled.map { ($0.key.rawValue, $0.value) })
            self.document = DocumentJSON(document)
        }
    }

    /// The body of `PUT /api/documents/{id}/assignee`: an account's name, or null for no one.
    struct AssigneeRequest: Decodable {
        let name: String?
    }

    struct DocumentDetail: Encodable {
        let document: DocumentJSON
        let units: [UnitView]
        /// The newest rendering id in the database: `activity?after=` from here tells what others save next.
        let latest: Int64
    }

    func document(_ id: Int64) throws -> DocumentDetail {
        let store = TranslationStore(database: database)
        let summary = try store.document(id)
        let matcher = try GlossaryMatcher(terms: try GlossaryStore(database: database).terms())
        let latest = try store.latestRenderingID()
        let units = try store.units(document: id).map { UnitView($0, matcher: matcher) }
        return DocumentDetail(document: DocumentJSON(summary), units: units, latest: latest)
    }

    /// `POST /api/documents?name=FILE.txt` with the text (UTF-8, or UTF-16 with a byte order mark) as
    /// the body; its lines are read as paragraphs as `ParagraphLayout.auto` decides.
    func upload(_ request: Request, context: EditorContext) async throws -> Response {
        let name = request.uri.queryParameters.get("name").map { URL(fileURLWithPath: $0).lastPathComponent } ?? ""
        guard !name.isEmpty, name != "/" else {
            throw APIError(.badRequest, "name the document: POST /api/documents?name=FILE.txt with the text as the body")
        }
        let body = try await request.body.collect(upTo: context.maxUploadSize)
        guard body.readableBytes > 0 else { throw TarjumanError.emptyInput(file: name) }
        let source = try SourceText(data: Data(body.readableBytesView), origin: name)
        try source.requireArabic()
        let segments = try SentenceSegmenter().segment(source.text)
        let outcomes = try TranslationStore(database: database).importDocuments([(source, segments)])
        return try JSONResponse.make(outcomes, status: outcomes.first?.alreadyPresent == true ? .ok : .created)
    }
}
