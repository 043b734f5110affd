import Foundation
import GRDB
import Testing
@testable import TarjumanCore

@Suite("HTML pages in and out")
struct HTMLPageTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/html")

    func page(_ name: String) throws -> Data {
        try Data(contentsOf: Self.fixtures.appendingPathComponent(name))
    }

    func imported(_ data: Data, name: String = "page.html") throws -> (TranslationStore, FormattedDocument) {
        let store = TranslationStore(database: try TarjumanDatabase.inMemory())
        let document = try FormattedDocument(bytes: data, format: .html, origin: name)
        _ = try store.importFormattedDocuments([PreparedFormattedDocument(document, units: document.units(segmenter: try SentenceSegmenter()))])
        return (store, document)
    }

    func export(_ store: TranslationStore, _ untranslated: UntranslatedUnits = .source) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tarjuman-\(UUID().uuidString).html").path
        _ = try EnglishDocument.write(store, document: 1, to: path, format: .html, untranslated: untranslated)
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    func render(_ store: TranslationStore, _ ordinal: Int, _ text: String) throws {
        _ = try store.render([RenderingInput(unit: UnitID(document: 1, ordinal: ordinal), text: text)], translator: nil, status: .draft, origin: "manual")
    }

    @Test("A news page: title, meta descriptions and alt texts are units; script, style, nav, template, noscript and translate=no are not")
    func modernPage() throws {
        let (store, _) = try imported(try page("news-modern.html"))
        let sources = try store.units(document: 1).map(\.source)
        #expect(sources.first == "مجلس الأمن يدعو إلى وقف إطلاق النار | أخبار العالم")
        #expect(sources.contains("دعا مجلس الأمن الدولي إلى وقف فوري لإطلاق النار وإيصال المساعدات."))
        #expect(sources.contains("أعضاء مجلس الأمن خلال جلسة التصويت"))
        #expect(sources.contains("ابحث في الموقع"))
        #expect(sources.contains("نص القرار كاملا"))
        #expect(sources.contains("المساعدات تصل إلى المعابر"))
        #expect(sources.contains("رحبت الجامعة العربية بالقرار."))
        for absent in ["أخبار", "رياضة", "تعليق جديد", "إعلان", "شارك المقال", "فعّل جافاسكريبت", "لا", "شعار"] {
            #expect(!sources.contains { $0.contains(absent) && $0.count < absent.count + 3 }, "\(absent) is not for translation")
        }
        #expect(!sources.contains { $0.contains("NewsArticle") || $0.contains("margin") })
    }

    @Test("Inline elements are codes: strong and b bold, em italic, a link, span and time formats")
    func inlineCodes() throws {
        let (store, _) = try imported(try page("news-modern.html"))
        let units = try store.units(document: 1)
        let ids = try store.database.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM unit ORDER BY ordinal") }
        let stored = try store.database.read { db in try TranslationStore.unitCodes(ids, db) }
        func codes(of source: String) -> [String] {
            guard let index = units.firstIndex(where: { $0.source == source }) else { return ["missing"] }
            return (stored[ids[index]] ?? []).map { "\($0.tag):\($0.kind.rawValue)" }
        }
        #expect(codes(of: "دعا مجلس الأمن الدولي اليوم الثلاثاء إلى وقف فوري لإطلاق النار.") == ["b1:bold"])
        #expect(codes(of: "وقال المندوب الفرنسي إن القرار \"خطوة أولى\"، مضيفا أن نص القرار يطالب بإيصال المساعدات دون عوائق.") == ["a1:link", "i2:italic"])
        #expect(codes(of: "نشر في 2 ديسمبر 2026 · سارة أحمد") == ["g1:format", "a2:link"])
    }

    @Test("Exported with no renderings, the page keeps every paragraph's text and codes; scripts stay as they were")
    func roundTrip() throws {
        let original = try page("news-modern.html")
        let (store, document) = try imported(original)
        let exported = try export(store)
        let again = try HTMLPage(data: Data(exported.utf8), origin: "again.html")
        #expect(again.paragraphs.map(\.text) == document.paragraphs.map(\.text))
        #expect(again.paragraphs.map { $0.codes.map { "\($0.kind)\($0.start)-\($0.end)" } } == document.paragraphs.map { $0.codes.map { "\($0.kind)\($0.start)-\($0.end)" } })
        #expect(exported.contains(#"if (1 < 2) { document.write("<p>لا</p>"); }"#))
        #expect(exported.contains(#"<script src="/assets/app.js" defer></script>"#))
        #expect(exported.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\" class=\"no-js\">"))
    }

    @Test("Renderings replace units with their codes; attributes take their English; the page becomes English, left to right")
    func englishPage() throws {
        let (store, _) = try imported(try page("news-modern.html"))
        let units = try store.units(document: 1)
        func ordinal(_ source: String) -> Int { units.first { $0.source == source }!.id.ordinal }
        try render(store, 1, "Security Council calls for a ceasefire | World News")
        try render(store, ordinal("أعضاء مجلس الأمن خلال جلسة التصويت"), "Council members during the vote")
        try render(store, ordinal("دعا مجلس الأمن الدولي اليوم الثلاثاء إلى وقف فوري لإطلاق النار."),
                   "<b1>The UN Security Council</b1> called on Tuesday for an immediate ceasefire.")
        try render(store, ordinal("رحبت الجامعة العربية بالقرار."), "The Arab League welcomed the resolution.")
        try render(store, ordinal("ودعت إلى تنفيذه على الفور."), "It called for it to be carried out at once.")
        let exported = try export(store, .skip)
        #expect(exported.contains("<title>Security Council calls for a ceasefire | World News</title>"))
        #expect(exported.contains(#"alt="Council members during the vote""#))
        #expect(exported.contains("<p><strong>The UN Security Council</strong> called on Tuesday for an immediate ceasefire.</p>"))
        #expect(exported.contains("<p>The Arab League welcomed the resolution.<br>It called for it to be carried out at once.</p>")
            || exported.contains("<p>The Arab League welcomed the resolution. It called for it to be carried out at once.</p>"))
        #expect(exported.contains(#"<body class="article-page" dir="ltr">"#))
        #expect(!exported.contains("وصوّت"))
        #expect(exported.contains("<nav class=\"main-nav\" aria-label=\"الأقسام\">"))
    }

    @Test("A windows-1256 page is read as it declares, and written back in UTF-8")
    func windows1256() throws {
        let (store, document) = try imported(try page("news-agency-1256.html"))
        #expect(document.note == "windows-1256, as it declares")
        let sources = try store.units(document: 1).map(\.source)
        #expect(sources.contains("أعلنت الحكومة اليوم عن ميزانية بقيمة 958.6 مليون دينار."))
        #expect(sources.contains("رسم بياني للميزانية"))
        #expect(sources.contains("التعليم: 120 مليون"))
        let exported = try export(store)
        #expect(exported.contains(#"<meta http-equiv="Content-Type" content="text/html; charset=utf-8">"#))
        #expect(exported.contains("أعلنت الحكومة اليوم"))
    }

    @Test("An undeclared page that is not UTF-8 is read as windows-1256 and says so")
    func undeclaredLegacyPage() throws {
        let bytes: [UInt8] = Array("<html><body><p>".utf8) + [0xC7, 0xE1, 0xDE, 0xCF, 0xD3] + Array("</p></body></html>".utf8)
        let (store, document) = try imported(Data(bytes))
        #expect(document.note == "windows-1256: it declares no charset and is not UTF-8")
        #expect(try store.units(document: 1).map(\.source) == ["القدس"])
    }

    @Test("A page with no body, only frames, or no text gets one clear error")
    func pagesWithoutBody() throws {
        func reason(_ html: String) -> String {
            do {
                _ = try FormattedDocument(bytes: Data(html.utf8), format: .html, origin: "page.html")
                return "read"
            } catch {
                return error.localizedDescription
            }
        }
        #expect(reason("<html><head><title>عنوان الصفحة</title></head></html>") == "page.html: has no body, so nothing to translate; is it the whole page?.")
        #expect(reason("<html><frameset><frame src=\"a.html\"></frameset></html>").contains("has frames and no body"))
        #expect(reason("<html><body><script>var a = 'نص';</script></body></html>").contains("no text in its body"))
        #expect(reason("").contains("empty"))
        #expect(reason("<p>" + String(repeating: "<div>", count: 400) + "نص").contains("nested more than"))
    }
}

