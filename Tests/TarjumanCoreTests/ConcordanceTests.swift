import Foundation
import Testing
@testable import TarjumanCore

@Suite("Concordance")
struct ConcordanceTests {
    func makeMemory() throws -> TranslationStore {
        let store = try makeStore()
        _ = try store.importPairs([
            TranslationPair(source: "أكدت حركتا حماس والجهاد الإسلامي أن المقاومة خيارهما.", target: "Hamas and Islamic Jihad said resistance is their choice."),
            TranslationPair(source: "التقى وفد من الجهاد الإسلامي بمسؤولين مصريين.", target: "An Islamic Jihad delegation met Egyptian officials."),
            TranslationPair(source: "وقالت حركة الجهاد الاسلامي إن الاجتماع كان إيجابيا.", target: "The Islamic Jihad movement said the meeting was positive."),
            TranslationPair(source: "دعا الإمام إلى الجهاد في سبيل العلم.", target: "The imam called for striving in the pursuit of knowledge."),
            TranslationPair(source: "أشاد البيان بمقاومته الباسلة.", target: "The statement praised its valiant resistance."),
        ], name: "memory", origin: "test")
        _ = try store.render([RenderingInput(unit: UnitID(document: 1, ordinal: 2), text: "A delegation from Islamic Jihad met Egyptian officials.")],
                             translator: nil, status: .draft, origin: "manual")
        return store
    }

    @Test("Finds the term under clitics and spelling variants, marks the span, and counts renderings")
    func multiword() throws {
        let store = try makeMemory()
        let result = try ConcordanceSearch(database: store.database).lookup("الجهاد الإسلامي")
        #expect(result.lines.map(\.unit.description) == ["1.1", "1.2", "1.3"])
        #expect(result.lines.map(\.surface) == ["والجهاد الإسلامي", "الجهاد الإسلامي", "الجهاد الاسلامي"])
        let first = try #require(result.lines.first)
        let scalars = Array(first.source.unicodeScalars)
        #expect(String(scalars: scalars[first.hits[0]]) == "والجهاد الإسلامي")
        // Unit 1.2's current rendering (its newer draft) is offered, not the approved one it replaced.
        #expect(result.lines[1].rendering == "A delegation from Islamic Jihad met Egyptian officials.")
        #expect(result.renderings == [RenderingVariants.Variant(text: "Islamic Jihad", count: 3)])
        #expect(result.otherRenderings == 0)
    }

    @Test("A single word finds pronoun suffixes and prefixes but not other words containing its letters")
    func singleWord() throws {
        let store = try makeMemory()
        let search = ConcordanceSearch(database: store.database)
        #expect(try search.lookup("مقاومة").lines.map(\.surface) == ["المقاومة", "بمقاومته"])
        #expect(try search.lookup("الجهاد").lines.count == 4)
        #expect(try search.lookup("قطر").lines.isEmpty)
        #expect(throws: TarjumanError.emptyQuery) { try search.lookup("  ") }
    }
}

@Suite("Rendering variants")
struct RenderingVariantsTests {
    @Test("Renderings that use a glossary phrase count for it first; the rest group by shared phrases")
    func known() {
        let result = RenderingVariants.variants(in: [
            "Hamas and Islamic Jihad affirmed that resistance is their choice.",
            "A joint statement will be issued after the meeting between Fatah and Hamas.",
            "A joint statement will be issued after the meeting between Fatah and Hamas.",
            "The HAMAS movement's statement came in a joint statement.",
            "The Islamic Resistance Movement said the talks failed.",
            "The Islamic Resistance Movement rejected the offer.",
        ], known: ["Hamas", "Islamic Resistance Movement", "Hammas"])
        #expect(result.variants == [
            RenderingVariants.Variant(text: "Hamas", count: 4),
            RenderingVariants.Variant(text: "Islamic Resistance Movement", count: 2),
        ])
        #expect(result.other == 0)
    }

    @Test("A glossary term's concordance counts its approved and forbidden renderings")
    func glossaryConcordance() throws {
        let store = try makeStore()
        _ = try store.importPairs([
            TranslationPair(source: "قالت حماس إن الاتفاق صامد.", target: "Hamas said the deal holds."),
            TranslationPair(source: "وأعلنت حماس رفضها للعرض.", target: "Hamas rejected the offer."),
            TranslationPair(source: "ورحبت حركة حماس بالبيان.", target: "The Hamas movement welcomed the statement."),
            TranslationPair(source: "وقالت حماس إنها سترد.", target: "HAMAS said it would respond."),
            TranslationPair(source: "وأكدت حماس موقفها.", target: "The movement restated its position."),
            TranslationPair(source: "وهددت حماس بالرد.", target: "The Hamas group threatened to respond."),
        ], name: "memory", origin: "test")
        _ = try GlossaryStore(database: store.database).add(Term(arabic: "حماس", english: "Hamas", forbidden: ["the Hamas group"]))
        let result = try ConcordanceSearch(database: store.database).lookup("حماس")
        #expect(result.lines.count == 6)
        #expect(result.renderings == [RenderingVariants.Variant(text: "Hamas", count: 4),
                                      RenderingVariants.Variant(text: "the Hamas group", count: 1)])
        #expect(result.otherRenderings == 1)
    }

    @Test("Renderings group by the phrase they share, spelling variants apart; a lone rendering is counted apart")
    func groups() {
        let result = RenderingVariants.variants(in: [
            "The Qassam Brigades claimed the attack.",
            "Fighters of the Qassam Brigades fired rockets.",
            "The al-Qassam Brigades said it fired rockets.",
            "Ezzedine al-Qassam Brigades members were killed.",
            "The armed wing issued a statement.",
        ])
        #expect(result.variants == [
            RenderingVariants.Variant(text: "al-Qassam Brigades", count: 2),
            RenderingVariants.Variant(text: "Qassam Brigades", count: 2),
        ])
        #expect(result.other == 1)
    }

    @Test("Inconsistent renderings show up as separate variants")
    func inconsistent() {
        let result = RenderingVariants.variants(in: [
            "Islamic Jihad said the talks failed.",
            "The Islamic Jihad group rejected the offer.",
            "Palestinian Islamic Jihad fighters clashed with troops.",
            "The Jihad movement said it would respond.",
            "A Jihad movement spokesman spoke.",
        ])
        #expect(result.variants.map(\.text) == ["Islamic Jihad", "Jihad movement"])
        #expect(result.variants.map(\.count) == [3, 2])
    }
}
