import Foundation
import Hummingbird
import Logging
import NIOCore
import TarjumanCore

/// The web editor: the JSON API under `/api/` and the pages that use it, over one database.
public struct EditorServer: Sendable {
    public let database: TarjumanDatabase
    public let host: String
    public let port: Int
    /// The token state-changing requests carry in `X-Tarjuman-Token`; new for each server.
    public let token: String
    public let logger: Logger
    /// The https address a proxy serves the editor at, when there is one (`--public-url`).
    public let publicOrigin: String?
    /// Whether logins may set their cookie over plain HTTP to another machine (`--insecure-http`).
    public let insecureHTTP: Bool

    public init(database: TarjumanDatabase, host: String = "127.0.0.1", port: Int = 8080, logger: Logger? = nil,
                publicOrigin: String? = nil, insecureHTTP: Bool = false) {
        self.database = database
        self.host = host
        self.port = port
        self.publicOrigin = publicOrigin
        self.insecureHTTP = insecureHTTP
        var token = ""
        for _ in 0 ..< 4 { token += String(format: "%016llx", UInt64.random(in: .min ... .max)) }
        self.token = token
        self.logger = logger ?? Logger(label: "tarjuman")
    }

    /// Whether `host` is a loopback address, which only this machine can reach.
    public static func isLoopback(_ host: String) -> Bool {
        ["127.0.0.1", "localhost", "::1"].contains(host) || host.hasPrefix("127.")
    }

    /// The routes of the API and the pages.
    func router() -> Router<EditorContext> {
        let router = Router(context: EditorContext.self)
        router.add(middleware: RequestLogMiddleware(logger: logger))
        router.add(middleware: SecurityHeaders())
        router.add(middleware: APIErrorMiddleware())
        router.add(middleware: RequestGuard(hosts: RequestGuard<EditorContext>.hosts(boundTo: host), publicOrigin: publicOrigin))
        let access = TeamAccess(accounts: AccountStore(database: database), serverToken: token,
                                publicOrigin: publicOrigin, insecureHTTP: insecureHTTP)
        router.add(middleware: SessionGate(access: access))
        let api = router.group("api")
        SessionRoutes(database: database, access: access).register(on: api)
        DocumentRoutes(database: database).register(on: api)
        UnitRoutes(database: database).register(on: api)
        GlossaryRoutes(database: database).register(on: api)
        ConcordanceRoutes(database: database).register(on: api)
        ExportRoutes(database: database).register(on: api)
        PageRoutes(token: token).register(on: router)
        return router
    }

    /// Serves until the process gets SIGINT or SIGTERM; `onListening` gets the bound port
    /// (useful with port 0, which picks a free one).
    public func run(onListening: @escaping @Sendable (Int) -> Void = { _ in }) async throws {
        let app = Application(
            router: router(),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "tarjuman"),
            onServerRunning: { channel in onListening(channel.localAddress?.port ?? port) },
            logger: logger
        )
        do {
            try await app.runService()
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            throw EditorServerError.portInUse(host: host, port: port)
        }
    }
}

/// Why the editor could not start.
public enum EditorServerError: LocalizedError, Equatable {
    case portInUse(host: String, port: Int)

    public var errorDescription: String? {
        switch self {
        case .portInUse(let host, let port):
            return "port \(port) on \(host) is in use (another tarjuman serve?); pass --port PORT, or --port 0 for any free port"
        }
    }
}
