import HTTPTypes
import Hummingbird

/// Refuses requests the editor must not answer: a Host it does not serve (DNS rebinding), and a
/// state-changing request from another site or without the session token.
struct RequestGuard<Context: RequestContext>: RouterMiddleware {
    static var tokenHeader: HTTPField.Name { HTTPField.Name("X-Tarjuman-Token")! }

    /// The session token that state-changing requests must carry.
    let token: String
    /// Host names the server answers to; empty for any (bound to every interface).
    let hosts: Set<String>

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let authority = request.head.authority ?? ""
        if !hosts.isEmpty, !hosts.contains(Self.hostName(authority)) {
            throw APIError(.misdirectedRequest, "this server does not answer for host '\(authority)'; open it as http://127.0.0.1")
        }
        if [.post, .put, .patch, .delete].contains(request.method) {
            if let origin = request.headers[.origin], origin != "http://\(authority)" {
                throw APIError(.forbidden, "a request from \(origin) was refused: changes can only come from the editor's own pages")
            }
            guard Self.sameToken(request.headers[Self.tokenHeader], token) else {
                throw APIError(.forbidden, "the X-Tarjuman-Token header is missing or wrong; GET /api/session gives the token")
            }
        }
        return try await next(request, context)
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

    /// The host part of an authority: `127.0.0.1:8080` → `127.0.0.1`, `[::1]:80` → `::1`.
    static func hostName(_ authority: String) -> String {
        var host = Substring(authority.lowercased())
        if host.hasPrefix("["), let close = host.firstIndex(of: "]") {
            return String(host[host.index(after: host.startIndex) ..< close])
        }
        if let colon = host.lastIndex(of: ":") { host = host[..<colon] }
        return String(host)
    }

    /// The host names a server bound to `host` answers to.
    static func hosts(boundTo host: String) -> Set<String> {
        let loopback: Set<String> = ["127.0.0.1", "localhost", "::1"]
        switch host {
        case "0.0.0.0", "::": return []
        case _ where loopback.contains(host): return loopback
        default: return loopback.union([hostName(host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host)])
        }
    }
}
