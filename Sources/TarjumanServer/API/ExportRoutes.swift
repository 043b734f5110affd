import Foundation
import HTTPTypes
import Hummingbird
import TarjumanCore

/// Downloads: `GET /api/export?format=tmx|xliff|tsv|csv[&document=ID]...[&approved=1]`, and the
/// English document: `GET /api/export?format=docx|html|txt&document=ID[&untranslated=skip]`.
struct ExportRoutes {
    let database: TarjumanDatabase

    func register(on api: RouterGroup<EditorContext>) {
        api.get("export") { request, _ in
            let query = request.uri.queryParameters
            let formatName = query.get("format") ?? "tmx"
            if let english = EnglishDocument.Format(path: "document.\(formatName)") {
                guard let text = query.get("document"), let id = Int64(text) else {
                    throw APIError(.badRequest, "an English document download needs document=ID")
                }
                let untranslated: UntranslatedUnits = query.get("untranslated") == "skip" ? .skip : .source
                return try englishDocument(id, format: english, untranslated: untranslated)
            }
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

    /// A document in English, named after its file (`article.en.docx`).
    func englishDocument(_ id: Int64, format: EnglishDocument.Format, untranslated: UntranslatedUnits) throws -> Response {
        let store = TranslationStore(database: database)
        let summary = try store.document(id)
        let stem = URL(fileURLWithPath: summary.name).deletingPathExtension().lastPathComponent
        let fileExtension = format == .text ? "txt" : format.rawValue
        let mediaType = format == .docx ? DocumentFormat.docx.mediaType : format == .html ? DocumentFormat.html.mediaType : "text/plain; charset=utf-8"
        return try stream(name: "\(stem).en.\(fileExtension)", mediaType: mediaType) { path in
            _ = try EnglishDocument.write(store, document: id, to: path, format: format, untranslated: untranslated)
        }
    }

    /// The export written to a temporary file, then streamed from it in chunks, so a large
    /// memory is never held in memory whole. The file is unlinked once open.
    func download(_ format: ExportFormat, options: ExportOptions) throws -> Response {
        let stem = options.documents.count == 1 ? "tarjuman-document-\(options.documents[0])" : "tarjuman-memory"
        return try stream(name: "\(stem).\(format.fileExtension)", mediaType: format.mediaType) { path in
            _ = try format.export(database, to: path, options: options)
        }
    }

    /// A file `write` makes, sent as an attachment named `name`.
    func stream(name: String, mediaType: String, write: (String) throws -> Void) throws -> Response {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("tarjuman-export-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("export")
        try write(url.path)
        let size = try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int
        let file = try FileHandle(forReadingFrom: url)
        var headers = HTTPFields()
        headers[.contentType] = mediaType
        headers[.contentDisposition] = Self.disposition(name)
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

    /// An attachment header for `name`: an ASCII fallback and the name itself (RFC 6266, RFC 5987).
    static func disposition(_ name: String) -> String {
        let ascii = String(name.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0 != "\\" && $0.value >= 0x20 ? Character($0) : "_" })
        let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? ascii
        return "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
    }
}
