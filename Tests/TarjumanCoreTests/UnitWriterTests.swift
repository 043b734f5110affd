import Foundation
import GRDB
import Testing
@testable import TarjumanCore

@Suite("Batched unit writer")
struct UnitWriterTests {
    @Test("Held-back rows get the ids SQLite would give, in order, after units stored and deleted before")
    func numbering() throws {
        let store = try makeStore()
        _ = try store.importDocuments([try segmented("قال الوفد إن المحادثات جادة. وغادر القاهرة.")])
        try store.database.write { db in try db.execute(sql: "DELETE FROM unit WHERE id = 2") }
        let ids = try store.database.writeCheckingReferencesItself { db -> [Int64] in
            let writer = try UnitWriter(db, batched: true)
            let document = try Int64.fetchOne(db, sql: "SELECT id FROM document")!
            var ids: [Int64] = []
            for ordinal in 10 ..< 80 {
                let id = try writer.addUnit(document: document, ordinal: ordinal, paragraph: 1, start: 0, end: 1, text: "جملة \(ordinal)")
                try writer.addRendering(unit: id, text: "Sentence \(ordinal)", translator: nil, status: .draft, origin: "test", at: Date())
                ids.append(id)
            }
            try writer.finish()
            return ids
        }
        #expect(ids == Array(3 ..< 73))
        let stored = try store.database.read { db in
            try Row.fetchAll(db, sql: "SELECT u.id, u.ordinal, r.text FROM unit u JOIN rendering r ON r.unitId = u.id ORDER BY u.id")
        }
        #expect(stored.count == 70)
        #expect(stored.first.map { [$0[0] as Int64, $0[1] as Int64] } == [3, 10])
        #expect(stored.last?[2] as String? == "Sentence 79")
        let enforced = try store.database.read { db in try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") }
        #expect(enforced == true)
    }

    @Test("Documents of pairs stored together: one repeated in the same call is reported with its units, all of them matchable")
    func pairDocuments() throws {
        let store = try makeStore()
        let first = (0 ..< 90).map { TranslationPair(source: "وصلت الرسالة رقم \($0) إلى المكتب.", target: "Message \($0) reached the office.") }
        let second = [TranslationPair(source: "غادر الوفد القاهرة.", target: "The delegation left Cairo.")]
        let outcomes = try store.importPairDocuments([("a", first), ("b", second), ("a again", first)], origin: "test")
        #expect(outcomes.map(\.unitCount) == [90, 1, 90])
        #expect(outcomes.map(\.alreadyPresent) == [false, false, true])
        #expect(outcomes[2].document == outcomes[0].document)
        let matches = try MemoryMatcher(database: store.database).matches(for: "وصلت الرسالة رقم 89 إلى المكتب.")
        #expect(matches.first?.score == 100)
        #expect(matches.first?.target == "Message 89 reached the office.")
        #expect(try store.detail(of: UnitID(document: 2, ordinal: 1)).current?.text == "The delegation left Cairo.")
    }

    @Test("Rows that point to nothing are refused and the whole transaction is rolled back")
    func danglingReferences() throws {
        let store = try makeStore()
        _ = try store.importDocuments([try segmented("قال الوفد إن المحادثات جادة.")])
        #expect(throws: TarjumanError.self) {
            try store.database.writeCheckingReferencesItself { db in
                let writer = try UnitWriter(db, batched: true)
                let id = try writer.addUnit(document: 1, ordinal: 5, paragraph: 1, start: 0, end: 1, text: "جملة")
                try writer.addRendering(unit: id, text: "A sentence", translator: nil, status: .draft, origin: "test", at: Date())
                try writer.addRendering(unit: 999, text: "Nowhere", translator: nil, status: .draft, origin: "test", at: Date())
                try writer.finish()
            }
        }
        #expect(throws: TarjumanError.self) {
            try store.database.writeCheckingReferencesItself { db in
                let writer = try UnitWriter(db, batched: true)
                try writer.addUnit(document: 42, ordinal: 1, paragraph: 1, start: 0, end: 1, text: "جملة")
                try writer.finish()
            }
        }
        let counts = try store.database.read { db in
            [try Int.fetchOne(db, sql: "SELECT count(*) FROM unit")!, try Int.fetchOne(db, sql: "SELECT count(*) FROM rendering")!]
        }
        #expect(counts == [1, 0])
        let enforced = try store.database.read { db in try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") }
        #expect(enforced == true)
    }
}
