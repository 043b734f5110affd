import Foundation
import HTTPTypes
import Hummingbird

/// JSON answers of the API: ISO 8601 dates, UTF-8, never cached.
enum JSONResponse {
    static func make(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// Decodes a request body of at most the upload limit.
    static func decode<T: Decodable>(_ type: T.Type, from request: Request, context: EditorContext) async throws -> T {
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        guard buffer.readableBytes > 0 else { throw APIError(.badRequest, "the request has no body; send a JSON object") }
        return try JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView))
    }
}
