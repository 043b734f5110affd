import Foundation
import Testing
@testable import TarjumanCore

@Suite("TMX export")
struct TMXWriterTests {
    func makeMemory() throws -> TranslationStore {
        let store = try makeStore()
        _ = try store.importDocuments([try segmented("قال المتحدث إن الوفد وصل. وعقد الوفد اجتماعا مطولا. ثم غادر الوفد المدينة.", name: "news.txt")])
        let old = Date(timeIntervalSince1970: 1_700_000_000)
        _ = try store.render([RenderingInput(unit: UnitID(document: 1, ordinal: 1), text: "The spokesman said the delegation arrived.")],
                             translator: "sara", status: .draft, origin: "manual", at: old)
        _ = try store.render([RenderingInput(unit: UnitID(document: 1, ordinal: 1), text: "The spokesman said the delegation had arrived.")],
                             translator: "omar", status: .approved, origin: "manual", at: old.addingTimeInterval(3600))
        _ = try store.render([RenderingInput(unit: UnitID(document: 1, ordinal: 2), text: "Talks <long> & \u{0B}tiring\r\n  went on.")],
                             translator: nil, status: .draft, origin: "manual", at: old.addingTimeInterval(7200))
        _ = try store.importPairs([TranslationPair(source: "مرحبا بكم.", target: "Welcome.", translator: "lina", date: old)], name: "tm", origin: "test")
        return store
    }

    func export(_ store: TranslationStore, _ options: ExportOptions = ExportOptions()) throws -> (String, ExportOutcome) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tarjuman-\(UUID().uuidString).tmx")
        defer { try? FileManager.default.removeItem(at: file) }
        let outcome = try TMXWriter(database: store.database).export(to: file.path, options: options, at: Date(timeIntervalSince1970: 1_764_000_000))
        return (try String(contentsOf: file, encoding: .utf8), outcome)
    }

    @Test("Header, one tu per rendered unit with dates, translators, props and both languages")
    func structure() throws {
        let (tmx, outcome) = try export(try makeMemory())
        #expect(outcome.units == 3)
        #expect(tmx.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n<tmx version=\"1.4\">"))
        #expect(tmx.contains("<header creationtool=\"Tarjuman\" creationtoolversion=\"0.1.0\" segtype=\"sentence\" o-tmf=\"Tarjuman\" adminlang=\"en\" srclang=\"ar\" datatype=\"plaintext\" creationdate=\"20251124T160000Z\"/>"))
        #expect(tmx.contains("<tu tuid=\"1.1\" creationdate=\"20231114T221320Z\" creationid=\"sara\" changedate=\"20231114T231320Z\" changeid=\"omar\">"))
        #expect(tmx.contains("<prop type=\"x-document\">news.txt</prop>"))
        #expect(tmx.contains("<prop type=\"x-status\">approved</prop>"))
        #expect(tmx.contains("<prop type=\"x-context-next\">وعقد الوفد اجتماعا مطولا.</prop>"))
        #expect(tmx.contains("<tuv xml:lang=\"ar\"><seg>قال المتحدث إن الوفد وصل.</seg></tuv>"))
        #expect(tmx.contains("<tuv xml:lang=\"en\"><seg>The spokesman said the delegation had arrived.</seg></tuv>"))
        #expect(!tmx.contains("tuid=\"1.3\""))
        #expect(tmx.contains("<tu tuid=\"2.1\""))
        #expect(tmx.hasSuffix("  </body>\n</tmx>\n"))
    }

    @Test("Markup is escaped, characters XML forbids are dropped and counted, white space is kept")
    func escaping() throws {
        let (tmx, outcome) = try export(try makeMemory())
        #expect(tmx.contains("<seg>Talks &lt;long&gt; &amp; tiring&#13;\n  went on.</seg>"))
        #expect(!tmx.contains("\u{0B}"))
        #expect(outcome.droppedCharacters.map(\.unit.description) == ["1.2"])
        #expect(outcome.droppedCharacters.map(\.count) == [1])
    }

    @Test("Filters: documents, approved only, since a date; an unknown document is an error")
    func filters() throws {
        let store = try makeMemory()
        #expect(try export(store, ExportOptions(documents: [2])).1.units == 1)
        let approved = try export(store, ExportOptions(approvedOnly: true))
        #expect(approved.1.units == 2)
        #expect(!approved.0.contains("Talks"))
        #expect(try export(store, ExportOptions(since: Date(timeIntervalSince1970: 1_700_000_000 + 5000))).1.units == 1)
        #expect(throws: TarjumanError.unknownDocument(9)) { try export(store, ExportOptions(documents: [9])) }
    }

    static let dtd = sharedData.appendingPathComponent("tmx-conformance/src/main/resources/schemas/tmx14.dtd")

    @Test("The export validates against the TMX 1.4b DTD (xmllint)",
          .enabled(if: TBXGlossaryTests.xmllint != nil && FileManager.default.fileExists(atPath: dtd.path), "xmllint or ../shared/data is absent; skipping"))
    func validates() throws {
        let store = try makeMemory()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tarjuman-\(UUID().uuidString).tmx")
        defer { try? FileManager.default.removeItem(at: file) }
        _ = try TMXWriter(database: store.database).export(to: file.path)
        let result = try runTool(TBXGlossaryTests.xmllint!, ["--noout", "--dtdvalid", Self.dtd.path, file.path])
        #expect(result.status == 0, "\(result.output)")
    }

    /// The `python3` on the PATH, as `.ci/run` installs translate-toolkit into it.
    static let hasTranslateToolkit: Bool = {
        (try? runTool("/usr/bin/env", ["python3", "-c", "import translate.storage.tmx"]).status) == 0
    }()

    @Test("translate-toolkit reads the export back with the same units and texts",
          .enabled(if: hasTranslateToolkit, "translate-toolkit is not installed (pip install translate-toolkit); skipping"))
    func translateToolkit() throws {
        let store = try makeMemory()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tarjuman-\(UUID().uuidString).tmx")
        defer { try? FileManager.default.removeItem(at: file) }
        _ = try TMXWriter(database: store.database).export(to: file.path)
        let script = """
            import json, sys
            from translate.storage import tmx
            store = tmx.tmxfile.parsefile(sys.argv[1])
            print(json.dumps([[u.source, u.target] for u in store.units], ensure_ascii=False))
            """
        let result = try runTool("/usr/bin/env", ["python3", "-c", script, file.path])
        #expect(result.status == 0, "\(result.output)")
        let pairs = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String]])
        #expect(pairs == [
            ["قال المتحدث إن الوفد وصل.", "The spokesman said the delegation had arrived."],
            ["وعقد الوفد اجتماعا مطولا.", "Talks <long> & tiring\r\n  went on."],
            ["مرحبا بكم.", "Welcome."],
        ])
    }
}

/// Runs a tool and returns its exit status and standard output (standard error when it fails).
func runTool(_ path: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let text = String(decoding: process.terminationStatus == 0 ? stdout : stderr + stdout, as: UTF8.self)
    return (process.terminationStatus, text)
}
