import Foundation
import Testing

/// A database with the sample, the shipped news glossary and one memory pair close to the
/// sample's last sentence, in a fresh directory.
func editorFixture() throws -> (directory: URL, database: String) {
    let directory = try freshDirectory()
    let database = directory.appendingPathComponent("editor.sqlite").path
    let memory = directory.appendingPathComponent("memory.tsv")
    try "source\ttarget\nيذكر أنه سيصدر بيان مشترك عقب الاجتماع بين حركتي فتح وحماس.\tA joint statement will be issued after the meeting between Fatah and Hamas.\n"
        .write(to: memory, atomically: true, encoding: .utf8)
    for arguments in [["import", sample], ["import", memory.path],
                      ["glossary", "import", packageRoot.appendingPathComponent("Glossaries/news-politics.ar-en.tsv").path]] {
        let result = try run(arguments + ["--db", database], in: directory)
        guard result.status == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: result.stderr]) }
    }
    return (directory, database)
}

@Suite("tarjuman serve")
struct ServeCommandTests {
    @Test("The API lists documents and units, saves renderings, answers a crossed save with 409 and keeps both in the history")
    func saveAndConflict() async throws {
        let fixture = try editorFixture()
        let server = try EditorProcess(database: fixture.database, in: fixture.directory)
        defer { _ = server.stop() }
        try await server.openSession()

        let documents = try await server.request("GET", "/api/documents")
        #expect(documents.status == 200)
        #expect(documents.array.first?["name"] as? String == "000_d30af9c42a70480b.txt")
        #expect(documents.array.first?["units"] as? Int == 12)

        let editor = try await server.request("GET", "/api/documents/1")
        let units = try #require(editor.object["units"] as? [[String: Any]])
        #expect(units.count == 12)
        let second = units[1]
        let pieces = try #require(second["pieces"] as? [[String: Any]])
        let marked = pieces.filter { $0["mark"] != nil }.compactMap { $0["text"] as? String }
        #expect(marked.contains("حركتي حماس"))
        #expect(marked.contains("والجهاد الإسلامي"))
        #expect(pieces.compactMap { $0["text"] as? String }.joined() == second["source"] as? String)

        let first = try await server.request("PUT", "/api/units/1.2/rendering",
                                             json: ["text": "This came in a statement.", "status": "draft", "translator": "Sara"])
        #expect(first.status == 200)
        #expect(first.object["changed"] as? Bool == true)
        let firstID = try #require((first.object["rendering"] as? [String: Any])?["id"] as? Int)
        #expect((first.object["document"] as? [String: Any])?["rendered"] as? Int == 1)
        let findings = try #require(first.object["findings"] as? [[String: Any]])
        #expect(findings.contains { $0["check"] as? String == "glossary-missing" })

        let crossed = try await server.request("PUT", "/api/units/1.2/rendering",
                                               json: ["text": "This came in a joint statement.", "status": "draft", "translator": "Omar"])
        #expect(crossed.status == 409)
        #expect((crossed.object["current"] as? [String: Any])?["text"] as? String == "This came in a statement.")
        #expect((crossed.object["error"] as? String)?.contains("changed by someone else") == true)

        let resaved = try await server.request("PUT", "/api/units/1.2/rendering",
                                               json: ["text": "This came in a joint statement.", "status": "approved", "translator": "Omar", "base": firstID])
        #expect(resaved.status == 200)
        let unit = try await server.request("GET", "/api/units/1.2")
        let history = try #require(unit.object["history"] as? [[String: Any]])
        #expect(history.compactMap { $0["text"] as? String } == ["This came in a joint statement.", "This came in a statement."])
        #expect(history.compactMap { $0["translator"] as? String } == ["Omar", "Sara"])
        #expect((unit.object["current"] as? [String: Any])?["status"] as? String == "approved")

        let shown = try run(["show", "1.2", "--db", fixture.database], in: fixture.directory)
        #expect(shown.stdout.contains("This came in a joint statement."))
    }

