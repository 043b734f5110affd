import Foundation
import Testing
@testable import TarjumanCore
@testable import TarjumanEvaluation

func readTBX(_ xml: String) throws(TarjumanError) -> TBXGlossary.Contents {
    try TBXGlossary.read(Data(xml.utf8), origin: "g.tbx", sourceName: "g.tbx")
}

@Suite("TBX glossaries")
struct TBXGlossaryTests {
    @Test("TBX-Basic v3 in both namespaces: conceptEntry, langSec, termSec, statuses, subject field", arguments: [
        "urn:iso:std:iso:30042:ed-2", "urn:iso:std:iso:30042:ed:3.0",
    ])
    func basicV3(namespace: String) throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="\(namespace)">
              <tbxHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></tbxHeader>
              <text><body>
                <conceptEntry id="c1">
                  <descrip type="subjectField">politics</descrip>
                  <langSec xml:lang="ar">
                    <termSec><term>سرايا القدس</term></termSec>
                  </langSec>
                  <langSec xml:lang="en">
                    <termSec><term>al-Quds Brigades</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
                    <termSec><term>Quds Brigades</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></termSec>
                    <termSec><term>Jerusalem Brigades</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec>
                  </langSec>
                </conceptEntry>
              </body></text>
            </tbx>
            """
        let contents = try readTBX(xml)
        #expect(contents.warnings.isEmpty)
        let term = try #require(contents.terms.first)
        #expect(contents.terms.count == 1)
        #expect(term.arabic == "سرايا القدس")
        #expect(term.english == "al-Quds Brigades")
        #expect(term.alternatives == ["Quds Brigades"])
        #expect(term.forbidden == ["Jerusalem Brigades"])
        #expect(term.domain == "politics")
    }

    @Test("TBX v2: martif, termEntry, langSet with tig and ntig, synonyms, notes")
    func martif() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">
            <martif type="TBX" xml:lang="en">
              <martifHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></martifHeader>
              <text><body>
                <termEntry id="e1">
                  <note>the city</note>
                  <langSet xml:lang="ar-EG"><tig><term>القدس</term></tig><tig><term>بيت المقدس</term></tig></langSet>
                  <langSet xml:lang="EN-GB"><ntig><termGrp><term>Jerusalem</term></termGrp></ntig></langSet>
                </termEntry>
                <termEntry id="e2">
                  <langSet xml:lang="fr"><tig><term>Gaza</term></tig></langSet>
                </termEntry>
              </body></text>
            </martif>
            """
        let contents = try readTBX(xml)
        #expect(contents.terms.map(\.arabic) == ["القدس", "بيت المقدس"])
        #expect(contents.terms.allSatisfy { $0.english == "Jerusalem" && $0.note == "the city" })
        #expect(contents.warnings == ["g.tbx: 1 entry skipped: no Arabic or no English term"])
    }

    @Test("Wrong language tags: the sides are told apart by script, with a warning")
    func retagged() throws {
        let xml = """
            <martif type="TBX" xml:lang="en"><martifHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></martifHeader>
            <text><body>
            <termEntry id="a"><langSet xml:lang="en"><tig><term>ألبانيا</term></tig></langSet><langSet xml:lang="xx"><tig><term>Albania</term></tig></langSet></termEntry>
            </body></text></martif>
            """
        let contents = try readTBX(xml)
        #expect(contents.terms.map { [$0.arabic, $0.english] } == [["ألبانيا", "Albania"]])
        #expect(contents.warnings.first?.contains("1 entry had language tags that do not match their script (the Arabic side tagged 'en')") == true)
    }

    @Test("Entity declarations, expansion bombs and malformed XML are refused with line and column")
    func unsafeAndMalformed() {
        let bomb = """
            <?xml version="1.0"?>
            <!DOCTYPE martif [
            <!ENTITY a "aaaaaaaaaa">
            <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
            <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
            ]>
            <martif type="TBX" xml:lang="en"><text><body>&c;</body></text></martif>
            """
        let external = """
            <?xml version="1.0"?>
            <!DOCTYPE martif [<!ENTITY x SYSTEM "file:///etc/passwd">]>
            <martif type="TBX" xml:lang="en"><text><body><termEntry><langSet xml:lang="ar"><tig><term>&x;</term></tig></langSet></termEntry></body></text></martif>
            """
        let broken = "<martif type=\"TBX\" xml:lang=\"en\">\n<text><body>\n<termEntry></langSet>\n</body></text></martif>"
        for (xml, message) in [(bomb, "g.tbx:3:1: entity declarations are not accepted"),
                               (external, "g.tbx:2:19: entity declarations are not accepted"),
                               (broken, "g.tbx:3:22: an end tag does not match its start tag"), ("<root/>", "g.tbx:1:1: not a TBX file")] {
            do {
                _ = try readTBX(xml)
                Issue.record("expected an error for \(xml.prefix(30))")
            } catch {
                #expect(error.description.hasPrefix(message), "\(error.description)")
            }
        }
        #expect(throws: TarjumanError.emptyInput(file: "g.tbx")) { try readTBX("") }
    }

    @Test("A repeated entry or an English term in Arabic script stops the import")
    func invalidEntries() {
        let entry = "<termEntry><langSet xml:lang=\"ar\"><tig><term>حماس</term></tig></langSet><langSet xml:lang=\"en\"><tig><term>Hamas</term></tig></langSet></termEntry>\n"
        let xml = "<martif type=\"TBX\" xml:lang=\"en\"><text><body>\n" + entry + entry + "</body></text></martif>"
        do {
            _ = try readTBX(xml)
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix("g.tbx:3:1: repeats the entry of line 2"), "\(error.description)")
        }
    }

    @Test("Write then read gives the same entries")
    func roundTrip() throws {
        let terms = [
            Term(id: 7, arabic: "حماس", english: "Hamas", alternatives: ["Islamic Resistance Movement"], forbidden: ["Hammas"],
                 note: "a <note> & more", domain: "organizations", source: "g.tbx"),
            Term(id: 8, arabic: "غزة", english: "Gaza", source: "g.tbx"),
        ]
        let back = try readTBX(TBXGlossary.write(terms)).terms
        #expect(back.map { [$0.arabic, $0.english, $0.note, $0.domain] } == terms.map { [$0.arabic, $0.english, $0.note, $0.domain] })
        #expect(back.map(\.alternatives) == terms.map(\.alternatives))
        #expect(back.map(\.forbidden) == terms.map(\.forbidden))
    }

    static let schema = sharedData.appendingPathComponent("tmx-conformance/src/main/resources/schemas/tbx.xsd")
    static let xmllint = ["/usr/bin/xmllint", "/usr/local/bin/xmllint"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test("The written TBX validates against the TBX core schema (xmllint)",
          .enabled(if: xmllint != nil && FileManager.default.fileExists(atPath: schema.path), "xmllint or ../shared/data is absent; skipping"))
    func validates() throws {
        let shipped = try GlossaryFormat.tsv.read(
            SourceText(contentsOf: packageRoot.appendingPathComponent("Glossaries/news-politics.ar-en.tsv").path), sourceName: "x")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tarjuman-\(UUID().uuidString).tbx")
        try Data(TBXGlossary.write(shipped).utf8).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.xmllint!)
        process.arguments = ["--noout", "--schema", Self.schema.path, file.path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let output = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
        #expect(output.contains("validates"))
    }

    @Test("translate-toolkit's ISO 3166 TBX (wrong tags) imports with a warning",
          .enabled(if: FileManager.default.fileExists(atPath: sharedData.appendingPathComponent("glossary-sources/iso3166_ar_en.tbx").path),
                   "../shared/data is absent; skipping"))
    func iso3166() throws {
        let data = try Data(contentsOf: sharedData.appendingPathComponent("glossary-sources/iso3166_ar_en.tbx"))
        let contents = try TBXGlossary.read(data, origin: "iso.tbx", sourceName: "iso.tbx")
        #expect(contents.terms.count == 418)
        #expect(contents.terms.contains { $0.arabic == "الجزائر" && $0.english == "Algeria" })
        #expect(contents.warnings.count == 1)
    }

    @Test("Deep nesting is refused in one line; thousands of mutated TBX and XLIFF files end in entries or our error, never a crash")
    func mutations() throws {
        let deep = "<martif type=\"TBX\">" + String(repeating: "<a>", count: 200) + String(repeating: "</a>", count: 200) + "</martif>"
        #expect(throws: TarjumanError.self) { try readTBX(deep) }
        do {
            _ = try readTBX(deep)
        } catch {
            #expect(error.description.contains("nested more than 64 deep"), "\(error.description)")
        }
        let tbx = try Data(contentsOf: packageRoot.appendingPathComponent("Glossaries/news-politics.ar-en.tbx")).prefix(6000)
        let xliff = Data("""
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff version="1.2"><file source-language="ar" target-language="en" original="a.txt" datatype="plaintext"><body>
            <trans-unit id="1.1" approved="yes"><source>وصل <g id="1">الوفد</g>.</source><target state="final">The delegation <ph id="2"/>arrived.</target>
            <note>n &amp; m</note></trans-unit><trans-unit id="1.2"><source><![CDATA[غادر]]></source></trans-unit></body></file></xliff>
            """.utf8)
        var generator = SeededGenerator(seed: 7)
        let structural: [UInt8] = Array("<>/&;\"'=![]-?x:".utf8) + [0, 0xFF, 0xC3, 0x0A]
        for (name, original) in [("m.tbx", tbx), ("m.xlf", xliff)] {
            for _ in 0 ..< 1500 {
                var bytes = [UInt8](original)
                for _ in 0 ..< Int.random(in: 1 ... 8, using: &generator) {
                    let at = Int.random(in: 0 ..< bytes.count, using: &generator)
                    switch Int.random(in: 0 ..< 4, using: &generator) {
                    case 0: bytes[at] = structural.randomElement(using: &generator)!
                    case 1: bytes.remove(at: at)
                    case 2: bytes.insert(structural.randomElement(using: &generator)!, at: at)
                    default: bytes.removeSubrange(at ..< min(bytes.count, at + Int.random(in: 1 ... 200, using: &generator)))
                    }
                    if bytes.isEmpty { bytes = [0x3C] }
                }
                do {
                    if name.hasSuffix("tbx") {
                        _ = try TBXGlossary.read(Data(bytes), origin: name, sourceName: name)
                    } else {
                        _ = try XLIFFReader.read(Data(bytes), origin: name)
                    }
                } catch {
                    #expect(!error.description.isEmpty)
                    #expect(!error.description.contains("\n"))
                }
            }
        }
    }
}
