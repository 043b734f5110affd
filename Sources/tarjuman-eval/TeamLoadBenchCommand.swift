import ArgumentParser
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GRDB
import TarjumanCore

struct TeamLoadBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-team",
        abstract: "Load on the team editor: concurrent simulated editors log in, open a document, save and approve.",
        discussion: """
            Build with -c release. Makes a document of --editors × --units sentences (the seed's, numbered), one
            account per editor (every --reviewer-every-th a reviewer, the others translators), starts the tarjuman
            binary beside this one as `serve` on a free loopback port, and runs every editor for --seconds: each
            logs in, opens the document, then saves its own units one after another, --pause seconds apart (translators mark them
            translated, reviewers save them approved), every tenth save goes to a unit all translators share
            (crossed saves answer 409 and are saved again over the newer rendering), and the page's 3-second
            activity poll runs beside. Prints the answers by status, save latency percentiles, and the saves
            lost: answered 200 but missing from the database afterwards.
            """
    )

    @Option(help: "Simulated editors at once.")
    var editors = 50

    @Option(help: "How long they work, in seconds.")
    var seconds = 60.0

    @Option(help: "Units each editor owns.")
    var units = 20

    @Option(help: "Seconds each editor waits between saves (a translator at work saves a sentence every half minute or so).")
    var pause = 1.0

    @Option(help: "Every how many editors one is a reviewer.")
    var reviewerEvery = 5

    @Option(help: "The Arabic text whose sentences fill the document.")
    var source = "seeds/000_d30af9c42a70480b.txt"

    func run() async throws {
        let folder = try benchmarkFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tarjuman = ChildProcess.binary("tarjuman")
        let database = folder.appendingPathComponent("team.sqlite").path
        let sentences = try SentenceSegmenter().segment(try SourceText(contentsOf: source).text).map(\.text)
        let shared = 10
        let lines = (0 ..< editors * units + shared).map { "\(sentences[$0 % sentences.count]) (البند \($0 + 1))" }
        let document = folder.appendingPathComponent("load.txt")
        try lines.joined(separator: "\n").write(to: document, atomically: true, encoding: .utf8)
        _ = try ChildProcess.run(tarjuman, ["import", document.path, "--db", database, "--paragraphs", "lines"])
        let setupStart = DispatchTime.now().uptimeNanoseconds
        for index in 0 ..< editors {
            try Self.runWithInput(tarjuman, ["user", "add", "editor\(index)", "--role", role(index), "--password-stdin", "--db", database],
                                  input: "password-\(index)\n")
        }
        print("\(editors) accounts (bcrypt cost \(PasswordHash.defaultCost)) in \(format2(Double(DispatchTime.now().uptimeNanoseconds - setupStart) / 1e9)) s; document of \(lines.count) units")

        let server = try ServerProcess(binary: tarjuman, database: database)
        defer { server.stop() }
        let team = (0 ..< editors).map { index in
            SimulatedEditor(index: index, base: server.base, reviewer: role(index) == "reviewer", pause: pause,
                            owned: (index * units ..< (index + 1) * units).map { "1.\($0 + 1)" },
                            shared: (editors * units ..< editors * units + shared).map { "1.\($0 + 1)" })
        }
        // Everyone logs in at once first (bcrypt on 2 cores is the slow part), then the clock starts.
        let loginStart = DispatchTime.now().uptimeNanoseconds
        let logins = await withTaskGroup(of: (Int, SimulatedEditor.Login?, Double).self) { group in
            for editor in team {
                group.addTask {
                    let start = DispatchTime.now().uptimeNanoseconds
                    let login = try? await editor.logIn()
                    return (editor.index, login, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
                }
            }
            var logins: [Int: (SimulatedEditor.Login?, Double)] = [:]
            for await (index, login, milliseconds) in group { logins[index] = (login, milliseconds) }
            return logins
        }
        let failed = logins.values.filter { $0.0 == nil }.count
        print("\(editors) logins at once in \(format2(Double(DispatchTime.now().uptimeNanoseconds - loginStart) / 1e9)) s: \(Self.percentiles(logins.values.map(\.1))); \(failed) failed")
        let tally = Tally()
        let deadline = Date().addingTimeInterval(seconds)
        let started = DispatchTime.now().uptimeNanoseconds
        await withTaskGroup(of: Void.self) { group in
            for editor in team {
                guard let login = logins[editor.index]?.0 else { continue }
                group.addTask { await editor.work(as: login, until: deadline, tally: tally) }
                group.addTask { await editor.listen(as: login, until: deadline, tally: tally) }
            }
        }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        server.stop()

        let report = tally.report()
        let stored = try Self.storedTexts(database)
        let lost = report.saved.filter { stored[$0.key] != $0.value }.count
        print("\(editors) editors, \(format2(pause)) s between saves, for \(format2(elapsed)) s: \(report.saves) saves (\(format2(Double(report.saves) / elapsed))/s), \(report.polls) activity polls")
        print("answers: " + report.statuses.sorted { $0.key < $1.key }.map { "\($0.key) × \($0.value)" }.joined(separator: ", "))
        let steady = zip(report.startedAt, report.latencies).filter { $0.0 >= 10 }.map(\.1)
        print("save latency after the first 10 s: \(Self.percentiles(steady))")
        print("save latency: \(Self.percentiles(report.latencies)); 5xx: \(report.statuses.filter { $0.key >= 500 }.values.reduce(0, +)); lost saves: \(lost) of \(report.saved.count)")
    }

    func role(_ index: Int) -> String { index % reviewerEvery == reviewerEvery - 1 ? "reviewer" : "translator" }

    func format2(_ value: Double) -> String { String(format: "%.2f", value) }

    static func percentiles(_ milliseconds: [Double]) -> String {
        let sorted = milliseconds.sorted()
        guard !sorted.isEmpty else { return "no saves" }
        func at(_ fraction: Double) -> String { String(format: "%.1f", sorted[min(sorted.count - 1, Int(Double(sorted.count) * fraction))]) }
        return "p50 \(at(0.5)) ms, p95 \(at(0.95)) ms, p99 \(at(0.99)) ms, max \(String(format: "%.1f", sorted.last ?? 0)) ms"
    }

    /// Every rendering's text by id, read after the server stopped.
    static func storedTexts(_ path: String) throws -> [Int64: String] {
        let queue = try DatabaseQueue(path: path)
        return try queue.read { db in
            try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT id, text FROM rendering").map { ($0[0] as Int64, $0[1] as String) })
        }
    }

    static func runWithInput(_ executable: URL, _ arguments: [String], input: String) throws {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let stdin = Pipe()
        process.standardInput = stdin
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ValidationError("\(arguments.joined(separator: " ")) failed") }
    }
}

