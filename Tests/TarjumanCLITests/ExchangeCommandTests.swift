import Foundation
import Testing

@Suite("tarjuman export")
struct ExchangeCommandTests {
    @Test("export writes TMX of the rendered units; bad arguments get one-line errors")
    func exportTMX() throws {
        let directory = try freshDirectory()
        #expect(try run(["import", sample], in: directory).status == 0)
        #expect(try run(["render", "1.3", "The statement said resistance is our strategic choice.", "--approve"], in: directory).status == 0)
        #expect(try run(["render", "1.4", "The meeting discussed bilateral relations."], in: directory).status == 0)
        let all = try run(["export", "memory.tmx"], in: directory)
        #expect(all.status == 0)
        #expect(all.stdout == "memory.tmx: 2 units\n")
        let tmx = try String(contentsOf: directory.appendingPathComponent("memory.tmx"), encoding: .utf8)
        #expect(tmx.components(separatedBy: "<tu ").count == 3)
        let approved = try run(["export", "approved.tmx", "--approved-only", "--document", "1", "--since", "2020-01-01"], in: directory)
        #expect(approved.stdout == "approved.tmx: 1 unit\n")
        let future = try run(["export", "none.tmx", "--since", "2999-01-01T00:00:00Z"], in: directory)
        #expect(future.stdout == "none.tmx: 0 units\n")

        let badDate = try run(["export", "x.tmx", "--since", "yesterday"], in: directory)
        #expect(badDate.status == 64)
        let badFormat = try run(["export", "x.docx"], in: directory)
        #expect(badFormat.status != 0)
        let unknown = try run(["export", "x.tmx", "--document", "7"], in: directory)
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "Error: document 7 does not exist; 'tarjuman documents' lists the documents.\n")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("x.tmx").path))

        let imported = try run(["import", "memory.tmx", "--db", "other.sqlite"], in: directory)
        #expect(imported.status == 0)
        #expect(imported.stdout.hasPrefix("memory.tmx: 2 entries read into memory 'memory.tmx', 2 added, 0 already there (merged), 0 skipped\n"
                                          + "word alignment retrained on 2 pairs in "))
        let again = try run(["import", "memory.tmx", "--db", "other.sqlite"], in: directory)
        #expect(again.stdout == "memory.tmx: 2 entries read into memory 'memory.tmx', 0 added, 2 already there (merged), 0 skipped\n")
        let mixed = try run(["import", "memory.tmx", sample, "--db", "other.sqlite"], in: directory)
        #expect(mixed.status == 64)
        try "<?xml version=\"1.0\"?><tmx><body><tu></body></tmx>".write(to: directory.appendingPathComponent("bad.xml"), atomically: true, encoding: .utf8)
        let bad = try run(["import", "bad.xml", "--db", "other.sqlite"], in: directory)
        #expect(bad.status == 1)
        #expect(bad.stderr.hasPrefix("Error: bad.xml:1:"))
        #expect(lines(bad.stderr).count == 1)
    }

    @Test("export and import XLIFF, TSV and CSV; a changed source is refused and nothing is stored")
    func otherFormats() throws {
        let directory = try freshDirectory()
        #expect(try run(["import", sample], in: directory).status == 0)
        #expect(try run(["render", "1.1", "Hamas and Islamic Jihad said resistance is their strategic choice.", "--approve"], in: directory).status == 0)
        let exported = try run(["export", "article.xlf", "--document", "1"], in: directory)
        #expect(exported.stdout == "article.xlf: 12 units\n")
        let file = directory.appendingPathComponent("article.xlf")
        var xliff = try String(contentsOf: file, encoding: .utf8)
        let source = "كما نوجه التحية"
        #expect(xliff.contains(source))
        xliff = xliff.replacingOccurrences(of: "<trans-unit id=\"1.2\" xml:space=\"preserve\">\n        <source xml:lang=\"ar\">",
                                           with: "<trans-unit id=\"1.2\" xml:space=\"preserve\">\n        <target state=\"translated\">This came in a joint statement.</target>\n        <source xml:lang=\"ar\">")
        try xliff.write(to: file, atomically: true, encoding: .utf8)
        let back = try run(["import", "article.xlf", "--translator", "omar"], in: directory)
        #expect(back.status == 0)
        #expect(back.stdout.hasPrefix("article.xlf: 12 units read, 1 changed, 1 unchanged, 10 without a target, 0 unknown\nword alignment retrained on "))
        #expect(try run(["show", "1.2"], in: directory).stdout.contains("draft by omar [xliff article.xlf]: This came in a joint statement."))

        try xliff.replacingOccurrences(of: source, with: "كما نرسل التحية").write(to: file, atomically: true, encoding: .utf8)
        let refused = try run(["import", "article.xlf"], in: directory)
        #expect(refused.status == 1)
        #expect(refused.stderr.hasPrefix("Error: article.xlf:"))
        #expect(refused.stderr.contains("no longer matches the stored unit; nothing was imported"))
        #expect(lines(refused.stderr).count == 1)

        for format in ["tsv", "csv"] {
            let written = try run(["export", "memory.\(format)"], in: directory)
            #expect(written.stdout == "memory.\(format): 2 units\n")
            let loaded = try run(["import", "memory.\(format)", "--db", "\(format).sqlite"], in: directory)
            #expect(loaded.stdout.hasPrefix("memory.\(format): 2 entries read into memory 'memory.\(format)', 2 added, 0 already there (merged), 0 skipped (header row: source, target, status"))
            #expect(try run(["units", "--db", "\(format).sqlite"], in: directory).stdout.isEmpty)
            let units = try run(["units", "--memory", "memory.\(format)", "--db", "\(format).sqlite"], in: directory).stdout
            #expect(units.contains("→ This came in a joint statement. [draft]"))
            #expect(units.contains("[approved]"))
        }
        try Data([0x73, 0x6F, 0x75, 0x72, 0x63, 0x65, 0x09, 0x74, 0x61, 0x72, 0x67, 0x65, 0x74, 0x0A, 0xFF, 0x0A]).write(to: directory.appendingPathComponent("bad.tsv"))
        let bad = try run(["import", "bad.tsv", "--db", "new.sqlite"], in: directory)
        #expect(bad.status == 1)
        #expect(bad.stderr.hasPrefix("Error: bad.tsv: invalid UTF-8 at byte offset 14"))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("new.sqlite").path))
        let mixed = try run(["import", "memory.tsv", "article.xlf", "--db", "x.sqlite"], in: directory)
        #expect(mixed.status == 64)
        #expect(mixed.stderr.contains("one kind of file per command"))
    }
}
