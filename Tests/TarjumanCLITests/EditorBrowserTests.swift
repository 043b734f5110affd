import Foundation
import Testing

/// What the browser test needs and this machine lacks, or nil when it has everything.
let browserTestLacks: String? = {
    let path = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":").map(String.init)
    func found(_ names: [String]) -> Bool {
        names.contains { name in path.contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(name)") } }
    }
    var lacking: [String] = []
    if !found(["chromium", "chromium-browser", "google-chrome"]) { lacking.append("chromium") }
    if !found(["chromedriver"]) { lacking.append("chromium-driver") }
    if (try? runProcess("/usr/bin/env", ["python3", "-c", "import selenium"]).status) != 0 { lacking.append("selenium (pip)") }
    return lacking.isEmpty ? nil : "the browser test needs \(lacking.joined(separator: ", ")); .ci/run installs them; skipping"
}()

/// Runs a program and returns its exit status and combined output.
func runProcess(_ path: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: output, as: UTF8.self))
}

@Suite("Web editor in a browser")
struct EditorBrowserTests {
    /// Where the screenshots and the exported TMX of the last run are kept.
    static let artifacts = packageRoot.appendingPathComponent(".build/artifacts/browser")

    @Test("Headless Chromium edits the sample: right-to-left Arabic, highlighted terms, save, reload, history, suggestion, conflict, export",
          .enabled(if: browserTestLacks == nil, Comment(rawValue: browserTestLacks ?? "")))
    func editInBrowser() throws {
        let fixture = try editorFixture()
        let tagged = fixture.directory.appendingPathComponent("tags.txt")
        try "قالت الحركة <img src=x onerror=\"window.tarjumanXSS=1\"> إن الاجتماع انتهى.\n".write(to: tagged, atomically: true, encoding: .utf8)
        #expect(try run(["import", tagged.path, "--db", fixture.database], in: fixture.directory).status == 0)
        try? FileManager.default.removeItem(at: Self.artifacts)
        try FileManager.default.createDirectory(at: Self.artifacts, withIntermediateDirectories: true)

        let server = try EditorProcess(database: fixture.database, in: fixture.directory)
        let script = packageRoot.appendingPathComponent("Tests/Browser/editor_browser_test.py").path
        let result = try runProcess("/usr/bin/env", ["python3", script, server.base.absoluteString, Self.artifacts.path])
        let stopped = server.stop()
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("browser test passed"))
        #expect(stopped.status == 0)

        for name in ["editor.png", "editor-suggestion.png", "editor-conflict.png", "glossary.png", "documents.png"] {
            let data = try Data(contentsOf: Self.artifacts.appendingPathComponent(name))
            #expect(data.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(name) is not a PNG")
            #expect(data.count > 10_000, "\(name) is too small to show the editor")
        }
        let exported = try String(contentsOf: Self.artifacts.appendingPathComponent("export.tmx"), encoding: .utf8)
        #expect(exported.contains("A joint statement will be issued after the meeting between Fatah and Hamas."))

        let shown = try run(["show", "1.1", "--db", fixture.database], in: fixture.directory)
        #expect(shown.stdout.contains("Hamas and Islamic Jihad affirmed that resistance is their strategic choice."))
        #expect(shown.stdout.contains("Hamas and Islamic Jihad affirmed on Monday evening that resistance is their strategic choice."))
        let glossary = try run(["glossary", "list", "--db", fixture.database], in: fixture.directory)
        #expect(glossary.stdout.contains("news desk"))
    }

    @Test("Team mode in Chromium: log in on the login page, mark translated, see a reviewer's rejection arrive without a reload, log out",
          .enabled(if: browserTestLacks == nil, Comment(rawValue: browserTestLacks ?? "")))
    func teamInBrowser() throws {
        let fixture = try teamFixture()
        let artifacts = packageRoot.appendingPathComponent(".build/artifacts/browser-team")
        try FileManager.default.createDirectory(at: artifacts, withIntermediateDirectories: true)
        let server = try EditorProcess(database: fixture.database, in: fixture.directory)
        let script = packageRoot.appendingPathComponent("Tests/Browser/team_browser_test.py").path
        let result = try runProcess("/usr/bin/env", ["python3", script, server.base.absoluteString, artifacts.path])
        let stopped = server.stop()
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("team browser test passed"))
        #expect(stopped.status == 0)
        let shown = try run(["show", "1.2", "--db", fixture.database], in: fixture.directory)
        #expect(shown.stdout.contains("rejected by Rev (translation by Ali)"))
    }
}
