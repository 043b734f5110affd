import Foundation
import GRDB
import Testing
@testable import TarjumanCore

@Suite("Upgrade of a schema v6 database")
struct MemoryUpgradeTests {
    static let fixture = sharedData.deletingLastPathComponent().appendingPathComponent("fixtures/v6-client-memory.sqlite")

    /// Checks what the fixture's README says an upgraded database must hold.
    func expectUpgraded(_ store: TranslationStore) throws {
        let first = try store.detail(of: UnitID(document: 1, ordinal: 1))
        #expect(first.current?.text == "Hamas and Islamic Jihad affirmed on Monday evening that resistance is their strategic choice.")
        #expect(first.current?.status == .approved)
        #expect(first.history.count == 2)
        let last = try store.detail(of: UnitID(document: 1, ordinal: 12))
        #expect(last.current?.text == "A joint statement will be issued after the meeting between Jihad and Hamas.")
        #expect(last.current?.status == .approved)
        #expect(last.current?.translator == "layla")
        #expect(last.history.count == 1)
        #expect(try store.documents().map(\.id) == [1])
        let memories = try MemoryStore(database: store.database).memories()
        #expect(memories.map(\.name) == ["client.tsv"])
        #expect(memories.map(\.entries) == [5])
        let entries = try store.entries(ofMemory: "client.tsv")
        #expect(Set(entries.compactMap(\.rendering)) == [
            "The client memory rendering of the last sentence.", "I am hungry.", "I'm hungry.", "I am hungry!", "Thank you very much.",
        ])
        #expect(entries.first { $0.rendering == "The client memory rendering of the last sentence." }?.source == last.unit.text)
    }

    @Test("The v6 fixture upgrades in place with nothing lost",
          .enabled(if: FileManager.default.fileExists(atPath: fixture.path), "../shared/fixtures is absent; skipping"))
    func fixtureUpgrades() throws {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("tarjuman-\(UUID().uuidString).sqlite")
        try FileManager.default.copyItem(at: Self.fixture, to: copy)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: copy.path)
        let store = TranslationStore(database: try TarjumanDatabase.open(path: copy.path, create: false))
        try expectUpgraded(store)
        #expect(try GlossaryStore(database: store.database).terms().count == 100)
        // Opening again changes nothing.
        let again = TranslationStore(database: try TarjumanDatabase.open(path: copy.path, create: false))
        try expectUpgraded(again)
    }

    @Test("A v6 database built here (memory renderings on a document's unit and as history) upgrades the same way")
    func builtUpgrade() throws {
        let queue = try DatabaseQueue()
        try Schema.migrator.migrate(queue, upTo: "v6: aligned renderings")
        try queue.write { db in
            func rendering(_ unit: Int64, _ text: String, _ status: String, _ origin: String, _ translator: String? = nil) throws {
                try db.execute(sql: """
                    INSERT INTO rendering (unitId, text, translator, status, origin, createdAt) VALUES (?, ?, ?, ?, ?, '2026-01-01 00:00:00.000')
                    """, arguments: [unit, text, translator, status, origin])
            }
            try db.execute(sql: "INSERT INTO document (id, name, contentHash, importedAt, text) VALUES (1, 'news.txt', 'a', '2026-01-01 00:00:00.000', 'x')")
            try db.execute(sql: "INSERT INTO document (id, name, contentHash, importedAt, text) VALUES (2, 'client.tsv', 'b', '2026-01-01 00:00:00.000', 'y')")
            for (id, document, ordinal, text) in [(1, 1, 1, "قال المتحدث إن الوفد وصل."), (2, 1, 2, "غادر الوفد."),
                                                  (3, 2, 1, "أنا جائع."), (4, 2, 2, "شكرا جزيلا.")] as [(Int64, Int64, Int, String)] {
                let key = ArabicSearchKey.key(text)
                try db.execute(sql: """
                    INSERT INTO unit (id, documentId, ordinal, paragraph, startOffset, endOffset, text, searchKey, keyHash, weight)
                    VALUES (?, ?, ?, ?, 0, 1, ?, ?, ?, ?)
                    """, arguments: [id, document, ordinal, ordinal, text, key, MemoryIndex.keyHash(key), KeyTokens(key: key).weight])
            }
            try rendering(1, "The spokesman said the delegation arrived.", "approved", "manual", "layla")
            try rendering(1, "The client's spokesman line.", "approved", "tsv client.tsv")
            try rendering(2, "The delegation left.", "aligned", "aligned news.en.txt")
            try rendering(3, "I am hungry.", "approved", "tsv client.tsv")
            try rendering(3, "I'm hungry.", "approved", "tsv client.tsv")
            try rendering(3, "I am hungry.", "approved", "tmx other.tmx")
            try rendering(4, "Thank you very much.", "approved", "tsv client.tsv")
        }
        try Schema.migrator.migrate(queue)
        let database = TarjumanDatabase(writer: queue, path: ":memory:")
        let store = TranslationStore(database: database)
        #expect(try store.documents().map(\.id) == [1])
        #expect(try store.detail(of: UnitID(document: 1, ordinal: 1)).history.map(\.text) == ["The spokesman said the delegation arrived."])
        #expect(try store.detail(of: UnitID(document: 1, ordinal: 2)).current?.status == .aligned)
        #expect(try store.entries(ofMemory: "client.tsv").map { [$0.source, $0.rendering ?? ""] } == [
            ["أنا جائع.", "I am hungry."], ["شكرا جزيلا.", "Thank you very much."],
            ["قال المتحدث إن الوفد وصل.", "The client's spokesman line."], ["أنا جائع.", "I'm hungry."],
        ])
        #expect(try store.entries(ofMemory: "other.tmx").map(\.rendering) == ["I am hungry."])
        // The moved entries are in the match index.
        let found = try MemoryMatcher(database: database).matches(for: "قال المتحدث إن الوفد وصل.")
        #expect(Set(found.map(\.target)) == ["The spokesman said the delegation arrived.", "The client's spokesman line."])
    }
}
