import Foundation
import Testing
@testable import TarjumanCore

/// A lexicon of hand-set translation pairs (Arabic light form or clitic, English word), the same
/// probability both ways; pairs not listed never link.
func handLexicon(_ pairs: [(String, String)], splitter: ArabicWordSplitter = ArabicWordSplitter()) -> AlignmentLexicon {
    var lexicon = AlignmentLexicon(splitter: splitter)
    var arabicIds: [String: Int32] = ["": 0], englishIds: [String: Int32] = ["": 0]
    var arabicRows: [String: [Int32: Float]] = [:], englishRows: [String: [Int32: Float]] = [:]
    func key(_ arabic: String) -> String {
        if arabic.hasSuffix("+") { return ArabicSearchKey.key(String(arabic.dropLast())) + "+" }
        if arabic.hasPrefix("+") { return "+" + ArabicSearchKey.key(String(arabic.dropFirst())) }
        return ArabicSearchKey.key(arabic)
    }
    for (arabic, english) in pairs {
        let a = key(arabic)
        let arabicId = arabicIds[a] ?? Int32(arabicIds.count)
        arabicIds[a] = arabicId
        let englishId = englishIds[english] ?? Int32(englishIds.count)
        englishIds[english] = englishId
        arabicRows[a, default: [:]][englishId] = 0.5
        englishRows[english, default: [:]][arabicId] = 0.5
    }
    for (text, id) in arabicIds { lexicon.arabic[text] = AlignmentLexicon.Entry(id: id, row: arabicRows[text] ?? [:]) }
    for (text, id) in englishIds { lexicon.english[text] = AlignmentLexicon.Entry(id: id, row: englishRows[text] ?? [:]) }
    return lexicon
}

/// The scalar range of `part` in `text`.
func scalarRange(of part: String, in text: String) throws -> Range<Int> {
    let range = try #require(text.range(of: part))
    let start = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: range.lowerBound)
    return start ..< start + part.unicodeScalars.count
}

@Suite("Word alignment")
struct WordAlignmentTests {
    @Test("Clitics are split from a word only when the rest is a word of the texts")
    func splits() {
        let splitter = ArabicWordSplitter(frequencies: ["بمقاومته": 1, "مقاومة": 3, "لبنان": 5, "بنان": 0, "والجهاد": 2, "الجهاد": 4])
        #expect(splitter.split(Array("بمقاومته".unicodeScalars)) == .init(proclitics: [1], enclitic: 1, stemEndsInTehMarbuta: true))
        #expect(splitter.split(Array("لبنان".unicodeScalars)) == .init())
        #expect(splitter.split(Array("والجهاد".unicodeScalars)) == .init(proclitics: [1, 2]))
        let tokens = AlignmentTokenizer.arabic("أشاد بمقاومته", splitter: splitter)
        #expect(tokens.map(\.text) == ["اشاد", "ب+", ArabicSearchKey.key("مقاومة"), "+ه"])
        #expect(tokens.map(\.role) == [.stem, .proclitic, .stem, .enclitic])
        #expect(tokens[2].range == 6 ..< 12)
        #expect(AlignmentTokenizer.english("Gaza's mayor, 3.5 km").map(\.text) == ["gaza", "'s", "mayor", "3.5", "km"])
    }

    @Test("A term's span leaves out the preposition and the pronoun its word carries")
    func clitics() throws {
        let splitter = ArabicWordSplitter(known: ["بمقاومته": .init(proclitics: [1], enclitic: 1, stemEndsInTehMarbuta: true)])
        let lexicon = handLexicon([("اشاد", "praised"), ("ال+", "the"), ("بيان", "statement"), ("ب+", "for"),
                                   ("مقاومة", "resistance"), ("+ه", "its"), ("باسلة", "valiant")], splitter: splitter)
        let arabic = "أشاد البيان بمقاومته الباسلة.", english = "The statement praised its valiant resistance."
        let spans = TermRenderings.spans(arabic: arabic, english: english, hits: [try scalarRange(of: "بمقاومته", in: arabic)], lexicon: lexicon)
        #expect(spans == [RenderedSpan(range: try scalarRange(of: "resistance", in: english), text: "resistance")])
    }

    @Test("A multiword term is rendered by the English it links to, in English order, without the article")
    func multiword() throws {
        let lexicon = handLexicon([("التقى", "met"), ("وفد", "delegation"), ("جهاد", "jihad"), ("اسلامي", "islamic"),
                                   ("مسؤولين", "officials"), ("مصريين", "egyptian")])
        let arabic = "التقى وفد من الجهاد الإسلامي بمسؤولين مصريين.", english = "An Islamic Jihad delegation met Egyptian officials."
        let spans = TermRenderings.spans(arabic: arabic, english: english, hits: [try scalarRange(of: "الجهاد الإسلامي", in: arabic)], lexicon: lexicon)
        #expect(spans.map { $0?.text } == ["Islamic Jihad"])
    }

