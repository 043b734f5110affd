import Hummingbird
import NIOCore
import TarjumanCore

/// The request context of the editor server: Hummingbird's core context with the upload limit,
/// the caller's address, and in team mode the logged-in session.
public struct EditorContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?
    /// Whether the database has accounts, so that everyone logs in.
    public var teamMode = false
    /// The logged-in session, in team mode.
    public var session: LoginSession?

    /// The largest request body accepted: uploads beyond it get 413.
    public static let uploadLimit = 10 * 1024 * 1024

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    public var maxUploadSize: Int { Self.uploadLimit }
}

extension EditorContext {
    /// The whole-number `{id}` of the route, or a 400 naming what it should have been.
    func pathID(of what: String) throws -> Int64 {
        let text = parameters.get("id") ?? ""
        guard let id = Int64(text) else { throw APIError(.badRequest, "'\(text)' is not a \(what) id; ids are whole numbers") }
        return id
    }

    /// Returns when the caller may take `action` (always without accounts); else 403.
    func require(_ action: TeamAction) throws {
        guard teamMode else { return }
        guard let account = session?.account else { throw APIError(.unauthorized, "log in first: POST /api/login") }
        guard account.role.permits(action) else {
            throw APIError(.forbidden, "\(account.name) is a \(account.role.rawValue) and may not \(action.words); ask \(TeamRole.least(for: action) == .admin ? "an" : "a") \(TeamRole.least(for: action).rawValue)")
        }
    }

    /// The name work is credited to: the logged-in account in team mode, else `typed`.
    func credit(typed: String?) -> String? {
        if teamMode { return session?.account.name }
        let name = typed?.trimmingCharacters(in: .whitespacesAndNewlines)
        return name?.isEmpty == false ? name : nil
    }
}
