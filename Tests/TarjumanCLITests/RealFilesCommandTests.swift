import Foundation
import Testing

@Suite("tarjuman on files other tools write")
struct RealFilesCommandTests {
    func write(_ text: String, _ name: String, in directory: URL) throws {
        try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    @Test("A plain TSV memory with quotes imports as written and says it had no header row")
    func plainTSV() throws {
        let directory = try freshDirectory()
        try write("\"Water for Life\" Decade\tعقد \"الماء من أجل الحياة\"\n", "wrong-way.tsv", in: directory)
        try write("عقد \"الماء من أجل الحياة\"\t\"Water for Life\" Decade\n\"المقاومة خيارنا الاستراتيجي.\"\t\"Resistance is our strategic choice.\"\n",
                  "un.tsv", in: directory)
        let imported = try run(["import", "un.tsv"], in: directory)
        #expect(imported.status == 0)
        #expect(imported.stdout.contains("un.tsv: 2 entries read into memory 'un.tsv', 2 added"))
        #expect(imported.stdout.contains("no header row, columns by position: source, target"))
        let units = try run(["units", "--memory", "un.tsv"], in: directory).stdout
        #expect(units.contains("→ \"Water for Life\" Decade"))
        #expect(units.contains("→ \"Resistance is our strategic choice.\""))
        let forced = try run(["import", "un.tsv", "--db", "forced.sqlite", "--quoting", "rfc4180"], in: directory)
        #expect(forced.status == 1)
        #expect(lines(forced.stderr).count == 1)
        #expect(forced.stderr.contains("un.tsv:1:"))
    }

    @Test("A headerless glossary imports and says so")
    func headerlessGlossary() throws {
        let directory = try freshDirectory()
        try write("عام\tgeneral\nالمقاومة\tresistance\n", "terms.tsv", in: directory)
        let imported = try run(["glossary", "import", "terms.tsv"], in: directory)
        #expect(imported.status == 0)
        #expect(imported.stdout == "terms.tsv: 2 added, 0 updated, 0 unchanged (no header row, columns by position: arabic, english)\n")
    }

    @Test("Text one paragraph a line imports a unit per line; --verbose says how the lines were read")
    func onePerLine() throws {
        let directory = try freshDirectory()
        let paragraphs = ["عنوان الخبر", "قال المتحدث إن الوفد وصل إلى المدينة صباح اليوم. وعقد اجتماعا مطولا.", "ثم غادر الوفد المدينة."]
        try write(paragraphs.joined(separator: "\n") + "\n", "article.txt", in: directory)
        let imported = try run(["import", "article.txt", "--verbose"], in: directory)
        #expect(imported.status == 0)
        #expect(imported.stdout == "article.txt: document 1, 4 units\n")
        #expect(imported.stderr.contains("one paragraph a line (auto:"))
        let segmented = try run(["segment", "article.txt", "--paragraphs", "blank-lines"], in: directory)
        #expect(lines(segmented.stdout).count == 3)
    }

    @Test("UTF-16 text imports; zero bytes, an English file and a ZIP are refused in one line and leave the database as it was")
    func encodingsAndRefusals() throws {
        let directory = try freshDirectory()
        var utf16 = Data([0xFF, 0xFE])
        for unit in "وصل الوفد إلى المدينة.\r\n".utf16 { utf16.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)]) }
        try utf16.write(to: directory.appendingPathComponent("utf16.txt"))
        let imported = try run(["import", "utf16.txt"], in: directory)
        #expect(imported.status == 0)
        #expect(imported.stdout == "utf16.txt: document 1, 1 unit\n")
        let before = try Data(contentsOf: directory.appendingPathComponent("tarjuman.sqlite"))
        try Data(repeating: 0, count: 100).write(to: directory.appendingPathComponent("zeros.txt"))
        try write("The delegation arrived.\n", "english.txt", in: directory)
        try Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00]).write(to: directory.appendingPathComponent("article.docx.txt"))
        for (file, message) in [("zeros.txt", "not a text file"), ("english.txt", "holds no Arabic text"), ("article.docx.txt", "a ZIP archive")] {
            let refused = try run(["import", file], in: directory)
            #expect(refused.status == 1)
            #expect(lines(refused.stderr).count == 1)
            #expect(refused.stderr.contains(message), "\(refused.stderr)")
        }
        #expect(try Data(contentsOf: directory.appendingPathComponent("tarjuman.sqlite")) == before)
        #expect(try run(["documents"], in: directory).stdout.split(separator: "\n").count == 1)
    }

    @Test("align on one-paragraph-a-line files with a paragraph merged in the English prints the layouts and every pair")
    func alignLines() throws {
        let directory = try freshDirectory()
        try write("قال المتحدث إن الوفد وصل إلى المدينة صباح اليوم.\nوعقد الوفد اجتماعا مطولا مع رئيس البلدية استمر 3 ساعات.\nثم غادر الوفد المدينة.\n", "a.ar.txt", in: directory)
        try write("The spokesman said the delegation arrived in the city this morning. The delegation held a long meeting with the mayor that lasted 3 hours.\nThen the delegation left the city.\n", "a.en.txt", in: directory)
        let json = try run(["align", "a.ar.txt", "a.en.txt", "--json"], in: directory)
        #expect(json.status == 0)
        let output = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let layout = try #require(output["layout"] as? [String: [String: Any]])
        #expect(layout["arabic"]?["layout"] as? String == "lines")
        let pairs = try #require(output["pairs"] as? [[String: Any]])
        #expect(pairs.map { $0["englishSentences"] as? [Int] } == [[0], [1], [2]])
    }
}
