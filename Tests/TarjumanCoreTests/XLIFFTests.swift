import Foundation
import GRDB
import Testing
@testable import TarjumanCore

@Suite("XLIFF 1.2 round trip")
struct XLIFFTests {
    func temporary(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("tarjuman-\(UUID().uuidString)-\(name)").path
    }

    func export(_ store: TranslationStore, documents: [Int64] = [1]) throws -> String {
        let path = temporary("doc.xlf")
        _ = try XLIFFWriter(database: store.database).export(to: path, options: ExportOptions(documents: documents),
                                                             at: Date(timeIntervalSince1970: 1_764_000_000))
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    func importing(_ text: String, into store: TranslationStore, translator: String? = "reviewer") throws -> XLIFFImportOutcome {
        let path = temporary("back.xlf")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return try XLIFFImporter(database: store.database).importFiles([path], translator: translator)[0]
    }

    func history(_ store: TranslationStore, _ ordinal: Int) throws -> [Rendering] {
        try store.detail(of: UnitID(document: 1, ordinal: ordinal)).history
    }

    @Test("Every unit of the document is a trans-unit; current renderings are targets with their state")
    func structure() throws {
        let xliff = try export(try TMXWriterTests().makeMemory())
        #expect(xliff.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">"))
        #expect(xliff.contains("<file original=\"news.txt\" source-language=\"ar\" target-language=\"en\" datatype=\"plaintext\""))
        #expect(xliff.contains("""
            <trans-unit id="1.1" xml:space="preserve" approved="yes">
                    <source xml:lang="ar">قال المتحدث إن الوفد وصل.</source>
                    <target xml:lang="en" state="signed-off">The spokesman said the delegation had arrived.</target>
            """))
        #expect(xliff.contains("<target xml:lang=\"en\" state=\"translated\">Talks &lt;long&gt; &amp; tiring&#13;\n  went on.</target>"))
        #expect(xliff.contains("<trans-unit id=\"1.3\" xml:space=\"preserve\">\n        <source xml:lang=\"ar\">ثم غادر الوفد المدينة.</source>\n      </trans-unit>"))
        #expect(!xliff.contains("2.1"))
        #expect(xliff.hasSuffix("    </body>\n  </file>\n</xliff>\n"))
    }

    @Test("Targets filled elsewhere come back as renderings; unchanged, untranslated and unknown units are counted")
    func roundTrip() throws {
        let store = try TMXWriterTests().makeMemory()
        var xliff = try export(store)
        xliff = xliff.replacingOccurrences(
            of: "<source xml:lang=\"ar\">ثم غادر الوفد المدينة.</source>\n",
            with: "<source xml:lang=\"ar\">ثم غادر الوفد المدينة.</source>\n<target state=\"needs-review-translation\">Then the <g id=\"1\">delegation</g> left<x id=\"2\"/> the city.</target>\n"
                + "<alt-trans><source>ثم</source><target>Suggestion ignored</target></alt-trans><note>Check the city's name.</note>\n")
        xliff = xliff.replacingOccurrences(of: "</body>", with: "<trans-unit id=\"7.7\"><source>نص</source><target>Text</target></trans-unit></body>")
        let outcome = try importing(xliff, into: store)
        #expect(outcome.read == 4)
        #expect(outcome.changed == 1)
        #expect(outcome.unchanged == 2)
        #expect(outcome.untranslated == 0)
        #expect(outcome.unknown == ["7.7"])
        #expect(outcome.droppedCodes == 1)
        let third = try history(store, 3)
        #expect(third.map(\.text) == ["Then the delegation left the city."])
        #expect(third[0].status == .draft)
        #expect(third[0].translator == "reviewer")
        #expect(third[0].note == "Check the city's name.")
        #expect(third[0].origin.hasPrefix("xliff "))

        let edited = xliff.replacingOccurrences(of: "The spokesman said the delegation had arrived.", with: "The spokesman said the delegation has arrived.")
            .replacingOccurrences(of: "state=\"translated\">Talks", with: "state=\"final\">Talks")
        let second = try importing(edited, into: store)
        #expect(second.changed == 2)
        #expect(second.unchanged == 1)
        #expect(try history(store, 1).map(\.text) == ["The spokesman said the delegation has arrived.", "The spokesman said the delegation had arrived.",
                                                      "The spokesman said the delegation arrived."])
        #expect(try history(store, 2).map(\.status) == [.approved, .draft])
    }

    @Test("An approved rendering returned as a draft with the same text stays as it was")
    func noDowngrade() throws {
        let store = try TMXWriterTests().makeMemory()
        let xliff = try export(store).replacingOccurrences(of: " approved=\"yes\"", with: "")
            .replacingOccurrences(of: "state=\"signed-off\"", with: "state=\"translated\"")
        #expect(try importing(xliff, into: store).changed == 0)
        #expect(try history(store, 1).count == 2)
    }

    @Test("A file whose sources no longer match is refused whole, naming the unit and line")
    func sourceMismatch() throws {
        let store = try TMXWriterTests().makeMemory()
        let xliff = try export(store)
            .replacingOccurrences(of: "Talks &lt;long&gt;", with: "Long talks")
            .replacingOccurrences(of: "ثم غادر الوفد المدينة.", with: "ثم غادر الوفد القرية.")
        let path = temporary("changed.xlf")
        try xliff.write(toFile: path, atomically: true, encoding: .utf8)
        let line = xliff.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("id=\"1.3\"") }! + 1
        #expect(throws: TarjumanError.sourceMismatch(file: path, line: line, unit: "1.3", count: 1)) {
            try XLIFFImporter(database: store.database).importFiles([path], translator: nil)
        }
        #expect(try history(store, 2).count == 1)
        let spaced = try export(store).replacingOccurrences(of: "ثم غادر الوفد المدينة.", with: "ثم  غادر الوفد المدينة. ")
        #expect(try importing(spaced, into: store).read == 3)
    }

    @Test("Bad files: malformed XML, entity declarations, XLIFF 2.0, another root, an empty file")
    func badFiles() throws {
        let store = try makeStore()
        let cases: [(String, String)] = [
            ("<?xml version=\"1.0\"?>\n<xliff version=\"1.2\"><file><body><trans-unit id=\"1.1\"><source>x</source></body></file></xliff>", "end tag"),
            ("<?xml version=\"1.0\"?>\n<!DOCTYPE xliff [<!ENTITY a \"aaaa\">]>\n<xliff version=\"1.2\"/>", "entity declarations"),
            ("<?xml version=\"1.0\"?>\n<xliff version=\"2.0\"/>", "XLIFF 2.0 is not read"),
            ("<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"/>", "not an XLIFF file"),
        ]
        for (text, expected) in cases {
            #expect {
                try importing(text, into: store)
            } throws: { error in
                "\(error)".contains(expected)
            }
        }
        #expect(throws: TarjumanError.self) { try importing("", into: store) }
    }

    @Test("Detected by extension or by content")
    func detection() throws {
        #expect(XLIFFReader.isXLIFF(path: "job.XLF"))
        let path = temporary("job.xml")
        try "<?xml version=\"1.0\"?>\n<xliff version=\"1.2\"/>".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(XLIFFReader.isXLIFF(path: path))
        #expect(!XLIFFReader.isXLIFF(path: "memory.tmx"))
    }

    @Test("translate-toolkit reads the export, fills targets, and the import takes them back",
          .enabled(if: TMXWriterTests.hasTranslateToolkit, "translate-toolkit is not installed (pip install translate-toolkit); skipping"))
    func translateToolkit() throws {
        let store = try TMXWriterTests().makeMemory()
        let path = temporary("doc.xlf")
        _ = try XLIFFWriter(database: store.database).export(to: path, options: ExportOptions(documents: [1]))
        let script = """
            import sys
            from translate.storage import xliff
            store = xliff.xlifffile.parsefile(sys.argv[1])
            units = [u for u in store.units if u.istranslatable()]
            print(len(units))
            print(units[0].source)
            units[2].target = "Then the delegation left the city."
            store.savefile(sys.argv[1])
            """
        let result = try runTool("/usr/bin/env", ["python3", "-c", script, path])
        #expect(result.status == 0)
        #expect(result.output == "3\nقال المتحدث إن الوفد وصل.\n")
        let outcome = try XLIFFImporter(database: store.database).importFiles([path], translator: "lina")[0]
        #expect(outcome.changed == 1)
        #expect(outcome.unchanged == 2)
        #expect(try history(store, 3).map(\.text) == ["Then the delegation left the city."])
    }
}
