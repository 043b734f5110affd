import Foundation
import GRDB
import Testing
@testable import TarjumanCore
@testable import TarjumanEvaluation

@Suite("Translation memory matching")
struct MemoryMatcherTests {
    static let pairs: [TranslationPair] = [
        TranslationPair(source: "أكدت حركتا حماس والجهاد الإسلامي أن المقاومة خيارهما الاستراتيجي.",
                        target: "Hamas and Islamic Jihad affirmed that resistance is their strategic choice.", translator: "lina"),
        TranslationPair(source: "قتل 5 أشخاص في غارة على مدينة غزة.", target: "Five people were killed in a strike on Gaza City.", translator: "omar"),
        TranslationPair(source: "عقد اجتماع في مدينة غزة بحضور كبار قادة كتائب القسام.",
                        target: "A meeting was held in Gaza City attended by senior Qassam Brigades commanders."),
        TranslationPair(source: "وقال البيان إن التنسيق بين الحركتين عال ومتقدم.",
                        target: "The statement said coordination between the two movements is high and advanced."),
    ]

    func makeMemory() throws -> (TranslationStore, MemoryMatcher) {
        let store = try makeStore()
        _ = try store.importPairs(Self.pairs, name: "memory", origin: "test")
        return (store, MemoryMatcher(database: store.database))
    }

    @Test("The same sentence, however dressed in tatweel and diacritics, is an exact match")
    func exact() throws {
        let (_, matcher) = try makeMemory()
        let found = try matcher.matches(for: "قُتِل 5 أشخاص في غـــارة على مدينة غزة.")
        #expect(found.first?.score == 100)
        #expect(found.first?.kind == .exact)
        #expect(found.first?.target == "Five people were killed in a strike on Gaza City.")
        #expect(found.first?.unit.description == "1.2")
        #expect(found.first?.translator == "omar")
        #expect(found.first?.differences == [])
    }

    @Test("One word changed: the score follows the weighted token distance and the change is shown")
    func fuzzy() throws {
        let (_, matcher) = try makeMemory()
        let found = try matcher.matches(for: "عقد اجتماع في مدينة رفح بحضور كبار قادة كتائب القسام.", minimum: 50)
        let best = try #require(found.first)
        // 10 words and a full stop: weight 10 + ½; one word replaced costs 1.
        #expect(best.score == 100 * (21 - 2) / 21)
        #expect(best.kind == .fuzzy)
        #expect(best.differences == [WordDifference(change: .changed, query: "رفح", memory: "غزة")])
        #expect(found.count == 1)
    }

    @Test("A match differing only in a number says which numbers differ")
    func numbers() throws {
        let (_, matcher) = try makeMemory()
        let found = try matcher.matches(for: "قتل ١٢ أشخاص في غارة على مدينة غزة.")
        let best = try #require(found.first)
        #expect(best.kind == .numbersDiffer)
        #expect(best.numbers == [NumberDifference(query: "١٢", memory: "5")])
        #expect(best.score < 100 && best.score >= 85)
    }

    @Test("A match differing only in punctuation is labelled so")
    func punctuation() throws {
        let (_, matcher) = try makeMemory()
        let found = try matcher.matches(for: "وقال البيان: إن التنسيق بين الحركتين عال ومتقدم.")
        #expect(found.first?.kind == .punctuationDiffers)
        #expect(found.first?.differences == [WordDifference(change: .added, query: ":", memory: nil)])
    }