/// `tarjuman serve` on a free loopback port.
final class ServerProcess: @unchecked Sendable {
    let process = Process()
    let base: URL

    init(binary: URL, database: String) throws {
        process.executableURL = binary
        process.arguments = ["serve", "--db", database, "--port", "0"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        var printed = Data()
        while !printed.contains(UInt8(ascii: "\n")) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { throw ValidationError("tarjuman serve exited") }
            printed.append(chunk)
        }
        let line = String(decoding: printed, as: UTF8.self)
        guard let range = line.range(of: #"http://[^/ ]+:\d+/"#, options: .regularExpression), let url = URL(string: String(line[range])) else {
            throw ValidationError("no address in '\(line)'")
        }
        base = url
    }

    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
    }
}

/// What the editors saw, gathered from all of them.
final class Tally: @unchecked Sendable {
    struct Report {
        var saves = 0
        var polls = 0
        var statuses: [Int: Int] = [:]
        var latencies: [Double] = []
        /// When each save started, seconds into the run, beside its latency.
        var startedAt: [Double] = []
        /// Renderings answered as stored: id → text.
        var saved: [Int64: String] = [:]
    }

    private let lock = NSLock()
    private var state = Report()

    let origin = DispatchTime.now().uptimeNanoseconds

    func save(status: Int, milliseconds: Double, stored: (Int64, String)?) {
        let at = Double(DispatchTime.now().uptimeNanoseconds - origin) / 1e9 - milliseconds / 1000
        lock.withLock {
            state.startedAt.append(at)
            state.saves += 1
            state.statuses[status, default: 0] += 1
            state.latencies.append(milliseconds)
            if let stored { state.saved[stored.0] = stored.1 }
        }
    }

    func poll(status: Int) {
        lock.withLock {
            state.polls += 1
            state.statuses[status, default: 0] += 1
        }
    }

    func report() -> Report { lock.withLock { state } }
}

