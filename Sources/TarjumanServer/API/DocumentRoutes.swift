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
            try await upload(request, context: context)
        }
        api.get("documents/{id}") { _, context in
            let id = try context.pathID(of: "document")
            return try JSONResponse.make(try document(id))
        }
        api.post("documents/{id}/pretranslate") { request, context in
            let id = try context.pathID(of: "document")
            let query = request.uri.queryParameters
            let minimum = query.get("min").flatMap(Int.init) ?? 100
            guard (1 ... 100).contains(minimum) else { throw APIError(.badRequest, "min must be 1 to 100") }
            let memories: [String] = query.getAll("memory")
            let outcome = try Pretranslator(database: database, minimum: minimum, memories: memories).pretranslate(documents: [id])
            return try JSONResponse.make(PretranslateJSON(outcome, document: try TranslationStore(database: database).document(id)))
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

    struct DocumentDetail: Encodable {
        let document: DocumentJSON
        let units: [UnitView]
    }

    func document(_ id: Int64) throws -> DocumentDetail {
        let store = TranslationStore(database: database)
        let summary = try store.document(id)
        let matcher = try GlossaryMatcher(terms: try GlossaryStore(database: database).terms())
        let units = try store.units(document: id).map { UnitView($0, matcher: matcher) }
        return DocumentDetail(document: DocumentJSON(summary), units: units)
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