@Suite("Tagged text")
struct TaggedTextTests {
    let codes = [
        InlineCode(tag: "b1", kind: .bold, paired: true, start: 4, end: 8),
        InlineCode(tag: "t2", kind: .tab, paired: false, start: 9, end: 10),
        InlineCode(tag: "f3", kind: .footnote, paired: false, start: 12, end: 12),
    ]

    @Test("Only the unit's own tags are tags; any other angle bracket is text")
    func pieces() {
        #expect(TaggedText.pieces("a <b1>bold</b1> x<t2/>y <3 <i9> <f3/>", codes: codes) == [
            .text("a "), .open(0), .text("bold"), .close(0), .text(" x"), .point(1), .text("y <3 <i9> "), .point(2),
        ])
        #expect(TaggedText.plain("a <b1>bold</b1> <t2/>", codes: codes) == "a bold ")
        #expect(TaggedText.pieces("<b1/> </t2>", codes: codes) == [.text("<b1/> </t2>")])
    }

    @Test("A source with its codes written as tags; a tab's character gives way to its tag")
    func tagged() {
        #expect(TaggedText.tagged("قال إنه غ\tعنه.", codes: codes) == "قال <b1>إنه </b1>غ<t2/>عن<f3/>ه.")
    }

    @Test("Problems: codes left out, tags closed before they open or never closed")
    func problems() {
        let (missing, unbalanced) = TaggedText.problems("</b1>text<b1> <t2/>", codes: codes)
        #expect(missing.map(\.tag) == ["f3"])
        #expect(unbalanced.map(\.tag) == ["b1"])
        let clean = TaggedText.problems("<b1>x</b1><t2/><f3/>", codes: codes)
        #expect(clean.missing.isEmpty && clean.unbalanced.isEmpty)
    }
}