/// One member of the team in a browser: its own connection, session and units.
struct SimulatedEditor: Sendable {
    let index: Int
    let base: URL
    let reviewer: Bool
    let pause: Double
    let owned: [String]
    let shared: [String]
    let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpShouldSetCookies = false
        configuration.timeoutIntervalForRequest = 30
        return URLSession(configuration: configuration)
    }()

    struct Login {
        let cookie: String
        let token: String
    }

    func request(_ method: String, _ path: String, json: [String: Any]? = nil, login: Login?) async throws -> (Int, [String: Any]) {
        let (status, answer) = try await requestAny(method, path, json: json, login: login)
        return (status, answer as? [String: Any] ?? [:])
    }

    func requestAny(_ method: String, _ path: String, json: [String: Any]? = nil, login: Login?) async throws -> (Int, Any?) {
        var request = URLRequest(url: URL(string: path, relativeTo: base)!)
        request.httpMethod = method
        if let json {
            request.httpBody = try JSONSerialization.data(withJSONObject: json)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        request.setValue(base.absoluteString.trimmingCharacters(in: CharacterSet(charactersIn: "/")), forHTTPHeaderField: "Origin")
        if let login {
            request.setValue(login.cookie, forHTTPHeaderField: "Cookie")
            request.setValue(login.token, forHTTPHeaderField: "X-Tarjuman-Token")
        }
        let (data, response) = try await session.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        return (status, try? JSONSerialization.jsonObject(with: data))
    }

    func logIn() async throws -> Login {
        var request = URLRequest(url: URL(string: "/api/login", relativeTo: base)!)
        request.httpMethod = "POST"
        request.httpBody = try JSONSerialization.data(withJSONObject: ["name": "editor\(index)", "password": "password-\(index)"])
        request.setValue(base.absoluteString.trimmingCharacters(in: CharacterSet(charactersIn: "/")), forHTTPHeaderField: "Origin")
        let (data, response) = try await session.data(for: request)
        let http = response as? HTTPURLResponse
        guard http?.statusCode == 200, let cookie = (http?.value(forHTTPHeaderField: "Set-Cookie"))?.split(separator: ";").first,
              let token = ((try? JSONSerialization.jsonObject(with: data)) as? [String: Any])?["token"] as? String else {
            throw ValidationError("editor\(index) could not log in")
        }
        return Login(cookie: String(cookie), token: token)
    }

    /// Saves units until the deadline, each over the rendering it last saw.
    func work(as login: Login, until deadline: Date, tally: Tally) async {
        var bases: [String: Int64] = [:]
        if let (_, opened) = try? await request("GET", "/api/documents/1", login: login), let list = opened["units"] as? [[String: Any]] {
            for unit in list {
                if let id = unit["id"] as? String, let rendering = unit["rendering"] as? [String: Any], let base = rendering["id"] as? Int64 { bases[id] = base }
            }
        }
        var round = 0
        while Date() < deadline {
            round += 1
            if round > 1, pause > 0 { try? await Task.sleep(nanoseconds: UInt64(pause * 1e9)) }
            let unit = !reviewer && round % 10 == 0 ? shared[(round / 10 + index) % shared.count] : owned[round % owned.count]
            let text = "Editor \(index) renders unit \(unit), round \(round)."
            var body: [String: Any] = ["text": text, "status": reviewer ? "approved" : "translated"]
            if let base = bases[unit] { body["base"] = base }
            for attempt in 0 ..< 3 {
                let start = DispatchTime.now().uptimeNanoseconds
                guard let (status, answer) = try? await request("PUT", "/api/units/\(unit)/rendering", json: body, login: login) else {
                    tally.save(status: 0, milliseconds: 0, stored: nil)
                    break
                }
                let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
                let rendering = answer["rendering"] as? [String: Any]
                let id = rendering?["id"] as? Int64
                tally.save(status: status, milliseconds: milliseconds,
                           stored: status == 200 && answer["changed"] as? Bool == true ? id.map { ($0, text) } : nil)
                if status == 200 {
                    bases[unit] = id
                    break
                }
                guard status == 409, attempt < 2, let current = (answer["current"] as? [String: Any])?["id"] as? Int64 else { break }
                bases[unit] = current
                body["base"] = current
            }
        }
    }

    /// The editor page's poll of what others saved, every 3 seconds.
    func listen(as login: Login, until deadline: Date, tally: Tally) async {
        var after: Int64 = 0
        while Date() < deadline {
            try? await Task.sleep(nanoseconds: 3_000_000_000)
            guard let (status, answer) = try? await requestAny("GET", "/api/documents/1/activity?after=\(after)&limit=200", login: login) else { continue }
            tally.poll(status: status)
            let newest = ((answer as? [[String: Any]])?.first?["rendering"] as? [String: Any])?["id"] as? Int64
            after = max(after, newest ?? after)
        }
    }
}
