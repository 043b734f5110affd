import Foundation
import HTTPTypes
import Hummingbird
import TarjumanCore

/// An error answered as JSON `{"status": N, "error": "message"}`, with the current rendering
/// when two people saved the same unit.
public struct APIError: Error, HTTPResponseError, Sendable {
    public let status: HTTPResponse.Status
    public let message: String
    @Nullable public var current: RenderingJSON?

    public init(_ status: HTTPResponse.Status, _ message: String, current: RenderingJSON? = nil) {
        self.status = status
        self.message = message
        self.current = current
    }

    /// The HTTP answer for an error of the library: missing things are 404, a save that
    /// crossed another is 409, a busy database 503, a database fault 500, the rest 400.
    public init(_ error: TarjumanError) {
        let message = error.description
        switch error {
        case .unknownUnit, .unknownDocument, .unknownTerm, .unknownFinding, .unknownMemory, .notADocument, .unknownAccount:
            self.init(.notFound, message)
        case .approvedNeedsReviewer:
            self.init(.forbidden, message)
        case .accountExists, .lastAdmin, .nothingToReview:
            self.init(.conflict, message)
        case .renderingConflict(_, let current):
            self.init(.conflict, message, current: current.map(RenderingJSON.init))
        case .databaseLocked:
            self.init(.serviceUnavailable, message)
        case .databaseFailure, .databaseNotFound, .notATarjumanDatabase, .databaseTooNew, .icuUnavailable:
            self.init(.internalServerError, message)
        default:
            self.init(.badRequest, message)
        }
    }

    private struct Body: Encodable {
        let status: Int
        let error: String
        let current: RenderingJSON?
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        try JSONResponse.make(Body(status: status.code, error: message, current: current), status: status)
    }
}

/// Turns every error of an API route into a JSON answer with the right status.
struct APIErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return try error.response(from: request, context: context)
        } catch let error as TarjumanError {
            return try APIError(error).response(from: request, context: context)
        } catch let error as DecodingError {
            return try APIError(.badRequest, "the request body is not the JSON this call takes: \(Self.describe(error))")
                .response(from: request, context: context)
        } catch let error as any HTTPResponseError {
            let message = error.status == .contentTooLarge
                ? "the upload is larger than \(EditorContext.uploadLimit / 1_048_576) MB"
                : error.status.reasonPhrase
            return try APIError(error.status, message).response(from: request, context: context)
        } catch {
            context.logger.error("\(request.method) \(request.uri.path): \(error)")
            return try APIError(.internalServerError, "internal error: \(error.localizedDescription)")
                .response(from: request, context: context)
        }
    }

    static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, _): return "'\(key.stringValue)' is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "'\(context.codingPath.map(\.stringValue).joined(separator: "."))' has the wrong type"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "malformed JSON" : "'\(context.codingPath.map(\.stringValue).joined(separator: "."))' is invalid"
        @unknown default: return "malformed JSON"
        }
    }
}
