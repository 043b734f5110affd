import Foundation
import GRDB
import Testing
@testable import TarjumanCore

@Suite("Annotate")
struct AnnotatorTests {
    let old = "قال المتحدث إن الوفد وصل. وعقد الوفد اجتماعا مطولا. ثم غادر الوفد المدينة."

    func makeMemory() throws -> TranslationStore {
        let store = try makeStore()
        _ = try store.importDocuments([try segmented(old, name: "old.txt")])
        _ = try store.render([
            RenderingInput(unit: UnitID(document: 1, ordinal: 1), text: "The spokesman said the delegation had arrived."),
            RenderingInput(unit: UnitID(document: 1, ordinal: 2), text: "The delegation held a long meeting."),
        ], translator: "lina", status: .approved, origin: "manual")
        _ = try GlossaryStore(database: store.database).add(Term(arabic: "الوفد", english: "the delegation"))
        return store
    }

    @Test("Each sentence gets its band, its best match and its glossary terms; the summary counts units and words")
    func bands() throws {
        let store = try makeMemory()
        let text = "قال المتحدث إن الوفد وصل. وعقد الوفد اجتماعا مطولا. وغادر الوزير العاصمة مساء أمس بعد لقاء قصير."
        let annotation = try Annotator(database: store.database).annotate(SourceText(origin: "new.txt", text: text))
        // The first sentence starts both documents and is followed by the same one: a context match.
        #expect(annotation.units.map(\.band) == [.context, .exact, .new])
        #expect(annotation.units[0].match?.target == "The spokesman said the delegation had arrived.")
        #expect(annotation.units[0].terms.map(\.surface) == ["الوفد"])
        #expect(annotation.units[2].match == nil)
        #expect(annotation.summary.units == 3)
        #expect(annotation.summary.words == 5 + 4 + 8)
        #expect(annotation.summary.unitsByBand[.exact] == 1)
        #expect(annotation.summary.unitsByBand[.context] == 1)
        #expect(annotation.summary.wordsByBand[.new] == 8)
        #expect(annotation.document == nil)
        #expect(try store.documents().count == 1)
    }

    @Test("Context matches when the neighbours match, fuzzy bands below 100")
    func contextAndFuzzy() throws {
        let store = try makeMemory()
        let annotation = try Annotator(database: store.database).annotate(SourceText(origin: "same.txt", text: old + " وعاد الوفد مساء."))
        #expect(annotation.units.map(\.band) == [.context, .context, .new, .new])
        let fuzzy = try Annotator(database: store.database).annotate(SourceText(origin: "f.txt", text: "وعقد الوفد اجتماعا مطولا جدا."))
        #expect(fuzzy.units.first?.band == .fuzzy75)
        #expect(fuzzy.units.first?.match?.differences == [WordDifference(change: .added, query: "جدا", memory: nil)])
    }

    @Test("--store imports the document and turns exact and context matches into drafts, in one transaction")
    func store() throws {
        let store = try makeMemory()
        let source = SourceText(origin: "new.txt", text: "قال المتحدث إن الوفد وصل. وعقد الوفد اجتماعا مطولا. وغادر الوزير العاصمة.")
        let annotation = try Annotator(database: store.database).annotate(source, store: true)
        #expect(annotation.document == 2)
        #expect(annotation.draftsAdded == 2)
        let units = try store.units(document: 2)
        #expect(units.map(\.rendering) == ["The spokesman said the delegation had arrived.", "The delegation held a long meeting.", nil])
        #expect(units.map(\.status) == [.draft, .draft, nil])
        let detail = try store.detail(of: UnitID(document: 2, ordinal: 1))
        #expect(detail.current?.origin == "pretranslated from unit 1.1, context")
        let again = try Annotator(database: store.database).annotate(source, store: true)
        #expect(again.alreadyPresent)
        #expect(again.draftsAdded == 0)
    }

    @Test("The HTML page is self-contained, escapes text and sets Arabic right to left")
    func html() throws {
        let store = try makeMemory()
        _ = try store.importPairs([TranslationPair(source: "قال إن <الوفد> وصل & غادر.", target: "He said <the delegation> came & left.")],
                                  name: "tags", origin: "test")
        let annotation = try Annotator(database: store.database).annotate(SourceText(origin: "a<b>.txt", text: "قال إن <الوفد> وصل & غادر."))
        let page = AnnotationHTML.page(annotation)
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(page.contains("<title>a&lt;b&gt;.txt — Tarjuman analysis</title>"))
        #expect(page.contains("dir=\"rtl\""))
        #expect(page.contains("He said &lt;the delegation&gt; came &amp; left."))
        #expect(!page.contains("<the delegation>"))
        #expect(!page.contains("http"))
        #expect(page.contains("1 unit, "))
    }
}