    @Test("A term rendered by one word in one unit and by three in another counts as two renderings")
    func oneWordAndThree() throws {
        let lexicon = handLexicon([("قالت", "said"), ("اونروا", "unrwa"), ("اونروا", "un"), ("اونروا", "refugee"), ("اونروا", "agency"),
                                   ("ان", "that"), ("مدارس", "schools"), ("مغلقة", "closed")])
        let pairs = [("قالت الأونروا إن المدارس مغلقة.", "UNRWA said that the schools are closed."),
                     ("قالت الأونروا إن المدارس مغلقة.", "The UN refugee agency said the schools are closed.")]
        var spans: [RenderedSpan] = []
        for (arabic, english) in pairs {
            let found = TermRenderings.spans(arabic: arabic, english: english, hits: [try scalarRange(of: "الأونروا", in: arabic)], lexicon: lexicon)
            spans += found.compactMap { $0 }
        }
        #expect(spans.map(\.text) == ["UNRWA", "UN refugee agency"])
        #expect(TermRenderings.count(spans, known: ["UN Refugee Agency"]) == [
            RenderingVariants.Variant(text: "UN Refugee Agency", count: 1), RenderingVariants.Variant(text: "UNRWA", count: 1),
        ])
    }

    @Test("A term the English leaves out has no span")
    func missing() throws {
        let lexicon = handLexicon([("قال", "said"), ("اجتماع", "meeting"), ("كان", "was"), ("ايجابيا", "positive"), ("ال+", "the")])
        let arabic = "قال المتحدث إن الاجتماع كان إيجابيا.", english = "The meeting was positive."
        let spans = TermRenderings.spans(arabic: arabic, english: english, hits: [try scalarRange(of: "المتحدث", in: arabic)], lexicon: lexicon)
        #expect(spans == [nil])
    }

    @Test("grow-diag-final-and keeps the intersection and grows it into the union next to it")
    func symmetrization() {
        typealias Link = WordAlignment.Link
        let forward = [Link(arabic: 0, english: 0), Link(arabic: 1, english: 1), Link(arabic: 1, english: 2)]
        let backward = [Link(arabic: 0, english: 0), Link(arabic: 1, english: 2), Link(arabic: 3, english: 4)]
        let alignment = WordAlignment(symmetrizing: forward, backward, arabicCount: 4, englishCount: 5)
        #expect(alignment.links == [Link(arabic: 0, english: 0), Link(arabic: 1, english: 1), Link(arabic: 1, english: 2), Link(arabic: 3, english: 4)])
        #expect(alignment.englishSpan(of: 1 ..< 2) == 1 ... 2)
        #expect(alignment.englishSpan(of: 2 ..< 3) == nil)
    }
}

/// A small memory where each city is named in several sentences, so that EM learns its name.
func cityPairs(_ cities: [(String, String)]) -> [TranslationPair] {
    let templates = [("زار الوزير %@ أمس.", "The minister visited %@ yesterday."),
                     ("وصل الوفد إلى %@ صباحا.", "The delegation arrived in %@ in the morning."),
                     ("قصفت الطائرات %@ ليلا.", "Aircraft shelled %@ at night."),
                     ("عاد السكان إلى %@ بعد الحرب.", "Residents returned to %@ after the war.")]
    return cities.flatMap { arabic, english in
        templates.map { TranslationPair(source: $0.0.replacingOccurrences(of: "%@", with: arabic),
                                        target: $0.1.replacingOccurrences(of: "%@", with: english)) }
    }
}

@Suite("Word alignment model")
struct WordAlignmentModelTests {
    static let cities = [("غزة", "Gaza"), ("القدس", "Jerusalem"), ("نابلس", "Nablus"), ("جنين", "Jenin"), ("الخليل", "Hebron"), ("رفح", "Rafah")]

    @Test("A lookup with no model yet guesses from shared phrases and says so; after training it counts aligned spans")
    func noModelThenTrained() throws {
        let store = try makeStore()
        _ = try store.importPairs(cityPairs(Self.cities), name: "cities", origin: "test")
        let search = ConcordanceSearch(database: store.database)
        let before = try search.lookup("غزة")
        #expect(before.model == nil)
        #expect(before.lines.count == 4)
        #expect(before.lines.allSatisfy { $0.spans.isEmpty })

        let status = try WordAlignmentStore(database: store.database).train()
        #expect(status.pairs == 24)
        #expect(try WordAlignmentStore(database: store.database).status()?.isCurrent == true)
        let after = try search.lookup("غزة")
        #expect(after.model?.pairs == 24)
        #expect(after.alignedUnits == 4)
        #expect(after.renderings == [RenderingVariants.Variant(text: "Gaza", count: 4)])
        let line = try #require(after.lines.first)
        let english = try #require(line.rendering)
        #expect(line.spans.first??.range == (try scalarRange(of: "Gaza", in: english)))
        let hebron = try search.lookup("الخليل")
        #expect(hebron.renderings.first?.text == "Hebron", "\(hebron.renderings) \(hebron.lines.map(\.spans))")
    }

