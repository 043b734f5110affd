import Foundation
import Testing

/// What one run of the built `tarjuman` binary printed and how it exited.
struct RunResult {
    let status: Int32
    let stdout: String
    let stderr: String
}

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let sample = packageRoot.appendingPathComponent("seeds/000_d30af9c42a70480b.txt").path

/// The `tarjuman` executable that `swift build` placed beside the test bundle.
func tarjumanBinary() throws -> URL {
    var candidates: [URL] = []
    if let executable = Bundle.main.executableURL {
        candidates.append(executable.deletingLastPathComponent().appendingPathComponent("tarjuman"))
    }
    candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("tarjuman"))
    for bundle in Bundle.allBundles {
        candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("tarjuman"))
    }
    candidates.append(packageRoot.appendingPathComponent(".build/debug/tarjuman"))
    guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
        throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "tarjuman binary"])
    }
    return found
}

/// Runs `tarjuman` with `arguments` in `directory`, feeding `input` on standard input.
func run(_ arguments: [String], in directory: URL, input: Data? = nil, environment: [String: String] = [:]) throws -> RunResult {
    let process = Process()
    process.executableURL = try tarjumanBinary()
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var env = ProcessInfo.processInfo.environment
    env.removeValue(forKey: "TARJUMAN_DB")
    env.removeValue(forKey: "TARJUMAN_TRANSLATOR")
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let out = Pipe(), err = Pipe(), inPipe = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = inPipe
    try process.run()
    if let input { inPipe.fileHandleForWriting.write(input) }
    try inPipe.fileHandleForWriting.close()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return RunResult(status: process.terminationStatus,
                     stdout: String(decoding: stdout, as: UTF8.self),
                     stderr: String(decoding: stderr, as: UTF8.self))
}

func freshDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("tarjuman-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

func lines(_ text: String) -> [String] {
    text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
}

@Suite("tarjuman command line")
struct CommandLineTests {
    @Test("segment prints the sample's 12 units, one per line")
    func segmentSample() throws {
        let result = try run(["segment", sample], in: try freshDirectory())
        #expect(result.status == 0)
        #expect(lines(result.stdout).count == 12)
        #expect(lines(result.stdout).last == "يذكر أنه سيصدر بيان مشترك عقب الاجتماع بين حركتي الجهاد وحماس.")
        #expect(result.stderr.isEmpty)
    }

    @Test("segment --json gives the layout used and each unit's paragraph, index, start, end and text; offsets skip the BOM and count scalars")
    func segmentJSON() throws {
        let text = "\u{FEFF}قال د. أحمد: نعم.\r\n\r\nثانية؟ ثالثة!"
        let result = try run(["segment", "--json", "-"], in: try freshDirectory(), input: Data(text.utf8))
        #expect(result.status == 0)
        let output = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let layout = try #require(output["layout"] as? [String: Any])
        #expect(layout["layout"] as? String == "lines")
        #expect(layout["requested"] as? String == "auto")
        let objects = try #require(output["segments"] as? [[String: Any]])
        #expect(objects.count == 3)
        #expect(Set(objects[0].keys) == ["paragraph", "index", "start", "end", "text"])
        #expect(objects.map { $0["text"] as? String } == ["قال د. أحمد: نعم.", "ثانية؟", "ثالثة!"])
        #expect(objects.map { $0["paragraph"] as? Int } == [1, 2, 2])
        #expect(objects.map { $0["index"] as? Int } == [1, 2, 3])
        #expect(objects[0]["start"] as? Int == 0)
        #expect(objects[0]["end"] as? Int == 17)
        #expect(objects[1]["start"] as? Int == 21)
    }

    @Test("segment --granularity clause cuts long sentences further")
    func segmentClauses() throws {
        let sentences = try run(["segment", sample], in: try freshDirectory())
        let clauses = try run(["segment", "--granularity", "clause", sample], in: try freshDirectory())
        #expect(clauses.status == 0)
        #expect(lines(clauses.stdout).count > lines(sentences.stdout).count)
    }

    @Test("import the seeds folder, list, render, show: the main job end to end")
    func mainJob() throws {
        let directory = try freshDirectory()
        let imported = try run(["import", packageRoot.appendingPathComponent("seeds").path], in: directory)
        #expect(imported.status == 0)
        #expect(imported.stdout == "000_d30af9c42a70480b.txt: document 1, 12 units\n")
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("tarjuman.sqlite").path))

        let again = try run(["import", sample], in: directory)
        #expect(again.status == 0)
        #expect(again.stdout.contains("already imported as document 1"))

        let rendered = try run(["render", "1.12", "A joint statement will be issued after the meeting.", "--translator", "Sara"], in: directory)
        #expect(rendered.status == 0)
        let approved = try run(["render", "1.12", "A joint statement between Islamic Jihad and Hamas will be issued after the meeting.", "--approve"],
                               in: directory, environment: ["TARJUMAN_TRANSLATOR": "Omar"])
        #expect(approved.status == 0)

        let listed = try run(["units", "--json"], in: directory)
        #expect(listed.status == 0)
        let units = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        #expect(units.count == 12)
        #expect(units[0]["id"] as? String == "1.1")
        #expect(units[0]["rendering"] is NSNull)
        #expect(units[11]["rendering"] as? String == "A joint statement between Islamic Jihad and Hamas will be issued after the meeting.")
        #expect(units[11]["source"] as? String == "يذكر أنه سيصدر بيان مشترك عقب الاجتماع بين حركتي الجهاد وحماس.")

        let untranslated = try run(["units", "--untranslated", "--json"], in: directory)
        let remaining = try #require(try JSONSerialization.jsonObject(with: Data(untranslated.stdout.utf8)) as? [[String: Any]])
        #expect(remaining.count == 11)

        let shown = try run(["show", "1.12"], in: directory)
        #expect(shown.status == 0)
        #expect(shown.stdout.contains("current: A joint statement between Islamic Jihad and Hamas"))
        #expect(shown.stdout.contains("history (2, newest first)"))
        #expect(shown.stdout.contains("approved by Omar"))
        #expect(shown.stdout.contains("draft by Sara [manual]: A joint statement will be issued after the meeting."))

        let documents = try run(["documents"], in: directory)
        #expect(documents.stdout.contains("12 units, 1 rendered, 1 approved"))
    }

    @Test("render --tsv stores all lines, or none when one names an unknown unit")
    func renderTSV() throws {
        let directory = try freshDirectory()
        let db = directory.appendingPathComponent("work.sqlite").path
        #expect(try run(["import", sample, "--db", db], in: directory).status == 0)
        let bad = directory.appendingPathComponent("bad.tsv")
        try Data("1.1\tHamas and Islamic Jihad affirmed.\n1.99\tNo such unit.\n".utf8).write(to: bad)
        let failed = try run(["render", "--tsv", bad.path, "--db", db], in: directory)
        #expect(failed.status != 0)
        #expect(failed.stderr.contains("unit 1.99 does not exist"))
        let after = try run(["units", "--untranslated", "--db", db], in: directory)
        #expect(lines(after.stdout).filter { $0.hasPrefix("1.") }.count == 12)

        let good = directory.appendingPathComponent("good.tsv")
        try Data("1.1\tHamas and Islamic Jihad affirmed.\n1.2\tThis came in a joint statement.\n".utf8).write(to: good)
        let stored = try run(["render", "--tsv", good.path], in: directory, environment: ["TARJUMAN_DB": db])
        #expect(stored.status == 0)
        #expect(stored.stdout.contains("2 renderings stored, 0 unchanged"))
    }

    @Test("Bad input gives one line on stderr and a non-zero exit", arguments: [
        (["import", "missing.txt"], "missing.txt: no such file"),
        (["import", "invalid.txt"], "invalid.txt: invalid UTF-8 at byte offset 4"),
        (["import", "empty.txt"], "empty.txt: the input is empty"),
        (["segment", "invalid.txt"], "invalid.txt: invalid UTF-8 at byte offset 4"),
        (["units"], "no database here"),
        (["units", "--db", "notes.txt"], "not a Tarjuman database"),
        (["show", "1.1", "--db", "notes.txt"], "not a Tarjuman database"),
        (["show", "x.y", "--db", "work.sqlite"], "'x.y' is not a unit id"),
        (["show", "7.1", "--db", "work.sqlite"], "unit 7.1 does not exist"),
        (["render", "7.1", "Text", "--db", "work.sqlite"], "unit 7.1 does not exist"),
        (["units", "--document", "7", "--db", "work.sqlite"], "document 7 does not exist"),
    ])
    func errors(arguments: [String], message: String) throws {
        let directory = try freshDirectory()
        try Data([0x41, 0x20, 0xD8, 0xAD, 0xFF, 0x41]).write(to: directory.appendingPathComponent("invalid.txt"))
        try Data().write(to: directory.appendingPathComponent("empty.txt"))
        try Data("plain notes".utf8).write(to: directory.appendingPathComponent("notes.txt"))
        #expect(try run(["import", sample, "--db", "work.sqlite"], in: directory).status == 0)
        let before = try Data(contentsOf: directory.appendingPathComponent("notes.txt"))

        let result = try run(arguments, in: directory)
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains(message))
        #expect(lines(result.stderr).count == 1)
        #expect(try Data(contentsOf: directory.appendingPathComponent("notes.txt")) == before)
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("tarjuman.sqlite").path))
    }

    @Test("A usage mistake names what to give and exits 64")
    func usage() throws {
        let result = try run(["render", "1.1"], in: try freshDirectory())
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("Error: give a unit id and its English rendering, or --tsv FILE"))
    }

    @Test("A failed import of several files stores none of them")
    func importAllOrNothing() throws {
        let directory = try freshDirectory()
        try Data("جملة صحيحة.".utf8).write(to: directory.appendingPathComponent("good.txt"))
        try Data([0xFF]).write(to: directory.appendingPathComponent("bad.txt"))
        #expect(try run(["import", sample], in: directory).status == 0)
        let failed = try run(["import", "good.txt", "bad.txt"], in: directory)
        #expect(failed.status != 0)
        let documents = try run(["documents"], in: directory)
        #expect(lines(documents.stdout).count == 1)
    }
}
