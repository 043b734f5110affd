import Foundation
import HTTPTypes
import Hummingbird
import TarjumanCore

/// Logging in and out, the session the pages read, and the team's accounts.
struct SessionRoutes {
    let database: TarjumanDatabase
    let access: TeamAccess

    func register(on api: RouterGroup<EditorContext>) {
        api.get("session") { _, context in
            try JSONResponse.make(SessionJSON(context: context, token: context.session?.requestToken ?? access.serverToken,
                                              database: database.path))
        }
        api.post("login") { request, context in
            try await login(request, context: context)
        }
        api.post("logout") { request, context in
            if let secret = request.cookies[TeamAccess.cookieName]?.value, !secret.isEmpty {
                try access.accounts.endSession(secret: secret)
            }
            var response = try JSONResponse.make(["loggedOut": true])
            response.setCookie(access.cookie(nil, secure: TeamAccess.isSecure(request, context)))
            return response
        }
        api.get("accounts") { _, context in
            try context.require(.read)
            return try JSONResponse.make(try access.accounts.accounts().map(AccountJSON.init))
        }
        api.post("accounts") { request, context in
            try context.require(.manageAccounts)
            let body = try await JSONResponse.decode(NewAccount.self, from: request, context: context)
            guard let role = TeamRole(rawValue: body.role) else { throw APIError(.badRequest, "role must be translator, reviewer or admin") }
            let added = try await Self.offLoop { () throws(TarjumanError) in
                try access.accounts.add(name: body.name, role: role, password: body.password)
            }
            return try JSONResponse.make(AccountJSON(added), status: .created)
        }
        api.delete("accounts/{name}") { _, context in
            try context.require(.manageAccounts)
            let name = context.parameters.get("name") ?? ""
            if name.caseInsensitiveCompare(context.session?.account.name ?? "") == .orderedSame {
                throw APIError(.badRequest, "you cannot remove your own account while logged in with it")
            }
            return try JSONResponse.make(AccountJSON(try access.accounts.remove(name: name)))
        }
    }

    /// What `GET /api/session` answers: the token changes carry and, in team mode, who is logged in.
    struct SessionJSON: Encodable {
        let token: String
        let database: String
        let version: String
        /// `team` when the database has accounts, else `solo`.
        let mode: String
        @Nullable var account: AccountJSON?

        init(context: EditorContext, token: String, database: String) {
            self.token = token
            self.database = database
            version = TarjumanVersion.current
            mode = context.teamMode ? "team" : "solo"
            account = context.session.map { AccountJSON($0.account) }
        }
    }

    struct AccountJSON: Encodable {
        let name: String
        let role: String

        init(_ account: Account) {
            name = account.name
            role = account.role.rawValue
        }
    }

    struct Credentials: Decodable {
        let name: String
        let password: String
    }

    struct NewAccount: Decodable {
        let name: String
        let role: String
        let password: String
    }

    struct LoginJSON: Encodable {
        let account: AccountJSON
        let token: String
    }

    func login(_ request: Request, context: EditorContext) async throws -> Response {
        guard context.teamMode else {
            throw APIError(.badRequest, "this database has no accounts: the editor is open without logging in ('tarjuman user add' starts team mode)")
        }
        let body = try await JSONResponse.decode(Credentials.self, from: request, context: context)
        let address = TeamAccess.clientAddress(request, context)
        if let wait = access.throttle.wait(name: body.name, address: address) {
            var error = try APIError(.tooManyRequests, "too many wrong passwords; try again in \(wait) seconds").response(from: request, context: context)
            error.headers[.retryAfter] = String(wait)
            return error
        }
        guard access.maySendCookie(request, context) else {
            throw APIError(.forbidden, "logging in over plain HTTP from another machine would expose the session; serve the editor behind TLS (README: nginx or Caddy) or start it with --insecure-http")
        }
        let accounts = access.accounts
        let account = try await Self.offLoop { () throws(TarjumanError) in
            try accounts.authenticate(name: body.name, password: body.password)
        }
        guard let account else {
            access.throttle.failed(name: body.name, address: address)
            throw APIError(.unauthorized, "wrong name or password")
        }
        access.throttle.succeeded(name: body.name, address: address)
        let started = try accounts.startSession(for: account)
        var response = try JSONResponse.make(LoginJSON(account: AccountJSON(account), token: started.session.requestToken))
        response.setCookie(access.cookie(started.secret, secure: TeamAccess.isSecure(request, context)))
        return response
    }

    /// Runs slow work (a password hash) on another thread, so the server keeps answering.
    static func offLoop<T: Sendable>(_ work: @escaping @Sendable () throws(TarjumanError) -> T) async throws(TarjumanError) -> T {
        let result: Result<T, TarjumanError> = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                do throws(TarjumanError) {
                    continuation.resume(returning: .success(try work()))
                } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
        }
        return try result.get()
    }
}
