import Foundation
import Testing
@testable import TarjumanCore

func matcher(_ pairs: [(String, String)]) throws -> GlossaryMatcher {
    try GlossaryMatcher(terms: pairs.map { Term(arabic: $0.0, english: $0.1) })
}

/// (surface, term, kind) of each match.
func found(_ text: String, _ glossary: GlossaryMatcher, all: Bool = false) -> [String] {
    glossary.matches(in: text, includeNested: all).map { "\($0.surface)=\($0.term.arabic)/\($0.kind.rawValue)" }
}

@Suite("Glossary matching")
struct GlossaryMatcherTests {
    @Test("Clitics, tatweel, alef maqsura, ta marbuta before a suffix, the tanween alif")
    func issueExamples() throws {
        let glossary = try matcher([
            ("الجهاد الإسلامي", "Islamic Jihad"), ("سرايا القدس", "al-Quds Brigades"), ("كتائب القسام", "al-Qassam Brigades"),
            ("الأسرى", "prisoners"), ("المقاومة", "resistance"), ("المستوى السياسي", "political level"), ("حازم", "firm"),
        ])
        #expect(found("والجهاد الإسلامي", glossary) == ["والجهاد الإسلامي=الجهاد الإسلامي/clitic"])
        #expect(found("وسرايا القدس", glossary) == ["وسرايا القدس=سرايا القدس/clitic"])
        #expect(found("كتائب القســـــام", glossary) == ["كتائب القســـــام=كتائب القسام/normalized"])
        #expect(found("للأسرى", glossary) == ["للأسرى=الأسرى/clitic"])
        #expect(found("ومقاومته", glossary) == ["ومقاومته=المقاومة/clitic"])
        #expect(found("المستوي السياسي", glossary) == ["المستوي السياسي=المستوى السياسي/normalized"])
        #expect(found("حازماً", glossary) == ["حازماً=حازم/clitic"])
        #expect(found("سرايا القدس", glossary) == ["سرايا القدس=سرايا القدس/exact"])
    }

    @Test("لل before a word starting with ل is ل + ال")
    func lilWithLam() throws {
        let glossary = try matcher([("اللجان", "committees"), ("لبنان", "Lebanon")])
        #expect(found("للجان المشتركة", glossary) == ["للجان=اللجان/clitic"])
        #expect(found("ولبنان وللبنان", glossary) == ["ولبنان=لبنان/clitic", "وللبنان=لبنان/clitic"])
    }

    @Test("A one-letter clitic is never stripped to leave fewer than three letters")
    func shortStems() throws {
        let glossary = try matcher([("طن", "ton"), ("بي", "B"), ("لبن", "milk")])
        #expect(found("وطن وطنية بيان لبنان", glossary).isEmpty)
        #expect(found("طن من اللبن", glossary) == ["طن=طن/exact", "اللبن=لبن/clitic"])
    }

    @Test("The word as written wins over a stripped reading")
    func preferUnstripped() throws {
        let glossary = try matcher([("وطن", "homeland"), ("طنين", "buzz"), ("الحماس", "enthusiasm"), ("حماس", "Hamas")])
        #expect(found("وطن", glossary) == ["وطن=وطن/exact"])
        #expect(found("الحماس", glossary) == ["الحماس=الحماس/exact"])
        #expect(found("وحماس", glossary) == ["وحماس=حماس/clitic"])
    }

    @Test("Sound plural and dual endings match as inflected")
    func plurals() throws {
        let glossary = try matcher([("مستوى", "level"), ("حركة", "movement"), ("مهندس", "engineer"), ("قيادة", "leadership")])
        #expect(found("في المستويات كافة", glossary) == ["المستويات=مستوى/inflected"])
        #expect(found("الحركتين", glossary) == ["الحركتين=حركة/inflected"])
        #expect(found("المهندسون والمهندسين", glossary) == ["المهندسون=مهندس/inflected", "والمهندسين=مهندس/inflected"])
        #expect(found("قياداتها", glossary) == ["قياداتها=قيادة/inflected"])
    }

    @Test("Longest term first; nested terms only when asked; homographs all reported")
    func longestFirst() throws {
        let glossary = try GlossaryMatcher(terms: [
            Term(arabic: "الجهاد", english: "jihad"), Term(arabic: "الجهاد الإسلامي", english: "Islamic Jihad"),
            Term(arabic: "حركة الجهاد الإسلامي", english: "Islamic Jihad Movement"),
            Term(arabic: "عين", english: "eye", domain: "medicine"), Term(arabic: "عين", english: "spring", domain: "geography"),
        ])
        #expect(found("أعلنت حركة الجهاد الإسلامي", glossary) == ["حركة الجهاد الإسلامي=حركة الجهاد الإسلامي/exact"])
        #expect(found("أعلنت حركة الجهاد الإسلامي", glossary, all: true) == [
            "حركة الجهاد الإسلامي=حركة الجهاد الإسلامي/exact", "الجهاد الإسلامي=الجهاد الإسلامي/exact", "الجهاد=الجهاد/exact",
        ])
        #expect(glossary.matches(in: "عين").map(\.term.english) == ["eye", "spring"])
    }

    @Test("Words of a term must be joined by white space only")
    func punctuationBreaksTerms() throws {
        let glossary = try matcher([("سرايا القدس", "al-Quds Brigades")])
        #expect(found("سرايا، القدس", glossary).isEmpty)
        #expect(found("سرايا\nالقدس", glossary).count == 1)
    }

    @Test("Offsets point into the original text, as Unicode scalars")
    func offsets() throws {
        let glossary = try matcher([("حماس", "Hamas")])
        let text = "😀 قالت حـماس."
        let match = try #require(glossary.matches(in: text).first)
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[match.start ..< match.end])) == "حـماس")
        #expect(match.start == 7)
        #expect(match.kind == .normalized)
    }
}

@Suite("Clitic readings")
struct ArabicCliticsTests {
    func stems(_ word: String, tanween: Bool = false) -> Set<String> {
        let scalars = Array(word.unicodeScalars)
        return Set(ArabicClitics.readings(of: scalars, hadTanween: tanween).map { String(scalars: $0.stem(of: scalars)) })
    }

    @Test("Proclitics, the article, pronouns with ت → ة, and the word itself first")
    func readings() {
        let word = Array("ومقاومته".unicodeScalars)
        #expect(ArabicClitics.readings(of: word).first?.kind == .exact)
        #expect(stems("ومقاومته").isSuperset(of: ["ومقاومته", "مقاومته", "مقاومت", "مقاومة"]))
        #expect(stems("للأسرى").contains("الأسرى"))
        #expect(stems("للجان").contains("اللجان"))
        #expect(stems("والجهاد").isSuperset(of: ["الجهاد", "جهاد"]))
        let light = ArabicSearchKey.lightForm(Array("وَمُقَاوَمَتِهِ".unicodeScalars))
        #expect(String(scalars: light) == "ومقاومته")
        #expect(stems("حازما", tanween: true).contains("حازم"))
        #expect(!stems("حازما").contains("حازم"))
    }

    @Test("No stem shorter than the rules allow")
    func shortStems() {
        #expect(!stems("وطن").contains("طن"))
        #expect(!stems("لبنان").contains("لبن"))
        #expect(!stems("بيان").contains("بي"))
        #expect(!stems("فلسطيني").contains("فلسطين"))
        #expect(stems("حركتي").contains("حركة"))
    }
}