    @Test("Words added and removed are reported")
    func addedRemoved() throws {
        let (_, matcher) = try makeMemory()
        let found = try matcher.matches(for: "أكدت حركتا حماس والجهاد الإسلامي اليوم أن المقاومة خيارهما.", minimum: 60)
        let best = try #require(found.first)
        #expect(best.differences == [
            WordDifference(change: .added, query: "اليوم", memory: nil),
            WordDifference(change: .removed, query: nil, memory: "الاستراتيجي"),
        ])
    }

    @Test("Below the minimum nothing is offered")
    func minimum() throws {
        let (_, matcher) = try makeMemory()
        #expect(try matcher.matches(for: "ذهب الولد إلى المدرسة صباحا.", minimum: 30).isEmpty)
        #expect(try matcher.matches(for: "عقد اجتماع في مدينة رفح بحضور كبار قادة كتائب القسام.", minimum: 95).isEmpty)
    }

    @Test("Only a unit's current rendering is offered: an approved rendering edited into a draft offers the draft")
    func renderingOrder() throws {
        let (store, matcher) = try makeMemory()
        let unit = UnitID(document: 1, ordinal: 2)
        let later = Date(timeIntervalSinceNow: 60)
        _ = try store.render([RenderingInput(unit: unit, text: "Five were killed in an air strike on Gaza City.")],
                             translator: "sara", status: .draft, origin: "manual", at: later)
        var found = try matcher.matches(for: "قتل 5 أشخاص في غارة على مدينة غزة.")
        #expect(found.map(\.target) == ["Five were killed in an air strike on Gaza City."])
        #expect(found.map(\.status) == [.draft])
        _ = try store.render([RenderingInput(unit: unit, text: "Five were killed in an air strike on Gaza City.")],
                             translator: "sara", status: .approved, origin: "manual", at: later)
        found = try matcher.matches(for: "قتل 5 أشخاص في غارة على مدينة غزة.", limit: 1)
        #expect(found.map(\.status) == [.approved])
    }

    @Test("Context matches score 101 when the neighbouring units match too")
    func context() throws {
        let store = try makeStore()
        let text = "قال المتحدث إن الوفد وصل. وعقد الوفد اجتماعا مطولا. ثم غادر الوفد المدينة."
        _ = try store.importDocuments([try segmented(text)])
        _ = try store.render([RenderingInput(unit: UnitID(document: 1, ordinal: 2), text: "The delegation held a long meeting.")],
                             translator: nil, status: .approved, origin: "manual")
        let matcher = MemoryMatcher(database: store.database)
        let inContext = try matcher.matches(for: "وعقد الوفد اجتماعا مطولا.",
                                            context: MatchContext(previous: "قال المتحدث إن الوفد وصل.", next: "ثم غادر الوفد المدينة."))
        #expect(inContext.first?.score == 101)
        #expect(inContext.first?.kind == .context)
        let elsewhere = try matcher.matches(for: "وعقد الوفد اجتماعا مطولا.",
                                            context: MatchContext(previous: nil, next: "ثم غادر الوفد المدينة."))
        #expect(elsewhere.first?.score == 100)
        #expect(elsewhere.first?.kind == .exact)
    }

    @Test("Units without a rendering are not matches")
    func unrendered() throws {
        let store = try makeStore()
        _ = try store.importDocuments([try segmented("وعقد الوفد اجتماعا مطولا.")])
        #expect(try MemoryMatcher(database: store.database).matches(for: "وعقد الوفد اجتماعا مطولا.").isEmpty)
    }

    @Test("Bad queries get an error or an empty answer, never a hang")
    func badQueries() throws {
        let (_, matcher) = try makeMemory()
        #expect(throws: TarjumanError.emptyQuery) { try matcher.matches(for: "   ") }
        #expect(try matcher.matches(for: "...!!").isEmpty)
        #expect(try matcher.matches(for: "5 12 2024").isEmpty)
        let long = Array(repeating: "كلمة", count: 10_000).joined(separator: " ")
        #expect(try matcher.matches(for: long).isEmpty)
    }

    @Test("The index finds the same best score as comparing with every unit")
    func agreesWithBruteForce() throws {
        let store = try makeStore()
        let seed = try String(contentsOf: packageRoot.appendingPathComponent("seeds/000_d30af9c42a70480b.txt"), encoding: .utf8)
        let sentences = try SentenceSegmenter().segment(seed).map(\.text)
        var pairs: [TranslationPair] = []
        // Sentences and recombined halves of them: many near neighbours.
        for (i, first) in sentences.enumerated() {
            pairs.append(TranslationPair(source: first, target: "s\(i)"))
            let a = first.split(separator: " ")
            for (j, second) in sentences.enumerated() where j != i {
                let b = second.split(separator: " ")
                pairs.append(TranslationPair(source: (a.prefix(a.count / 2) + b.suffix(b.count / 2)).joined(separator: " "), target: "r\(i).\(j)"))
            }
        }
        _ = try store.importPairs(pairs, name: "memory", origin: "test")
        let matcher = MemoryMatcher(database: store.database)
        let all = pairs.map { KeyTokens(key: ArabicSearchKey.key($0.source)) }
        for (index, sentence) in sentences.enumerated() {
            var words = sentence.split(separator: " ").map(String.init)
            words.remove(at: index % words.count)
            words.insert("جديد", at: (index * 3) % words.count)
            let query = words.joined(separator: " ")
            let tokens = KeyTokens(key: ArabicSearchKey.key(query))
            let brute = all.map { entry in
                TokenEditDistance.score(distance: TokenEditDistance.distance(tokens.tokens, entry.tokens)!,
                                        queryWeight: tokens.weight, sourceWeight: entry.weight)
            }.max() ?? 0
            let indexed = try matcher.matches(for: query, minimum: 40, limit: 1).first?.score ?? 0
            #expect(indexed == (brute >= 40 ? brute : 0), "query \(index)")
        }
    }
}

