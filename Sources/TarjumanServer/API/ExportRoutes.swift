import Foundation
import HTTPTypes
import Hummingbird
import TarjumanCore

/// Downloads: `GET /api/export?format=tmx|xliff|tsv|csv[&document=ID]...[&approved=1]`.
struct ExportRoutes {
    let database: TarjumanDatabase

    func register(on api: RouterGroup<EditorContext>) {
        api.get("export") { request, _ in
            let query = request.uri.queryParameters
            let formatName = query.get("format") ?? "tmx"
            guard let format = ExportFormat(rawValue: formatName) ?? ExportFormat(fileExtension: formatName) else {
                throw APIError(.badRequest, "format must be tmx, xliff, tsv or csv")
            }
            var documents: [Int64] = []
            for text in query.getAll("document") {
                guard let id = Int64(text) else { throw APIError(.badRequest, "'\(text)' is not a document id") }
                documents.append(id)
            }
            let store = TranslationStore(database: database)
            for id in documents { _ = try store.document(id) }
            if format == .xliff, documents.isEmpty {
                throw APIError(.badRequest, "an XLIFF download needs document=ID")
            }
            let options = ExportOptions(documents: documents, approvedOnly: query.get("approved") == "1")
            return try download(format, options: options)
        }
    }

    /// The export written to a temporary file, then streamed from it in chunks, so a large
    /// memory is never held in memory whole. The file is unlinked once open.
    func download(_ format: ExportFormat, options: ExportOptions) throws -> Response {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("tarjuman-export-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let stem = options.documents.count == 1 ? "tarjuman-document-\(options.documents[0])" : "tarjuman-memory"
        let name = "\(stem).\(format.fileExtension)"
        let url = folder.appendingPathComponent(name)
        _ = try format.export(database, to: url.path, options: options)
        let size = try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int
        let file = try FileHandle(forReadingFrom: url)
        var headers = HTTPFields()
        headers[.contentType] = format.mediaType
        headers[.contentDisposition] = "attachment; filename=\"\(name)\""
        headers[.cacheControl] = "no-store"
        let body = ResponseBody(contentLength: size) { writer in
            defer { try? file.close() }
            while let chunk = try file.read(upToCount: 1 << 16), !chunk.isEmpty {
                try await writer.write(ByteBuffer(bytes: chunk))
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: headers, body: body)
    }
}
