import Foundation
import GRDB
import Testing
@testable import TarjumanCore

func makeStore() throws -> TranslationStore {
    TranslationStore(database: try TarjumanDatabase.inMemory())
}

func segmented(_ text: String, name: String = "doc.txt") throws -> (source: SourceText, segments: [Segment]) {
    let source = SourceText(origin: name, text: text)
    return (source, try SentenceSegmenter().segment(text))
}

@Suite("Store")
struct TranslationStoreTests {
    let article = "أكدت حركتا حماس والجهاد الإسلامي أن المقاومة خيارهما. وقال البيان إن التنسيق عال.\n\nكتائب القســـــام وسرايا القدس في غزة."

    @Test("Import stores the document, its units, offsets and search keys")
    func importDocument() throws {
        let store = try makeStore()
        let outcomes = try store.importDocuments([try segmented(article)])
        #expect(outcomes == [ImportOutcome(document: 1, name: "doc.txt", unitCount: 3, alreadyPresent: false)])
        let units = try store.units()
        #expect(units.map(\.id.description) == ["1.1", "1.2", "1.3"])
        #expect(units.map(\.paragraph) == [1, 1, 2])
        #expect(units.allSatisfy { $0.rendering == nil })
        let detail = try store.detail(of: UnitID(document: 1, ordinal: 3))
        #expect(detail.unit.text == "كتائب القســـــام وسرايا القدس في غزة.")
        #expect(detail.unit.searchKey == "كتاءب القسام وسرايا القدس في غزه.")
        let scalars = Array(article.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[detail.unit.start ..< detail.unit.end])) == detail.unit.text)
        #expect(try store.database.read { db in try String.fetchOne(db, sql: "SELECT text FROM document") } == article)
    }

    @Test("Re-importing an identical document adds nothing and says so")
    func idempotentImport() throws {
        let store = try makeStore()
        _ = try store.importDocuments([try segmented(article)])
        let again = try store.importDocuments([try segmented(article, name: "copy.txt")])
        #expect(again == [ImportOutcome(document: 1, name: "doc.txt", unitCount: 3, alreadyPresent: true)])
        #expect(try store.documents().count == 1)
        #expect(try store.units().count == 3)
        let other = try store.importDocuments([try segmented(article + " جملة أخرى.")])
        #expect(other.first?.document == 2)
        #expect(other.first?.alreadyPresent == false)
    }

    @Test("A new rendering becomes current; the old one stays in the history")
    func history() throws {
        let store = try makeStore()
        _ = try store.importDocuments([try segmented(article)])
        let unit = UnitID(document: 1, ordinal: 2)
        let t0 = Date(timeIntervalSince1970: 1_700_000_000)
        _ = try store.render([RenderingInput(unit: unit, text: "The statement said coordination is high.")],
                             translator: "Sara", status: .draft, origin: "manual", at: t0)
        _ = try store.render([RenderingInput(unit: unit, text: "The statement said the coordination was high.")],
                             translator: "Omar", status: .approved, origin: "manual", at: t0.addingTimeInterval(60))
        let detail = try store.detail(of: unit)
        #expect(detail.current?.text == "The statement said the coordination was high.")
        #expect(detail.current?.status == .approved)
        #expect(detail.history.map(\.translator) == ["Omar", "Sara"])
        #expect(detail.history.last?.text == "The statement said coordination is high.")
        #expect(detail.history.last?.createdAt == t0)
        let listed = try store.units().first { $0.id == unit }
        #expect(listed?.rendering == "The statement said the coordination was high.")
        #expect(listed?.status == .approved)
        #expect(try store.units(untranslatedOnly: true).map(\.id.description) == ["1.1", "1.3"])
    }

    @Test("The same rendering twice is not added twice; approving the same text is")
    func unchangedRendering() throws {
        let store = try makeStore()
        _ = try store.importDocuments([try segmented(article)])
        let input = [RenderingInput(unit: UnitID(document: 1, ordinal: 1), text: "Hamas and Islamic Jihad affirmed.")]
        #expect(try store.render(input, translator: nil, status: .draft, origin: "manual").first?.changed == true)
        #expect(try store.render(input, translator: nil, status: .draft, origin: "manual").first?.changed == false)
        #expect(try store.render(input, translator: nil, status: .approved, origin: "manual").first?.changed == true)
        #expect(try store.detail(of: UnitID(document: 1, ordinal: 1)).history.count == 2)
    }

    @Test("A batch naming one unknown unit stores nothing")
    func rollback() throws {
        let store = try makeStore()
        _ = try store.importDocuments([try segmented(article)])
        let inputs = [
            RenderingInput(unit: UnitID(document: 1, ordinal: 1), text: "First."),
            RenderingInput(unit: UnitID(document: 1, ordinal: 9), text: "No such unit."),
        ]
        #expect(throws: TarjumanError.unknownUnit("1.9")) {
            try store.render(inputs, translator: nil, status: .draft, origin: "tsv")
        }
        #expect(try store.database.read { db in try Rendering.fetchCount(db) } == 0)
        #expect(throws: TarjumanError.emptyRendering(unit: "1.1")) {
            try store.render([RenderingInput(unit: UnitID(document: 1, ordinal: 1), text: " ")], translator: nil, status: .draft, origin: "manual")
        }
    }

    @Test("An import that fails part-way stores nothing")
    func importRollback() throws {
        let store = try makeStore()
        let good = try segmented(article)
        let broken = (SourceText(origin: "b.txt", text: "نص."), [
            Segment(paragraph: 1, index: 1, start: 0, end: 3, text: "نص."),
            Segment(paragraph: 1, index: 1, start: 0, end: 3, text: "نص."),
        ])
        #expect(throws: TarjumanError.self) { try store.importDocuments([good, broken]) }
        #expect(try store.documents().isEmpty)
        #expect(try store.database.read { db in try Unit.fetchCount(db) } == 0)
    }

    @Test("Unknown units and documents are refused")
    func unknown() throws {
        let store = try makeStore()
        #expect(throws: TarjumanError.unknownUnit("4.1")) { try store.detail(of: UnitID(document: 4, ordinal: 1)) }
        #expect(throws: TarjumanError.unknownDocument(4)) { try store.units(document: 4) }
    }

    @Test("Documents list their progress")
    func documents() throws {
        let store = try makeStore()
        _ = try store.importDocuments([try segmented(article)])
        _ = try store.render([RenderingInput(unit: UnitID(document: 1, ordinal: 1), text: "A.")], translator: nil, status: .approved, origin: "manual")
        _ = try store.render([RenderingInput(unit: UnitID(document: 1, ordinal: 2), text: "B.")], translator: nil, status: .draft, origin: "manual")
        let summary = try #require(try store.documents().first)
        #expect(summary.unitCount == 3)
        #expect(summary.renderedCount == 2)
        #expect(summary.approvedCount == 1)
    }
}

