import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// The editor fixture with an admin, two translators and a reviewer (passwords hashed at a low
/// cost so the tests run quickly).
func teamFixture() throws -> (directory: URL, database: String) {
    let fixture = try editorFixture()
    for (name, role) in [("Mona", "admin"), ("Ali", "translator"), ("Sara", "translator"), ("Rev", "reviewer")] {
        let added = try run(["user", "add", name, "--role", role, "--password-stdin", "--db", fixture.database],
                            in: fixture.directory, input: Data("\(name.lowercased())-password\n".utf8),
                            environment: ["TARJUMAN_BCRYPT_COST": "4"])
        guard added.status == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: added.stderr]) }
    }
    return fixture
}

/// What the database holds, as the CLI prints it: to show that a refused request changed nothing.
func databaseState(_ fixture: (directory: URL, database: String)) throws -> String {
    try [["units", "--json"], ["documents", "--json"], ["glossary", "list"], ["user", "list"], ["show", "1.2"]]
        .map { try run($0 + ["--db", fixture.database], in: fixture.directory).stdout }
        .joined(separator: "\n")
}

@Suite("tarjuman serve with accounts")
struct TeamServeTests {
    @Test("Without a session the API answers 401 and pages lead to the login page; a wrong password is 401, then rate-limited")
    func login() async throws {
        let fixture = try teamFixture()
        let server = try EditorProcess(database: fixture.database, in: fixture.directory)
        defer { _ = server.stop() }

        #expect(try await server.request("GET", "/api/documents").status == 401)
        #expect(try await server.request("GET", "/api/session").status == 401)
        let page = try await server.request("GET", "/documents/1")
        #expect(page.status == 200)
        #expect(page.text.contains("data-page=\"login\""))
        #expect(try await server.request("GET", "/assets/app.js").status == 200)

        let noOrigin = try await server.request("POST", "/api/login", json: ["name": "Ali", "password": "ali-password"])
        #expect(noOrigin.status == 403)
        let foreign = try await server.request("POST", "/api/login", json: ["name": "Ali", "password": "ali-password"],
                                               headers: ["Origin": "http://evil.example"])
        #expect(foreign.status == 403)

        let ali = try await server.login("ali", "ali-password")
        let session = try await server.request("GET", "/api/session", as: ali)
        #expect((session.object["account"] as? [String: Any])?["name"] as? String == "Ali")
        #expect(session.object["mode"] as? String == "team")
        #expect(session.object["token"] as? String == ali.token)

        let cookie = try await server.request("POST", "/api/login", json: ["name": "Rev", "password": "rev-password"],
                                              headers: ["Origin": server.origin]).header("Set-Cookie") ?? ""
        #expect(cookie.contains("HttpOnly"))
        #expect(cookie.contains("SameSite=Strict"))
        #expect(!cookie.contains("Secure"))

        for _ in 0 ..< 5 {
            let wrong = try await server.request("POST", "/api/login", json: ["name": "Sara", "password": "not her password"],
                                                 headers: ["Origin": server.origin])
            #expect(wrong.status == 401)
            #expect(wrong.object["error"] as? String == "wrong name or password")
        }
        let limited = try await server.request("POST", "/api/login", json: ["name": "Sara", "password": "sara-password"],
                                               headers: ["Origin": server.origin])
        #expect(limited.status == 429)
        #expect(Int(limited.header("Retry-After") ?? "") ?? 0 > 0)
        // Another name from the same address is not locked out by Sara's failures.
        _ = try await server.login("Mona", "mona-password")

        let out = try await server.request("POST", "/api/logout", as: ali)
        #expect(out.status == 200)
        #expect(out.header("Set-Cookie")?.contains("Max-Age=0") == true)
        #expect(try await server.request("GET", "/api/documents", as: ali).status == 401)
    }

