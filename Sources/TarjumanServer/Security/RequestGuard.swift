import Foundation
import HTTPTypes
import Hummingbird

/// Refuses requests the editor must not answer: a Host it does not serve (DNS rebinding), and a
/// state-changing request from another site. Logging in needs an Origin of this site.
struct RequestGuard<Context: RequestContext>: RouterMiddleware {
    /// Host names the server answers to; empty for any (bound to every interface).
    let hosts: Set<String>
    /// The origin of `--public-url` (`https://tarjuman.example.org`), accepted beside the Host's own.
    var publicOrigin: String? = nil

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let authority = request.head.authority ?? ""
        let host = Self.hostName(authority)
        let publicHost = publicOrigin.flatMap { URL(string: $0)?.host?.lowercased() }
        if !hosts.isEmpty, !hosts.contains(host), host != publicHost {
            throw APIError(.misdirectedRequest, "this server does not answer for host '\(authority)'; open it as http://127.0.0.1, or start it with --public-url")
        }
        if [.post, .put, .patch, .delete].contains(request.method) {
            let origin = request.headers[.origin]
            if let origin, !allowedOrigins(authority: authority, request: request).contains(origin.lowercased()) {
                throw APIError(.forbidden, "a request from \(origin) was refused: changes can only come from the editor's own pages")
            }
            if origin == nil, request.uri.path == "/api/login" {
                throw APIError(.forbidden, "logging in needs the Origin header of the editor's own page")
            }
        }
        return try await next(request, context)
    }

    /// The origins a change may come from: the Host as the browser wrote it, and the public URL.
    func allowedOrigins(authority: String, request: Request) -> Set<String> {
        var origins: Set<String> = ["http://\(authority.lowercased())"]
        if request.headers[HTTPField.Name("X-Forwarded-Proto")!]?.lowercased() == "https" { origins.insert("https://\(authority.lowercased())") }
        if let publicOrigin { origins.insert(publicOrigin.lowercased()) }
        return origins
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