@Suite("Database files")
struct TarjumanDatabaseTests {
    func temporaryPath(_ name: String) -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tarjuman-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent(name).path
    }

    @Test("The path comes from --db, then $TARJUMAN_DB, then the current directory")
    func path() {
        #expect(TarjumanDatabase.resolvePath(explicit: "a.sqlite", environment: ["TARJUMAN_DB": "b.sqlite"]) == "a.sqlite")
        #expect(TarjumanDatabase.resolvePath(explicit: nil, environment: ["TARJUMAN_DB": "b.sqlite"]) == "b.sqlite")
        #expect(TarjumanDatabase.resolvePath(explicit: nil, environment: [:]) == "tarjuman.sqlite")
    }

    @Test("A missing database is created only when asked; it is in WAL mode and reopens")
    func createAndReopen() throws {
        let path = temporaryPath("t.sqlite")
        #expect(throws: TarjumanError.databaseNotFound(path)) { try TarjumanDatabase.open(path: path, create: false) }
        #expect(!FileManager.default.fileExists(atPath: path))
        let database = try TarjumanDatabase.open(path: path, create: true)
        #expect(try database.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } == "wal")
        _ = try TranslationStore(database: database).importDocuments([try segmented("جملة واحدة.")])
        let reopened = TranslationStore(database: try TarjumanDatabase.open(path: path, create: false))
        #expect(try reopened.units().count == 1)
    }

    @Test("Files that are not Tarjuman databases are refused and left untouched")
    func foreignDatabases() throws {
        let text = temporaryPath("notes.sqlite")
        try Data("just some text, not SQLite at all".utf8).write(to: URL(fileURLWithPath: text))
        #expect(throws: TarjumanError.notATarjumanDatabase(text)) { try TarjumanDatabase.open(path: text, create: true) }

        let other = temporaryPath("other.sqlite")
        let queue = try DatabaseQueue(path: other)
        try queue.write { db in try db.execute(sql: "CREATE TABLE contacts (name TEXT)") }
        try queue.close()
        #expect(throws: TarjumanError.notATarjumanDatabase(other)) { try TarjumanDatabase.open(path: other, create: true) }
        let check = try DatabaseQueue(path: other)
        #expect(try check.read { db in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") } == ["contacts"])
    }

    @Test("A database locked by another writer gives a clear error after the busy timeout")
    func locked() throws {
        let path = temporaryPath("locked.sqlite")
        _ = try TarjumanDatabase.open(path: path, create: true)
        var configuration = Configuration()
        configuration.allowsUnsafeTransactions = true
        let holder = try DatabaseQueue(path: path, configuration: configuration)
        try holder.inDatabase { db in try db.execute(sql: "BEGIN EXCLUSIVE") }
        #expect(throws: TarjumanError.databaseLocked(path)) {
            let database = try TarjumanDatabase.open(path: path, create: false, busyTimeout: 0.2)
            try TranslationStore(database: database).importDocuments([try segmented("جملة.")])
        }
        try holder.inDatabase { db in try db.execute(sql: "ROLLBACK") }
    }
}