    @Test("Each action beyond a role answers 403 and changes nothing; a missing token is 403")
    func roleBoundaries() async throws {
        let fixture = try teamFixture()
        let server = try EditorProcess(database: fixture.database, in: fixture.directory)
        defer { _ = server.stop() }
        let ali = try await server.login("Ali", "ali-password")
        let rev = try await server.login("Rev", "rev-password")
        let before = try databaseState(fixture)

        let term: [String: Any] = ["arabic": "مجلس الأمن", "english": "Security Council"]
        let refused: [(EditorProcess.Member, String, String, Any?, Data?)] = [
            (ali, "PUT", "/api/units/1.2/rendering", ["text": "Approved by a translator.", "status": "approved"], nil),
            (ali, "POST", "/api/units/1.2/review", ["verdict": "approve"], nil),
            (ali, "POST", "/api/glossary", term, nil),
            (rev, "POST", "/api/glossary", term, nil),
            (ali, "DELETE", "/api/glossary/1", nil, nil),
            (rev, "PUT", "/api/glossary/1", term, nil),
            (ali, "POST", "/api/documents?name=new.txt", nil, Data("وصل الوفد إلى المدينة.".utf8)),
            (rev, "POST", "/api/documents?name=new.txt", nil, Data("وصل الوفد إلى المدينة.".utf8)),
            (ali, "POST", "/api/documents/1/pretranslate", nil, nil),
            (rev, "PUT", "/api/documents/1/assignee", ["name": "Ali"], nil),
            (ali, "POST", "/api/accounts", ["name": "Eve", "role": "admin", "password": "eve-password"], nil),
            (rev, "DELETE", "/api/accounts/Ali", nil, nil),
        ]
        for (member, method, path, json, body) in refused {
            let reply = try await server.request(method, path, as: member, json: json, body: body)
            #expect(reply.status == 403, "\(member.name) \(method) \(path) answered \(reply.status)")
        }
        let noToken = try await server.request("PUT", "/api/units/1.2/rendering", json: ["text": "No token."],
                                               headers: ["Cookie": ali.cookie], withToken: false)
        #expect(noToken.status == 403)
        let otherToken = try await server.request("PUT", "/api/units/1.2/rendering", json: ["text": "Rev's token."],
                                                  headers: ["Cookie": ali.cookie, "X-Tarjuman-Token": rev.token], withToken: false)
        #expect(otherToken.status == 403)
        #expect(try databaseState(fixture) == before)

        let mona = try await server.login("Mona", "mona-password")
        #expect(try await server.request("PUT", "/api/documents/1/assignee", as: mona, json: ["name": "Ali"]).status == 200)
        #expect(try await server.request("POST", "/api/glossary", as: mona, json: term).status == 201)
        let accounts = try await server.request("GET", "/api/accounts", as: ali)
        #expect(accounts.array.compactMap { $0["name"] as? String } == ["Ali", "Mona", "Rev", "Sara"])
    }

    @Test("Work is credited to the logged-in account; a rejection's comment reaches the translator; approved units are the reviewer's")
    func reviewStates() async throws {
        let fixture = try teamFixture()
        let server = try EditorProcess(database: fixture.database, in: fixture.directory)
        defer { _ = server.stop() }
        let ali = try await server.login("Ali", "ali-password")
        let rev = try await server.login("Rev", "rev-password")

        let saved = try await server.request("PUT", "/api/units/1.2/rendering", as: ali,
                                             json: ["text": "This came in a statement.", "status": "translated", "translator": "Somebody Else"])
        #expect(saved.status == 200)
        let first = try #require(saved.object["rendering"] as? [String: Any])
        #expect(first["translator"] as? String == "Ali")
        #expect(first["status"] as? String == "translated")
        #expect((saved.object["document"] as? [String: Any])?["translated"] as? Int == 1)

        let bare = try await server.request("POST", "/api/units/1.2/review", as: rev, json: ["verdict": "reject", "base": first["id"]!])
        #expect(bare.status == 400)
        let rejected = try await server.request("POST", "/api/units/1.2/review", as: rev,
                                                json: ["verdict": "reject", "base": first["id"]!, "comment": "Name both movements."])
        #expect(rejected.status == 200)
        let rejection = try #require(rejected.object["rendering"] as? [String: Any])
        #expect(rejection["status"] as? String == "rejected")
        #expect(rejection["reviewer"] as? String == "Rev")
        #expect(rejection["translator"] as? String == "Ali")

        let seen = try await server.request("GET", "/api/documents/1", as: ali)
        let unit = try #require((seen.object["units"] as? [[String: Any]])?.first { $0["id"] as? String == "1.2" })
        let current = try #require(unit["rendering"] as? [String: Any])
        #expect(current["comment"] as? String == "Name both movements.")
        #expect(current["status"] as? String == "rejected")

        let fixed = try await server.request("PUT", "/api/units/1.2/rendering", as: ali,
                                             json: ["text": "Hamas and Islamic Jihad said this.", "status": "translated", "base": rejection["id"]!])
        let fix = try #require(fixed.object["rendering"] as? [String: Any])
        let approved = try await server.request("POST", "/api/units/1.2/review", as: rev, json: ["verdict": "approve", "base": fix["id"]!])
        let approval = try #require(approved.object["rendering"] as? [String: Any])
        #expect(approval["status"] as? String == "approved")

        let over = try await server.request("PUT", "/api/units/1.2/rendering", as: ali,
                                            json: ["text": "A later change.", "status": "draft", "base": approval["id"]!])
        #expect(over.status == 403)
        let byReviewer = try await server.request("PUT", "/api/units/1.2/rendering", as: rev,
                                                  json: ["text": "Hamas and Islamic Jihad said so.", "status": "approved", "base": approval["id"]!])
        #expect(byReviewer.status == 200)
        #expect((byReviewer.object["rendering"] as? [String: Any])?["translator"] as? String == "Rev")

        let activity = try await server.request("GET", "/api/documents/1/activity", as: ali)
        #expect(activity.array.compactMap { $0["actor"] as? String } == ["Rev", "Rev", "Ali", "Rev", "Ali"])
        let show = try run(["show", "1.2", "--db", fixture.database], in: fixture.directory)
        #expect(show.stdout.contains("rejected by Rev (translation by Ali) [review]"))
        #expect(show.stdout.contains("comment: Name both movements."))
    }