    @Test("terms suggests the English its candidates align to once a model is trained; a glossary the memory does not follow hides nothing")
    func termsFromSpans() throws {
        let store = try makeStore()
        _ = try store.importPairs(cityPairs(Self.cities), name: "cities", origin: "test")
        _ = try GlossaryStore(database: store.database).add(Term(arabic: "الخليل", english: "Al-Khalil"))
        let discovery = TermDiscovery(database: store.database)
        #expect(try discovery.candidates(TermOptions(limit: 100)).allSatisfy { !$0.aligned })

        try WordAlignmentStore(database: store.database).train()
        let candidates = try discovery.candidates(TermOptions(limit: 100))
        let gaza = try #require(candidates.first { $0.term == "غزة" })
        #expect(gaza.aligned)
        #expect(gaza.renderings.first == "Gaza", "\(gaza.renderings)")
        let hebron = try #require(candidates.first { $0.term == "الخليل" })
        #expect(hebron.inGlossary)
        #expect(hebron.renderings.first == "Hebron", "\(hebron.renderings)")
    }

    @Test("A glossary term the English renders otherwise is reported with the words that render it, once a model is trained")
    func checkSaysHowATermWasRendered() throws {
        let store = try makeStore()
        _ = try store.importPairs(cityPairs(Self.cities), name: "cities", origin: "test")
        _ = try GlossaryStore(database: store.database).add(Term(arabic: "الخليل", english: "Al-Khalil"))
        let checker = QAChecker(database: store.database)
        let only = CheckOptions(only: [.glossaryMissing, .glossaryForbidden])
        let before = try checker.run(only).findings
        #expect(before.count == 4)
        #expect(before.allSatisfy { $0.message.contains("is not rendered as 'Al-Khalil'") && $0.spans.allSatisfy { $0.side == .source } })

        try WordAlignmentStore(database: store.database).train()
        let after = try checker.run(only).findings
        #expect(after.map(\.id) == before.map(\.id))
        for finding in after {
            #expect(finding.check == .glossaryMissing)
            #expect(finding.message.contains("is rendered here as 'Hebron', not as 'Al-Khalil'"), "\(finding.message)")
            #expect(finding.spans.contains { $0.side == .target && $0.text == "Hebron" })
        }
    }

    @Test("An import makes the model stale; training again learns the new pairs")
    func retraining() throws {
        let store = try makeStore()
        _ = try store.importPairs(cityPairs(Array(Self.cities.prefix(4))), name: "first", origin: "test")
        let model = WordAlignmentStore(database: store.database)
        try model.train()
        _ = try store.importPairs(cityPairs(Array(Self.cities.suffix(2))), name: "second", origin: "test")
        let stale = try #require(try model.status())
        #expect(!stale.isCurrent)
        #expect(stale.changedRenderings == 8)
        #expect(try ConcordanceSearch(database: store.database).lookup("رفح").renderings.first?.text != "Rafah")

        let retrained = try model.train()
        #expect(retrained.pairs == 24)
        #expect(try model.status()?.isCurrent == true)
        #expect(try ConcordanceSearch(database: store.database).lookup("رفح").renderings == [RenderingVariants.Variant(text: "Rafah", count: 4)])
    }
}

@Suite("Lexical table")
struct LexicalTableTests {
    @Test("Past its limit the table drops the rarest pairs and keeps the frequent ones")
    func bounded() {
        var table = LexicalTable(capacity: 16, capacityLimit: 64)
        for _ in 0 ..< 3 {
            for target in 0 ..< 8 { table.addCooccurrence(LexicalTable.key(1, Int32(target))) }
        }
        for target in 100 ..< 1100 { table.addCooccurrence(LexicalTable.key(2, Int32(target))) }
        #expect(table.keys.count <= 256)
        #expect(table.pruned > 0)
        for target in 0 ..< 8 { #expect(table.slot(LexicalTable.key(1, Int32(target))) >= 0) }
        table.setAll(probability: 1)
        table.counts = table.keys.map { $0 == LexicalTable.empty ? 0 : 1 }
        table.normalize(conditioningWords: 3)
        let row = table.rows(minimum: 0, conditioningWords: 3)[1]
        #expect(row.map(\.target) == Array(0 ..< 8))
        #expect(abs(row.map(\.probability).reduce(0, +) - 1) < 1e-5)
    }
}