@Suite("Translation memory index")
struct MemoryIndexTests {
    @Test("Later imports append to the lists, across chunk boundaries, and every unit stays findable")
    func appendAcrossImports() throws {
        let store = try makeStore()
        // More units share "الوزير" than one chunk holds, spread over three imports.
        let count = MemoryIndex.chunkCapacity + 300
        let pairs = (0 ..< count).map { TranslationPair(source: "قال الوزير إن العدد بلغ \($0) شخصا", target: "number \($0)") }
        _ = try store.importPairs(Array(pairs[..<100]), name: "a", origin: "test")
        _ = try store.importPairs(Array(pairs[100 ..< 4000]), name: "b", origin: "test")
        _ = try store.importPairs(Array(pairs[4000...]), name: "c", origin: "test")
        let (frequency, chunks) = try store.database.read { db in
            let id = MemoryIndex.tokenID(hash: KeyTokens(key: "الوزير").tokens[0].hash, occurrence: 1)
            let row = try #require(try Row.fetchOne(db, sql: "SELECT frequency, chunks FROM memoryToken WHERE id = ?", arguments: [id]))
            return (row[0] as Int, row[1] as Int)
        }
        #expect(frequency == count)
        #expect(chunks == 2)
        let entries = try store.database.read { db in
            var result: [UInt64] = []
            try MemoryIndexReader(db: db).entries(of: MemoryIndex.tokenID(hash: KeyTokens(key: "الوزير").tokens[0].hash, occurrence: 1), into: &result)
            return result.map(MemoryIndex.unit(of:))
        }
        #expect(entries == (1 ... Int64(count)).map { $0 })
        let matcher = MemoryMatcher(database: store.database)
        for probe in [5, 150, 4100, count - 1] {
            let found = try matcher.matches(for: "قال الوزير إن العدد بلغ \(probe) شخصا", limit: 1)
            #expect(found.first?.target == "number \(probe)")
            #expect(found.first?.kind == .exact)
        }
    }

    @Test("A database made before the memory index gets one when opened")
    func migrationIndexesExistingUnits() throws {
        let queue = try DatabaseQueue()
        var migrator = Schema.migrator
        try migrator.migrate(queue, upTo: "v2: glossary terms")
        try queue.write { db in
            try db.execute(sql: "INSERT INTO document (name, contentHash, importedAt, text) VALUES ('old', 'h', '2024-01-01 00:00:00', 'x')")
            try db.execute(sql: """
                INSERT INTO unit (documentId, ordinal, paragraph, startOffset, endOffset, text, searchKey)
                VALUES (1, 1, 1, 0, 20, 'عقد الوفد اجتماعا مطولا.', 'عقد الوفد اجتماعا مطولا.')
                """)
            try db.execute(sql: "INSERT INTO rendering (unitId, text, status, origin, createdAt) VALUES (1, 'The delegation met.', 'approved', 'manual', '2024-01-01 00:00:00')")
        }
        migrator = Schema.migrator
        try migrator.migrate(queue)
        let database = TarjumanDatabase(writer: queue, path: ":memory:")
        let found = try MemoryMatcher(database: database).matches(for: "عقد الوفد اجتماعا مطولا جدا.", minimum: 50)
        #expect(found.first?.target == "The delegation met.")
        #expect(found.first?.kind == .fuzzy)
    }
}