    @Test("Two translators on one unit: the second save is refused with the first, both kept; the other's save shows in the activity poll")
    func concurrentSaves() async throws {
        let fixture = try teamFixture()
        let server = try EditorProcess(database: fixture.database, in: fixture.directory)
        defer { _ = server.stop() }
        let ali = try await server.login("Ali", "ali-password")
        let sara = try await server.login("Sara", "sara-password")

        let opened = try await server.request("GET", "/api/documents/1", as: sara)
        let latest = try #require(opened.object["latest"] as? Int)

        let alis = try await server.request("PUT", "/api/units/1.3/rendering", as: ali, json: ["text": "Ali's rendering."])
        #expect(alis.status == 200)
        let crossed = try await server.request("PUT", "/api/units/1.3/rendering", as: sara, json: ["text": "Sara's rendering."])
        #expect(crossed.status == 409)
        #expect((crossed.object["current"] as? [String: Any])?["translator"] as? String == "Ali")

        let poll = try await server.request("GET", "/api/documents/1/activity?after=\(latest)", as: sara)
        #expect(poll.array.count == 1)
        #expect(poll.array.first?["actor"] as? String == "Ali")
        #expect(poll.array.first?["unit"] as? String == "1.3")
        let base = try #require((crossed.object["current"] as? [String: Any])?["id"] as? Int)
        let again = try await server.request("PUT", "/api/units/1.3/rendering", as: sara, json: ["text": "Sara's rendering.", "base": base])
        #expect(again.status == 200)
        let history = try run(["show", "1.3", "--db", fixture.database], in: fixture.directory).stdout
        #expect(history.contains("by Ali"))
        #expect(history.contains("by Sara"))
    }

    @Test("Sessions and work survive a restart of the server")
    func restart() async throws {
        let fixture = try teamFixture()
        var server = try EditorProcess(database: fixture.database, in: fixture.directory)
        let ali = try await server.login("Ali", "ali-password")
        #expect(try await server.request("PUT", "/api/units/1.4/rendering", as: ali, json: ["text": "Kept."]).status == 200)
        _ = server.stop()
        server = try EditorProcess(database: fixture.database, in: fixture.directory)
        defer { _ = server.stop() }
        let unit = try await server.request("GET", "/api/units/1.4", as: ali)
        #expect(unit.status == 200)
        #expect((unit.object["current"] as? [String: Any])?["text"] as? String == "Kept.")
        #expect(try await server.request("PUT", "/api/units/1.5/rendering", as: ali, json: ["text": "After the restart."]).status == 200)
    }

    @Test("user add, list, passwd and remove; bad input gives one line and a non-zero exit")
    func userCommands() throws {
        let directory = try freshDirectory()
        let db = directory.appendingPathComponent("team.sqlite").path
        let environment = ["TARJUMAN_BCRYPT_COST": "4"]
        let added = try run(["user", "add", "Mona", "--role", "admin", "--password-stdin", "--db", db], in: directory,
                            input: Data("mona-password\n".utf8), environment: environment)
        #expect(added.status == 0)
        #expect(added.stdout == "account 'Mona' added as admin\n")
        let short = try run(["user", "add", "Ali", "--role", "translator", "--password-stdin", "--db", db], in: directory,
                            input: Data("short\n".utf8), environment: environment)
        #expect(short.status == 1)
        #expect(short.stderr.contains("at least 8 characters"))
        let twice = try run(["user", "add", "mona", "--role", "translator", "--password-stdin", "--db", db], in: directory,
                            input: Data("mona-password\n".utf8), environment: environment)
        #expect(twice.status == 1)
        #expect(twice.stderr.contains("exists already"))
        let noStdin = try run(["user", "add", "Ali", "--role", "translator", "--db", db], in: directory, input: Data())
        #expect(noStdin.status != 0)
        #expect(noStdin.stderr.contains("--password-stdin"))
        let listed = try run(["user", "list", "--json", "--db", db], in: directory)
        let accounts = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]]
        #expect(accounts?.map { $0["role"] as? String } == ["admin"])
        #expect(try run(["user", "passwd", "Mona", "--password-stdin", "--db", db], in: directory,
                        input: Data("new-password\n".utf8), environment: environment).status == 0)
        #expect(try run(["user", "remove", "Nobody", "--yes", "--db", db], in: directory).stderr.contains("no account is named 'Nobody'"))
        #expect(try run(["user", "remove", "Mona", "--yes", "--db", db], in: directory).status == 0)
        #expect(try run(["user", "list", "--db", db], in: directory).stdout.contains("no accounts"))
    }
}

