import Foundation
import Testing
@testable import TarjumanCore
import TarjumanEvaluation

/// A DOCX written by the test, imported into an in-memory store.
struct ImportedWordDocument {
    let path: String
    let store: TranslationStore

    init(parts: [(path: String, text: String)]? = nil) throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("tarjuman-\(UUID().uuidString).docx").path
        try WordFixture.write(parts ?? WordFixture.parts(body: WordFixture.articleBody, footnotes: WordFixture.articleFootnotes), to: path)
        store = TranslationStore(database: try TarjumanDatabase.inMemory())
        let document = try FormattedDocument(contentsOf: path, format: .docx)
        let units = document.units(segmenter: try SentenceSegmenter())
        _ = try store.importFormattedDocuments([PreparedFormattedDocument(document, units: units)])
    }

    func render(_ ordinal: Int, _ text: String) throws {
        _ = try store.render([RenderingInput(unit: UnitID(document: 1, ordinal: ordinal), text: text)], translator: "test", status: .draft, origin: "manual")
    }

    func export(_ untranslated: UntranslatedUnits = .source, as format: EnglishDocument.Format = .docx) throws -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("tarjuman-\(UUID().uuidString).\(format == .text ? "txt" : format.rawValue)").path
        _ = try EnglishDocument.write(store, document: 1, to: output, format: format, untranslated: untranslated)
        return output
    }

    func codes(_ ordinal: Int) throws -> [InlineCode] {
        try store.database.read { db in
            let id = try Int64.fetchOne(db, sql: "SELECT id FROM unit WHERE documentId = 1 AND ordinal = ?", arguments: [ordinal])!
            return try TranslationStore.unitCodes([id], db)[id] ?? []
        }
    }
}

import GRDB