    @Test("Unit glossary, memory matches, findings, concordance and glossary edits")
    func lookups() async throws {
        let fixture = try editorFixture()
        let server = try EditorProcess(database: fixture.database, in: fixture.directory)
        defer { _ = server.stop() }
        try await server.openSession()

        let terms = try await server.request("GET", "/api/units/1.3/glossary")
        #expect(terms.status == 200)
        let english = terms.array.compactMap { $0["english"] as? String }
        #expect(english.contains("al-Qassam Brigades"))
        #expect(terms.array.contains { $0["surface"] as? String == "القســـــام" || ($0["surface"] as? String)?.contains("القســـــام") == true })

        let matches = try await server.request("GET", "/api/units/1.12/matches?min=50")
        #expect(matches.status == 200)
        let best = try #require(matches.array.first)
        #expect(best["target"] as? String == "A joint statement will be issued after the meeting between Fatah and Hamas.")
        let score = try #require(best["score"] as? Int)
        #expect(score >= 80 && score < 100)

        let added = try await server.request("POST", "/api/glossary",
                                             json: ["arabic": "منجز وطني", "english": "national achievement", "note": "as the factions use it"])
        #expect(added.status == 201)
        let id = try #require(added.object["id"] as? Int)
        let edited = try await server.request("PUT", "/api/glossary/\(id)",
                                              json: ["arabic": "منجز وطني", "english": "national accomplishment", "forbidden": ["national gain"]])
        #expect(edited.status == 200)
        #expect(edited.object["english"] as? String == "national accomplishment")
        let search = try await server.request("GET", "/api/glossary?q=" + "منجز".addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!)
        #expect(search.array.compactMap { $0["english"] as? String } == ["national accomplishment"])
        let lookup = try await server.request("GET", "/api/glossary/lookup?text=" + "وأكد أن الغرفة منجزٌ وطنيّ كبير".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
        #expect(lookup.array.compactMap { $0["english"] as? String } == ["national accomplishment"])
        #expect(lookup.array.first?["start"] as? Int == 15)
        #expect(lookup.array.first?["surface"] as? String == "منجزٌ وطنيّ")

        _ = try await server.request("PUT", "/api/units/1.1/rendering", json: ["text": "Hamas and Islamic Jihad said resistance is their choice."])
        let concordance = try await server.request("GET", "/api/concordance?term=" + "حماس".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
        #expect(concordance.status == 200)
        #expect(concordance.object["total"] as? Int ?? 0 >= 3)
        let renderings = try #require(concordance.object["renderings"] as? [[String: Any]])
        #expect(!renderings.isEmpty)
        // The fixture's import trained the word aligner: each rendering marks the words that render the term.
        #expect(concordance.object["renderingsFrom"] as? String == "word alignment")
        let lines = try #require(concordance.object["lines"] as? [[String: Any]])
        let marked = lines.compactMap { $0["renderingPieces"] as? [[String: Any]] }.flatMap { $0 }.filter { $0["mark"] is Int }
        #expect(marked.contains { $0["text"] as? String == "Hamas" }, "\(lines)")

        let documentFindings = try await server.request("GET", "/api/documents/1/findings")
        #expect(documentFindings.status == 200)
        #expect(documentFindings.array.contains { ($0["units"] as? [String])?.contains("1.1") == true })
    }

    @Test("Bad requests get JSON errors with the right status and change nothing")
    func refusals() async throws {
        let fixture = try editorFixture()
        let server = try EditorProcess(database: fixture.database, in: fixture.directory)
        defer { _ = server.stop() }
        try await server.openSession()
        let save = ["text": "Hamas said."]

        let unknown = try await server.request("GET", "/api/units/9.9")
        #expect(unknown.status == 404)
        #expect((unknown.object["error"] as? String)?.isEmpty == false)
        #expect(unknown.header("Content-Type")?.hasPrefix("application/json") == true)
        #expect(try await server.request("GET", "/api/units/abc").status == 400)
        #expect(try await server.request("GET", "/api/documents/7").status == 404)
        #expect(try await server.request("PUT", "/api/units/1.2/rendering", body: Data("{\"text\":".utf8)).status == 400)
        #expect(try await server.request("PUT", "/api/units/1.2/rendering", json: ["text": "x", "status": "final"]).status == 400)
        #expect(try await server.request("PUT", "/api/units/1.2/rendering", json: ["text": "   "]).status == 400)
        #expect(try await server.request("PUT", "/api/units/1.2/rendering", json: save, withToken: false).status == 403)
        #expect(try await server.request("PUT", "/api/units/1.2/rendering", json: save, headers: ["X-Tarjuman-Token": "guess"]).status == 403)
        let foreign = try await server.request("PUT", "/api/units/1.2/rendering", json: save, headers: ["Origin": "http://evil.example"])
        #expect(foreign.status == 403)
        #expect((foreign.object["error"] as? String)?.contains("evil.example") == true)
        let rebound = try await server.request("GET", "/api/documents", headers: ["Host": "evil.example:\(server.port)"])
        #expect(rebound.status == 421)
        #expect(try await server.request("POST", "/api/glossary", json: ["arabic": "Hamas", "english": "حماس"]).status == 400)
        #expect(try await server.request("DELETE", "/api/glossary/9999").status == 404)
        #expect(try await server.request("GET", "/api/export?format=docx").status == 400)
        let oversize = try await server.request("POST", "/api/documents?name=big.txt", body: Data(repeating: 0x61, count: 11 * 1_048_576))
        #expect(oversize.status == 413)
        #expect(try await server.request("POST", "/api/documents?name=empty.txt", body: Data()).status == 400)
        #expect(try await server.request("POST", "/api/documents?name=bad.txt", body: Data([0xD8, 0x20, 0xFF])).status == 400)

        let units = try run(["units", "--db", fixture.database], in: fixture.directory)
        #expect(!units.stdout.contains("Hamas said."))
        let documents = try run(["documents", "--db", fixture.database], in: fixture.directory)
        #expect(lines(documents.stdout).filter { $0.contains(".txt") }.count == 1)
    }

    @Test("Upload imports a document; TMX and XLIFF come back as downloads that import elsewhere")
    func uploadAndExport() async throws {
        let fixture = try editorFixture()
        let server = try EditorProcess(database: fixture.database, in: fixture.directory)
        defer { _ = server.stop() }
        try await server.openSession()

        let text = "قال د. أحمد إن حماس وافقت. وأضاف أن الاتفاق صامد؟\n\n<img src=x onerror=alert(1)> قالت الحركة."
        let upload = try await server.request("POST", "/api/documents?name=" + "خبر.txt".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!,
                                              body: Data(text.utf8))
        #expect(upload.status == 201)
        #expect(upload.array.first?["unitCount"] as? Int == 3)
        #expect(upload.array.first?["name"] as? String == "خبر.txt")
        let document = try #require(upload.array.first?["document"] as? Int)
        _ = try await server.request("PUT", "/api/units/\(document).1/rendering",
                                     json: ["text": "Dr. Ahmed said Hamas agreed.", "status": "approved"])

        let tmx = try await server.request("GET", "/api/export?format=tmx&document=\(document)")
        #expect(tmx.status == 200)
        #expect(tmx.header("Content-Disposition")?.contains("attachment") == true)
        #expect(tmx.header("Content-Type")?.hasPrefix("application/x-tmx+xml") == true)
        #expect(tmx.text.contains("<seg>Dr. Ahmed said Hamas agreed.</seg>"))
        #expect(!tmx.text.contains("This came"))

        let xliff = try await server.request("GET", "/api/export?format=xliff&document=\(document)")
        #expect(xliff.status == 200)
        #expect(xliff.text.contains("&lt;img src=x onerror=alert(1)&gt;"))

        let other = try freshDirectory()
        let file = other.appendingPathComponent("download.tmx")
        try tmx.data.write(to: file)
        let imported = try run(["import", file.path, "--db", other.appendingPathComponent("other.sqlite").path], in: other)
        #expect(imported.status == 0)
        let units = try run(["units", "--memory", "download.tmx", "--db", other.appendingPathComponent("other.sqlite").path], in: other)
        #expect(units.stdout.contains("Dr. Ahmed said Hamas agreed."))
    }

    @Test("Pretranslate fills a document's unrendered units from memories; suggestions say which memory")
    func pretranslate() async throws {
        let fixture = try editorFixture()
        let exact = fixture.directory.appendingPathComponent("exact.tsv")
        try "يذكر أنه سيصدر بيان مشترك عقب الاجتماع بين حركتي الجهاد وحماس.\tA joint statement will follow.\n".write(to: exact, atomically: true, encoding: .utf8)
        #expect(try run(["import", exact.path, "--memory", "desk", "--db", fixture.database], in: fixture.directory).status == 0)
        let server = try EditorProcess(database: fixture.database, in: fixture.directory)
        defer { _ = server.stop() }
        try await server.openSession()
        let suggestions = try await server.request("GET", "/api/units/1.12/matches?min=50")
        #expect(suggestions.array.first?["memory"] as? String == "desk")
        let filled = try await server.request("POST", "/api/documents/1/pretranslate")
        #expect(filled.status == 200)
        #expect(filled.object["filled"] as? Int == 1)
        #expect(filled.object["unrendered"] as? Int == 12)
        let units = try #require(try await server.request("GET", "/api/documents/1").object["units"] as? [[String: Any]])
        let last = try #require(units.last?["rendering"] as? [String: Any])
        #expect(last["text"] as? String == "A joint statement will follow.")
        #expect(last["status"] as? String == "draft")
        #expect(try await server.request("POST", "/api/documents/1/pretranslate?min=0").status == 400)
        #expect(try await server.request("POST", "/api/documents/1/pretranslate?memory=none").status == 404)
    }

    @Test("Pages and assets come from the binary with a strict content security policy")
    func pages() async throws {
        let fixture = try editorFixture()
        let server = try EditorProcess(database: fixture.database, in: fixture.directory)
        defer { _ = server.stop() }
        for path in ["/", "/documents/1", "/glossary"] {
            let page = try await server.request("GET", path)
            #expect(page.status == 200)
            #expect(page.header("Content-Type")?.hasPrefix("text/html") == true)
            #expect(page.text.contains("<script src=\"/assets/app.js\""))
            #expect(page.header("Content-Security-Policy")?.contains("default-src 'self'") == true)
            #expect(page.header("X-Frame-Options") == "DENY")
        }
        let script = try await server.request("GET", "/assets/app.js")
        #expect(script.header("Content-Type")?.hasPrefix("text/javascript") == true)
        #expect(!script.text.contains("innerHTML"))
        let assets = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/TarjumanServer/Assets")
        #expect(script.text == (try String(contentsOf: assets.appendingPathComponent("app.js"), encoding: .utf8)))
        let etag = try #require(script.header("ETag"))
        let unchanged = try await server.request("GET", "/assets/app.js", headers: ["If-None-Match": etag])
        #expect(unchanged.status == 304)
        #expect(unchanged.data.isEmpty)
        #expect(try await server.request("GET", "/assets/app.js", headers: ["If-None-Match": "\"other\""]).status == 200)
        let style = try await server.request("GET", "/assets/style.css")
        #expect(style.text.contains("direction: rtl") || style.text.contains("[dir=\"rtl\"]") || style.text.contains(".ar"))
        #expect(!style.text.contains("http"))
        let missing = try await server.request("GET", "/api/nothing-here")
        #expect(missing.status == 404)
        #expect(missing.header("Content-Security-Policy")?.contains("default-src 'self'") == true)
        #expect(missing.header("X-Content-Type-Options") == "nosniff")
        #expect(try await server.request("GET", "/nothing-here").status == 404)
    }

    @Test("It logs one line per request on standard error and stops on Ctrl-C with status 0")
    func logsAndStops() async throws {
        let fixture = try editorFixture()
        let server = try EditorProcess(database: fixture.database, in: fixture.directory)
        _ = try await server.request("GET", "/api/documents")
        _ = try await server.request("GET", "/api/units/9.9")
        let stopped = server.stop()
        #expect(stopped.status == 0)
        #expect(stopped.stdout.contains("stopped"))
        let logged = lines(stopped.stderr).filter { $0.contains("/api/") }
        #expect(logged.count == 2)
        #expect(logged.first?.contains("GET /api/documents 200") == true)
        #expect(logged.last?.contains("GET /api/units/9.9 404") == true)
    }

    @Test("Listening beyond loopback needs --host and warns; a database that is not one is refused")
    func hostWarningAndBadDatabase() async throws {
        let fixture = try editorFixture()
        let server = try EditorProcess(database: fixture.database, arguments: ["--host", "0.0.0.0"], in: fixture.directory)
        let stopped = server.stop()
        #expect(stopped.stderr.contains("warning: listening on 0.0.0.0"))

        let notADatabase = fixture.directory.appendingPathComponent("notes.sqlite")
        try "not a database".write(to: notADatabase, atomically: true, encoding: .utf8)
        let refused = try run(["serve", "--db", notADatabase.path, "--port", "0"], in: fixture.directory)
        #expect(refused.status != 0)
        #expect(lines(refused.stderr).count == 1)
        #expect(try run(["serve", "--port", "70000"], in: fixture.directory).status != 0)
    }

    @Test("A missing database is refused unless --create; a busy port is said in one line")
    func missingDatabaseAndBusyPort() async throws {
        let fixture = try editorFixture()
        let missing = fixture.directory.appendingPathComponent("missing.sqlite")
        let refused = try run(["serve", "--db", missing.path, "--port", "0"], in: fixture.directory)
        #expect(refused.status != 0)
        #expect(lines(refused.stderr).count == 1 && refused.stderr.contains("no database here"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: missing.path))

        let created = try EditorProcess(database: missing.path, arguments: ["--create"], in: fixture.directory)
        #expect(FileManager.default.fileExists(atPath: missing.path))
        let busy = try run(["serve", "--db", fixture.database, "--port", String(created.port)], in: fixture.directory)
        _ = created.stop()
        #expect(busy.status != 0)
        #expect(lines(busy.stderr).count == 1, "\(busy.stderr)")
        #expect(busy.stderr.contains("port \(created.port) on 127.0.0.1 is in use"), "\(busy.stderr)")
    }
}