/// This machine's first IPv4 address that is not loopback, if it has one.
let outsideAddress: String? = {
    guard let output = try? runProcess("/usr/bin/env", ["hostname", "-I"]).output else { return nil }
    return output.split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        .first { !$0.isEmpty && !$0.contains(":") && !$0.hasPrefix("127.") }
}()

@Suite("tarjuman serve with accounts, over the network")
struct TeamNetworkTests {
    /// Logs in as Ali at `host` (the server's port), with `headers`; the status and the cookie.
    func login(_ server: EditorProcess, host: String, headers: [String: String] = [:]) async throws -> (Int, String) {
        var request = URLRequest(url: URL(string: "http://\(host):\(server.port)/api/login")!)
        request.httpMethod = "POST"
        request.httpBody = Data(#"{"name": "Ali", "password": "ali-password"}"#.utf8)
        request.setValue("http://\(host):\(server.port)", forHTTPHeaderField: "Origin")
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpShouldSetCookies = false
        let (_, response) = try await URLSession(configuration: configuration).data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        return (http.statusCode, http.value(forHTTPHeaderField: "Set-Cookie") ?? "")
    }

    @Test("No session cookie over plain HTTP to another machine, unless --insecure-http; through an https proxy it is Secure",
          .enabled(if: outsideAddress != nil, "this machine has no address but loopback; skipping"))
    func plainHTTP() async throws {
        let fixture = try teamFixture()
        let address = try #require(outsideAddress)
        do {
            let server = try EditorProcess(database: fixture.database, arguments: ["--host", "0.0.0.0"], in: fixture.directory)
            defer { _ = server.stop() }
            #expect(try await login(server, host: address).0 == 403)
            let local = try await login(server, host: "127.0.0.1")
            #expect(local.0 == 200)
            #expect(!local.1.contains("Secure"))
            // A proxy on this machine forwarding plain HTTP from elsewhere is refused; over TLS the cookie is Secure.
            #expect(try await login(server, host: "127.0.0.1", headers: ["X-Forwarded-For": "203.0.113.9"]).0 == 403)
            let proxied = try await login(server, host: "127.0.0.1", headers: ["X-Forwarded-For": "203.0.113.9", "X-Forwarded-Proto": "https"])
            #expect(proxied.0 == 200)
            #expect(proxied.1.contains("Secure"))
            let stopped = server.stop()
            #expect(stopped.stderr.contains("logins from other machines need TLS in front"))
        }
        let insecure = try EditorProcess(database: fixture.database, arguments: ["--host", "0.0.0.0", "--insecure-http"], in: fixture.directory)
        defer { _ = insecure.stop() }
        #expect(try await login(insecure, host: address).0 == 200)
    }

    @Test("--public-url: changes from the proxy's https origin are accepted, other origins refused")
    func publicURL() async throws {
        let fixture = try teamFixture()
        let server = try EditorProcess(database: fixture.database, arguments: ["--public-url", "https://Tarjuman.example.org/editor"], in: fixture.directory)
        defer { _ = server.stop() }
        let ali = try await server.login("Ali", "ali-password")
        let fromProxy = try await server.request("PUT", "/api/units/1.2/rendering", as: ali, json: ["text": "Through the proxy."],
                                                 headers: ["Origin": "https://tarjuman.example.org"])
        #expect(fromProxy.status == 200)
        let elsewhere = try await server.request("PUT", "/api/units/1.3/rendering", as: ali, json: ["text": "From elsewhere."],
                                                 headers: ["Origin": "https://evil.example"])
        #expect(elsewhere.status == 403)
        let bad = try run(["serve", "--public-url", "tarjuman.example.org", "--db", fixture.database], in: fixture.directory)
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("--public-url must be an address"))
    }
}