@Suite("DOCX documents in and out")
struct WordDocumentTests {
    @Test("The article's paragraphs, table cells and footnote become units; RTL runs are one text, bold and the link are codes")
    func importsParagraphsAndCodes() throws {
        let document = try ImportedWordDocument()
        let units = try document.store.units(document: 1)
        #expect(units.map(\.source) == [
            "قمة الدوحة للمناخ",
            "قال الأمين العام إن الاتفاق التاريخي سيدخل حيز التنفيذ قريبا.",
            "وأضاف أن التفاصيل متاحة على الموقع الرسمي.",
            "الدولة", "المبلغ", "قطر",
            "انظر التقرير السنوي.",
        ])
        #expect(units.map(\.paragraph) == [1, 2, 2, 3, 4, 5, 6])
        #expect(try document.codes(2) == [InlineCode(tag: "b1", kind: .bold, paired: true, start: 20, end: 36)])
        #expect(try document.codes(3) == [InlineCode(tag: "a1", kind: .link, paired: true, start: 28, end: 41)])
        // The footnote reference at the end of 1.2 and the footnote's own number go at the ends, with no tag.
        #expect(try document.codes(7).isEmpty)
        #expect(try document.codes(1).isEmpty)
    }

    @Test("Exported straight after import, the DOCX has the original's paragraphs, text and codes, and its other parts unchanged")
    func roundTrip() throws {
        let document = try ImportedWordDocument()
        let output = try document.export()
        let original = try WordDocument.paragraphs(path: document.path, origin: "original")
        let exported = try WordDocument.paragraphs(path: output, origin: "exported")
        #expect(exported.map(\.text) == original.map(\.text))
        #expect(exported.map { $0.codes.map { "\($0.kind)\($0.start)-\($0.end)" } } == original.map { $0.codes.map { "\($0.kind)\($0.start)-\($0.end)" } })
        let body = try WordFixture.part("word/document.xml", of: output)
        #expect(body.components(separatedBy: "<w:p>").count == WordFixture.articleBody.components(separatedBy: "<w:p>").count)
        #expect(body.contains("<w:tbl><w:tblPr><w:bidiVisual/></w:tblPr>"))
        #expect(body.contains("<w:sectPr><w:bidi/></w:sectPr>"))
        #expect(try WordFixture.part("word/styles.xml", of: output) == WordFixture.part("word/styles.xml", of: document.path))
    }

    @Test("Renderings replace their units: tags become bold runs and the hyperlink, the footnote reference stays, paragraphs turn LTR English")
    func englishDocument() throws {
        let document = try ImportedWordDocument()
        try document.render(1, "Doha Climate Summit")
        try document.render(2, "The Secretary-General said that <b1>the historic agreement</b1> would enter into force soon.")
        try document.render(3, "He added that the details are on <a1>the official website</a1>.")
        try document.render(4, "Country")
        try document.render(7, "See the annual report.")
        let output = try document.export()
        let paragraphs = try WordDocument.paragraphs(path: output, origin: "exported")
        #expect(paragraphs.map(\.text) == [
            "Doha Climate Summit",
            "The Secretary-General said that the historic agreement would enter into force soon. He added that the details are on the official website.",
            "Country", "المبلغ", "قطر", " See the annual report.",
        ])
        let second = paragraphs[1]
        let bold = try #require(second.codes.first { $0.kind == .bold })
        #expect(second.text.unicodeScalars.dropFirst(bold.start).prefix(bold.end - bold.start).map(String.init).joined() == "the historic agreement")
        #expect(second.codes.contains { $0.kind == .link })
        #expect(second.codes.contains { $0.kind == .footnote })
        let body = try WordFixture.part("word/document.xml", of: output)
        #expect(body.contains(#"<w:hyperlink r:id="rId3"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/><w:lang w:val="en-US"/></w:rPr><w:t xml:space="preserve">the official website</w:t></w:r></w:hyperlink>"#))
        #expect(body.contains(#"<w:pPr><w:pStyle w:val="Heading1"/><w:bidi w:val="0"/></w:pPr>"#))
        #expect(body.contains(#"<w:footnoteReference w:id="1"/>"#))
        // An untranslated cell keeps its Arabic, right to left.
        #expect(body.contains(#"<w:p><w:pPr><w:bidi/></w:pPr><w:r><w:rPr><w:rtl/><w:lang w:bidi="ar-SA"/></w:rPr><w:t xml:space="preserve">المبلغ</w:t></w:r></w:p>"#))
        let footnotes = try WordFixture.part("word/footnotes.xml", of: output)
        #expect(footnotes.contains(#"<w:footnoteRef/></w:r><w:r><w:rPr><w:lang w:bidi="ar-SA" w:val="en-US"/></w:rPr><w:t xml:space="preserve"> See the annual report.</w:t>"#))
    }

    @Test("A rendering without the tags still gets the paragraph's footnote reference; --untranslated skip leaves units out")
    func missingTagsAndSkip() throws {
        let document = try ImportedWordDocument()
        try document.render(2, "The agreement will enter into force soon.")
        let output = try document.export(.skip)
        let paragraphs = try WordDocument.paragraphs(path: output, origin: "exported")
        #expect(paragraphs.map(\.text) == ["The agreement will enter into force soon."])
        #expect(paragraphs[0].codes.map(\.kind) == [.footnote])
        let text = try String(contentsOfFile: try document.export(.source, as: .text), encoding: .utf8)
        #expect(text.hasPrefix("قمة الدوحة للمناخ\n\nThe agreement will enter into force soon. وأضاف أن التفاصيل متاحة على الموقع الرسمي.\n\nالدولة"))
    }

    @Test("Text boxes, tabs, line breaks and tracked changes: boxes are paragraphs of their own, deletions left out")
    func textBoxesTabsAndChanges() throws {
        let box = #"<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><w:txbxContent>"#
            + WordFixture.paragraph(["نص داخل المربع."]) + "</w:txbxContent></wp:inline></w:drawing></w:r>"
        let body = WordFixture.paragraph(["الجملة الأولى", #"<w:r><w:tab/></w:r>"#, "بعد الجدولة.", box,
                                          #"<w:del><w:r><w:delText>محذوف</w:delText></w:r></w:del>"#,
                                          #"<w:ins><w:r><w:t xml:space="preserve"> مضاف.</w:t></w:r></w:ins>"#])
        let document = try ImportedWordDocument(parts: WordFixture.parts(body: body))
        let units = try document.store.units(document: 1)
        #expect(units.map(\.source) == ["الجملة الأولى\tبعد الجدولة.", "مضاف.", "نص داخل المربع."])
        #expect(try document.codes(1).map(\.tag) == ["t1"])
        try document.render(1, "The first sentence<t1/>after the tab.")
        try document.render(3, "Text in the box.")
        let output = try document.export()
        let paragraphs = try WordDocument.paragraphs(path: output, origin: "exported")
        #expect(paragraphs.map(\.text) == ["The first sentence\tafter the tab. مضاف.", "Text in the box."])
        #expect(!(try WordFixture.part("word/document.xml", of: output)).contains("محذوف"))
    }

    @Test("A truncated, legacy, encrypted, empty or bomb-like file gets one clear error, not a crash")
    func badFiles() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tarjuman-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let good = directory.appendingPathComponent("good.docx").path
        try WordFixture.writeArticle(to: good)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: good))
        func reason(_ data: Data, _ name: String) -> String {
            let path = directory.appendingPathComponent(name).path
            FileManager.default.createFile(atPath: path, contents: data)
            do {
                _ = try FormattedDocument(contentsOf: path, format: .docx)
                return "read"
            } catch {
                return error.localizedDescription
            }
        }
        #expect(reason(bytes.prefix(bytes.count / 2), "truncated.docx").contains("truncated or damaged"))
        let legacy = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + Data(count: 600)
        #expect(reason(legacy, "old.docx").contains("Word 97-2003 (.doc)"))
        let encrypted = legacy + Data("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        #expect(reason(encrypted, "locked.docx").contains("password-protected"))
        #expect(reason(Data("just text".utf8), "text.docx").contains("not a DOCX file"))
        #expect(reason(Data(), "empty.docx").contains("empty"))
        var parts = WordFixture.parts(body: WordFixture.articleBody)
        parts.append(("word/media/zeros.bin", String(repeating: "\0", count: 40 << 20)))
        let bomb = directory.appendingPathComponent("bomb.docx").path
        try WordFixture.write(parts, to: bomb)
        #expect(reason(try Data(contentsOf: URL(fileURLWithPath: bomb)), "bomb2.docx").contains("zip bomb"))
        let noDocument = directory.appendingPathComponent("other.docx").path
        try WordFixture.write([("hello.txt", "hello")], to: noDocument)
        #expect(reason(try Data(contentsOf: URL(fileURLWithPath: noDocument)), "other2.docx").contains("no Word document inside"))
    }

    @Test("XLIFF carries the codes as g and x elements with the tag as id; a target another tool rewrote comes back with its tags")
    func xliffCodes() throws {
        let document = try ImportedWordDocument()
        try document.render(2, "The Secretary-General said <b1>the historic agreement</b1> would take effect soon.")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tarjuman-\(UUID().uuidString).xlf").path
        _ = try XLIFFWriter(database: document.store.database).export(to: path, options: ExportOptions(documents: [1]))
        let xliff = try String(contentsOfFile: path, encoding: .utf8)
        #expect(xliff.contains(#"<source xml:lang="ar">قال الأمين العام إن <g id="b1" ctype="bold">الاتفاق التاريخي</g> سيدخل حيز التنفيذ قريبا.</source>"#))
        #expect(xliff.contains(#"<target xml:lang="en" state="translated">The Secretary-General said <g id="b1" ctype="bold">the historic agreement</g> would take effect soon.</target>"#))
        #expect(xliff.contains(#"<source xml:lang="ar">وأضاف أن التفاصيل متاحة على <g id="a1" ctype="link">الموقع الرسمي</g>.</source>"#))
        let edited = xliff.replacingOccurrences(of: #"<source xml:lang="ar">وأضاف أن التفاصيل متاحة على <g id="a1" ctype="link">الموقع الرسمي</g>.</source>"#,
                                                with: #"<source xml:lang="ar">وأضاف أن التفاصيل متاحة على <g id="a1" ctype="link">الموقع الرسمي</g>.</source><target xml:lang="en">Details are on <g id="a1" ctype="link">the site</g>, he said.</target>"#)
        try edited.write(toFile: path, atomically: true, encoding: .utf8)
        let outcome = try XLIFFImporter(database: document.store.database).importFiles([path], translator: "reviewer")[0]
        #expect(outcome.changed == 1 && outcome.droppedCodes == 0)
        #expect(try document.store.units(document: 1)[2].rendering == "Details are on <a1>the site</a1>, he said.")
    }

    @Test("Crossed or unclosed tags are written as properly nested XLIFF")
    func nestedTags() {
        #expect(TaggedText.nested([.open(0), .text("a"), .open(1), .text("b"), .close(0), .text("c"), .close(1), .close(2), .open(3)])
            == [.open(0), .text("a"), .open(1), .text("b"), .close(1), .close(0), .open(1), .text("c"), .close(1), .open(3), .close(3)])
    }

    @Test("TMX carries the codes as bpt, ept and ph with the tag as their content")
    func tmxCodes() throws {
        let document = try ImportedWordDocument()
        try document.render(2, "The Secretary-General said <b1>the historic agreement</b1> would take effect soon.")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tarjuman-\(UUID().uuidString).tmx").path
        _ = try TMXWriter(database: document.store.database).export(to: path, options: ExportOptions(documents: [1]))
        let tmx = try String(contentsOfFile: path, encoding: .utf8)
        #expect(tmx.contains(#"<seg>قال الأمين العام إن <bpt i="1">&lt;b1&gt;</bpt>الاتفاق التاريخي<ept i="1">&lt;/b1&gt;</ept> سيدخل حيز التنفيذ قريبا.</seg>"#))
        #expect(tmx.contains(#"<seg>The Secretary-General said <bpt i="1">&lt;b1&gt;</bpt>the historic agreement<ept i="1">&lt;/b1&gt;</ept> would take effect soon.</seg>"#))
    }
}
