import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import TarjumanCore

/// How the editor lets people in: without accounts, anyone who can reach it (with the
/// server's token for changes); with accounts, only logged-in sessions, each with its own token.
struct TeamAccess: Sendable {
    static let cookieName = "tarjuman_session"

    let accounts: AccountStore
    /// The token of changes when the database has no accounts; new for each server.
    let serverToken: String
    /// The https origin a proxy serves the editor at (`--public-url`), when there is one.
    let publicOrigin: String?
    /// Whether logins may set their cookie over plain HTTP to another machine.
    let insecureHTTP: Bool
    let throttle = LoginThrottle()

    /// The caller's address: the peer, or for a proxy on this machine the address it forwards.
    static func clientAddress(_ request: Request, _ context: EditorContext) -> String {
        let peer = context.remoteAddress?.ipAddress ?? "unknown"
        if isLoopbackPeer(context), let forwarded = request.headers[HTTPField.Name("X-Forwarded-For")!] {
            if let last = forwarded.split(separator: ",").last?.trimmingCharacters(in: .whitespaces), !last.isEmpty { return last }
        }
        return peer
    }

    static func isLoopbackPeer(_ context: EditorContext) -> Bool {
        guard let ip = context.remoteAddress?.ipAddress else { return false }
        return ip.hasPrefix("127.") || ip == "::1" || ip == "::ffff:127.0.0.1"
    }

    /// Whether the browser reached the editor over TLS: a proxy on this machine says so.
    static func isSecure(_ request: Request, _ context: EditorContext) -> Bool {
        isLoopbackPeer(context) && request.headers[HTTPField.Name("X-Forwarded-Proto")!]?.lowercased() == "https"
    }

    /// Whether a session cookie may be sent on this connection: over TLS, to this machine, or
    /// anywhere with `--insecure-http`.
    func maySendCookie(_ request: Request, _ context: EditorContext) -> Bool {
        insecureHTTP || Self.isSecure(request, context) || (Self.isLoopbackPeer(context) && request.headers[HTTPField.Name("X-Forwarded-For")!] == nil)
    }

    /// The session cookie, or with `secret` nil the one that ends it.
    func cookie(_ secret: String?, secure: Bool) -> Cookie {
        Cookie(name: Self.cookieName, value: secret ?? "", maxAge: secret == nil ? 0 : Int(AccountStore.sessionLifetime),
               path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }
}

/// Resolves the logged-in session in team mode, sends those without one to log in (401 for
/// the API, the login page for pages), and checks the token of every change.
struct SessionGate: RouterMiddleware {
    typealias Context = EditorContext
    static var tokenHeader: HTTPField.Name { HTTPField.Name("X-Tarjuman-Token")! }

    let access: TeamAccess

    func handle(_ request: Request, context: EditorContext, next: (Request, EditorContext) async throws -> Response) async throws -> Response {
        var context = context
        let path = request.uri.path
        context.teamMode = try access.accounts.hasAccounts()
        if context.teamMode {
            if let secret = request.cookies[TeamAccess.cookieName]?.value, !secret.isEmpty {
                context.session = try access.accounts.session(secret: secret)
            }
            if context.session == nil && !Self.isOpen(request.method, path) {
                if path.hasPrefix("/api/") { throw APIError(.unauthorized, "log in first: POST /api/login with {\"name\", \"password\"}") }
                var headers = HTTPFields()
                headers[.location] = "/login?next=" + (path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? "/")
                return Response(status: .seeOther, headers: headers)
            }
        }
        if [.post, .put, .patch, .delete].contains(request.method), path != "/api/login" {
            let expected = context.teamMode ? context.session?.requestToken : access.serverToken
            guard let expected, Self.sameToken(request.headers[Self.tokenHeader], expected) else {
                throw APIError(.forbidden, "the X-Tarjuman-Token header is missing or wrong; GET /api/session gives the token")
            }
        }
        return try await next(request, context)
    }

    /// What answers without a session: the login page, its assets, and logging in.
    static func isOpen(_ method: HTTPRequest.Method, _ path: String) -> Bool {
        (method == .get && (path == "/login" || path.hasPrefix("/assets/"))) || (method == .post && path == "/api/login")
    }

    /// Compares a presented token with the session's in time that does not depend on where they differ.
    static func sameToken(_ presented: String?, _ token: String) -> Bool {
        guard let presented else { return false }
        let given = Array(presented.utf8), expected = Array(token.utf8)
        guard given.count == expected.count else { return false }
        var difference: UInt8 = 0
        for index in expected.indices { difference |= given[index] ^ expected[index] }
        return difference == 0
    }
}
