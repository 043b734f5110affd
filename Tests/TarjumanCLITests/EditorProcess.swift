import Foundation
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A `tarjuman serve` process on a free loopback port, and requests to it.
final class EditorProcess: @unchecked Sendable {
    struct Reply {
        let status: Int
        let data: Data
        let headers: [String: String]

        var text: String { String(decoding: data, as: UTF8.self) }
        var json: Any? { try? JSONSerialization.jsonObject(with: data) }
        var object: [String: Any] { json as? [String: Any] ?? [:] }
        var array: [[String: Any]] { json as? [[String: Any]] ?? [] }
        func header(_ name: String) -> String? { headers.first { $0.key.lowercased() == name.lowercased() }?.value }
    }

    let process = Process()
    let base: URL
    let port: Int
    private let stdout = Pipe(), stderr = Pipe()
    private let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        return URLSession(configuration: configuration)
    }()
    private(set) var token = ""

    /// A logged-in member: the session cookie and the token its changes carry.
    struct Member {
        let name: String
        let cookie: String
        let token: String
    }

    /// Starts `tarjuman serve --port 0` on `database` (plus `arguments`) and waits for its address.
    init(database: String, arguments: [String] = [], in directory: URL) throws {
        process.executableURL = try tarjumanBinary()
        process.arguments = ["serve", "--db", database, "--port", "0"] + arguments
        process.currentDirectoryURL = directory
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        var printed = Data()
        while !printed.contains(UInt8(ascii: "\n")) {
            let chunk = stdout.fileHandleForReading.availableData
            if chunk.isEmpty {
                process.waitUntilExit()
                let message = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "serve exited: \(message)"])
            }
            printed.append(chunk)
        }
        let line = String(decoding: printed, as: UTF8.self)
        guard let range = line.range(of: #"http://[^/ ]+:(\d+)/"#, options: .regularExpression),
              let url = URL(string: String(line[range])), let port = url.port else {
            process.terminate()
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "no address in '\(line)'"])
        }
        self.base = url
        self.port = port
    }

    /// Fetches the session token that changes must carry.
    func openSession() async throws {
        token = try #require(await request("GET", "/api/session").object["token"] as? String)
    }

    /// Logs in as `name`; fails the test when the server refuses.
    func login(_ name: String, _ password: String) async throws -> Member {
        let reply = try await request("POST", "/api/login", json: ["name": name, "password": password], headers: ["Origin": origin])
        try #require(reply.status == 200, "login of \(name) answered \(reply.status): \(reply.text)")
        let cookie = try #require(reply.header("Set-Cookie")?.split(separator: ";").first.map(String.init))
        let token = try #require(reply.object["token"] as? String)
        return Member(name: name, cookie: cookie, token: token)
    }

    /// The origin of the editor's own pages.
    var origin: String { "http://127.0.0.1:\(port)" }

    /// A request as `member`: with its cookie and, for changes, its token.
    func request(_ method: String, _ path: String, as member: Member, json: Any? = nil, body: Data? = nil,
                 headers: [String: String] = [:]) async throws -> Reply {
        var headers = headers
        headers["Cookie"] = member.cookie
        if method != "GET" { headers["X-Tarjuman-Token"] = member.token }
        return try await request(method, path, json: json, body: body, headers: headers, withToken: false)
    }

    func request(_ method: String, _ path: String, json: Any? = nil, body: Data? = nil,
                 headers: [String: String] = [:], withToken: Bool = true) async throws -> Reply {
        var request = URLRequest(url: URL(string: path, relativeTo: base)!)
        request.httpMethod = method
        if let json {
            request.httpBody = try JSONSerialization.data(withJSONObject: json)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        } else if let body {
            request.httpBody = body
        }
        if withToken, !token.isEmpty, method != "GET" { request.setValue(token, forHTTPHeaderField: "X-Tarjuman-Token") }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await session.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        var fields: [String: String] = [:]
        for (name, value) in http.allHeaderFields { fields["\(name)"] = "\(value)" }
        return Reply(status: http.statusCode, data: data, headers: fields)
    }

    /// Sends Ctrl-C and returns the exit status and what the server printed.
    func stop() -> (status: Int32, stdout: String, stderr: String) {
        kill(process.processIdentifier, SIGINT)
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }

    deinit {
        if process.isRunning { process.terminate() }
    }
}
