import Foundation
import Testing
@testable import TarjumanCore

@Suite("Recurring terms")
struct TermDiscoveryTests {
    @Test("On the sample article the top candidates are its organisations and themes, never a bare function word")
    func sample() throws {
        let store = try makeStore()
        let text = try String(contentsOf: packageRoot.appendingPathComponent("seeds/000_d30af9c42a70480b.txt"), encoding: .utf8)
        _ = try store.importDocuments([try segmented(text, name: "sample.txt")])
        let candidates = try TermDiscovery(database: store.database).candidates(TermOptions(limit: 15))
        let terms = candidates.map(\.term)
        for expected in ["حماس", "الجهاد الإسلامي", "كتائب القسام", "سرايا القدس", "المقاومة"] {
            #expect(terms.contains(expected), "\(expected) is not among \(terms)")
        }
        let all = try TermDiscovery(database: store.database).candidates(TermOptions(limit: 1000))
        for candidate in all {
            let words = candidate.term.split(separator: " ").map { ArabicSearchKey.key(String($0)) }
            #expect(!ArabicFunctionWords.contains(words.first!) && !ArabicFunctionWords.contains(words.last!), "\(candidate.term)")
            #expect(candidate.count >= 2)
        }
        #expect(all.first { $0.term == "كتائب القسام" }?.count == 3)
        #expect(!terms.contains("القسام"))
    }

    @Test("Proclitics come off the first word only when the rest is a word of the memory nearly as frequent; ال stays")
    func proclitics() throws {
        let counts = Dictionary(uniqueKeysWithValues: [("سرايا", 2), ("بيان", 5), ("يلى", 3), ("ليلى", 40)].map { (ArabicSearchKey.key($0.0), $0.1) })
        func first(_ word: String) -> String? {
            TermDiscovery.firstWord((ArabicSearchKey.key(word), word), frequency: { counts[$0] ?? 0 })?.light
        }
        #expect(first("ليلى") == "ليلى")
        #expect(first("وسرايا") == "سرايا")
        #expect(first("والجهاد") == "الجهاد")
        #expect(first("للأسرى") == "الأسرى")
        #expect(first("بيان") == "بيان")
        #expect(first("لبنان") == "لبنان")
        #expect(first("وبيان") == "بيان")
        #expect(first("وفي") == nil)
        #expect(first("عليه") == nil)
    }

    @Test("Renderings suggested from the memory, the glossary flag, documents counted")
    func renderings() throws {
        let store = try makeStore()
        let pairs = [
            TranslationPair(source: "قصفت كتائب القسام المستوطنات.", target: "The Qassam Brigades shelled the settlements."),
            TranslationPair(source: "أعلنت كتائب القسام مسؤوليتها.", target: "The Qassam Brigades claimed responsibility."),
            TranslationPair(source: "وقالت كتائب القسام إن مقاتليها عادوا.", target: "The Qassam Brigades said its fighters returned."),
            TranslationPair(source: "وقالت حماس إن الوفد عاد.", target: "Hamas said the delegation returned."),
            TranslationPair(source: "رحبت حماس بالقرار.", target: "Hamas welcomed the decision."),
        ]
        _ = try store.importPairs(Array(pairs.prefix(3)), name: "a", origin: "test")
        _ = try store.importPairs(Array(pairs.suffix(2)), name: "b", origin: "test")
        _ = try GlossaryStore(database: store.database).add(Term(arabic: "حماس", english: "Hamas"))
        let candidates = try TermDiscovery(database: store.database).candidates()
        let qassam = try #require(candidates.first { $0.term == "كتائب القسام" })
        #expect(qassam.count == 3)
        #expect(qassam.documents == 1)
        #expect(!qassam.inGlossary)
        #expect(qassam.renderings.first == "Qassam Brigades")
        let hamas = try #require(candidates.first { $0.term == "حماس" })
        #expect(hamas.inGlossary)
        #expect(hamas.renderings.first == "Hamas")
    }
}
