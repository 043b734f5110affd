import Foundation
import GRDB
import Testing
@testable import TarjumanCore

@Suite("TSV and CSV memory")
struct DelimitedMemoryTests {
    func temporary(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("tarjuman-\(UUID().uuidString)-\(name)").path
    }

    func write(_ text: String, name: String) throws -> String {
        let path = temporary(name)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func rows(_ store: TranslationStore) throws -> [[String?]] {
        try store.database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT u.text, r.text, r.status, r.translator, r.note FROM rendering r JOIN unit u ON u.id = r.unitId ORDER BY r.id
                """).map { [$0[0], $0[1], $0[2], $0[3], $0[4]] }
        }
    }

    @Test("Export and import again keep source, target, status, translator, note and date, in TSV and CSV", arguments: ["tsv", "csv"])
    func roundTrip(format: String) throws {
        let memory = try TMXWriterTests().makeMemory()
        _ = try memory.render([RenderingInput(unit: UnitID(document: 1, ordinal: 3), text: "Then, \"finally\",\tthe delegation\nleft.")],
                              translator: "nadia", status: .approved, origin: "manual")
        let path = temporary("memory.\(format)")
        let separator: Unicode.Scalar = format == "csv" ? "," : "\t"
        let outcome = try DelimitedMemory.export(memory.database, to: path, separator: separator)
        #expect(outcome.units == 4)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix(["source", "target", "status", "translator", "date", "note", "document", "unit"].joined(separator: String(separator))))
        #expect(text.contains("\"Then, \"\"finally\"\",\tthe delegation\nleft.\""))

        let copy = try makeStore()
        let imported = try MemoryImporter(database: copy.database).importFile(path)
        #expect(imported.read == 4)
        #expect(imported.added == 4)
        let original = try rows(memory)
        let expected = [original[1], original[2], original[4], original[3]].map { [$0[0], $0[1]] }
        #expect(try rows(copy).map { [$0[0], $0[1]] } == expected)
        #expect(try rows(copy)[0][2] == "approved")
        #expect(try rows(copy)[0][3] == "omar")
        #expect(try rows(copy)[1][2] == "draft")
        let dates = try copy.database.read { db in try Date.fetchAll(db, sql: "SELECT createdAt FROM rendering ORDER BY id") }
        #expect(dates[0] == Date(timeIntervalSince1970: 1_700_000_000 + 3600))
        let names = try copy.database.read { db in try String.fetchAll(db, sql: "SELECT name FROM document ORDER BY id") }
        let file = URL(fileURLWithPath: path).lastPathComponent
        #expect(names == ["\(file): news.txt", "\(file): tm"])

        let again = try MemoryImporter(database: copy.database).importFile(path)
        #expect(again.merged == 4)
        #expect(again.added == 0)
    }

    @Test("Headers in any order with other names, extra columns kept as properties, a file without a header")
    func lenientColumns() throws {
        let store = try makeStore()
        let named = try write("English,Client,Arabic\nThe delegation arrived.,UNRWA,وصل الوفد.\n", name: "named.csv")
        let outcome = try MemoryImporter(database: store.database).importFile(named)
        #expect(outcome.added == 1)
        let properties = try store.database.read { db in try String.fetchOne(db, sql: "SELECT properties FROM rendering") }
        #expect(properties?.contains("\"type\":\"Client\"") == true)
        #expect(properties?.contains("\"value\":\"UNRWA\"") == true)

        let bare = try write("غادر الوفد.\tThe delegation left.\n\nعاد الوفد.\tThe delegation came back.\tdraft\n", name: "bare.tsv")
        let second = try MemoryImporter(database: store.database).importFile(bare)
        #expect(second.added == 2)
        #expect(try rows(store).map { $0[2] } == ["approved", "approved", "draft"])
    }

    @Test("Rows without Arabic, without English or empty are skipped and counted")
    func skips() throws {
        let store = try makeStore()
        let path = try write("source\ttarget\nHello\tBonjour\nوصل الوفد.\tوصل\n\tEmpty\nوصل الوفد.\tThe delegation arrived.\n", name: "skips.tsv")
        let outcome = try MemoryImporter(database: store.database).importFile(path)
        #expect(outcome.read == 4)
        #expect(outcome.added == 1)
        #expect(outcome.skipped == [.noArabic: 1, .noEnglish: 1, .emptySegment: 1])
    }

    @Test("A bad row stops the import with file, line and column, and nothing is stored")
    func badRows() throws {
        let store = try makeStore()
        let status = try write("source,target,status\nوصل الوفد.,The delegation arrived.,approved\nغادر الوفد.,It left.,maybe\n", name: "status.csv")
        #expect(throws: TarjumanError.malformedFile(file: status, line: 3, column: 22,
                                                     reason: "unknown status 'maybe'; write approved, translated, draft, rejected or aligned (or leave it empty for approved)")) {
            try MemoryImporter(database: store.database).importFile(status)
        }
        let quote = try write("source,target\nوصل الوفد.,\"The delegation arrived.\n", name: "quote.csv")
        #expect(throws: TarjumanError.malformedFile(file: quote, line: 2, column: 12, reason: "this quote is never closed")) {
            try MemoryImporter(database: store.database).importFile(quote)
        }
        let noTarget = try write("source,english2\nوصل الوفد.,x\n", name: "header.csv")
        #expect(throws: TarjumanError.self) { try MemoryImporter(database: store.database).importFile(noTarget) }
        #expect(try rows(store).isEmpty)
        #expect(try store.documents().isEmpty)
    }

    @Test("A byte order mark is skipped; invalid UTF-8 and an empty file are refused")
    func encodings() throws {
        let store = try makeStore()
        let bom = temporary("bom.tsv")
        try (Data([0xEF, 0xBB, 0xBF]) + Data("source\ttarget\nوصل الوفد.\tThe delegation arrived.\n".utf8)).write(to: URL(fileURLWithPath: bom))
        #expect(try MemoryImporter(database: store.database).importFile(bom).added == 1)
        let invalid = temporary("invalid.tsv")
        try (Data("source\ttarget\nغادر الوفد.\tIt left.\n".utf8) + Data([0x41, 0xC3, 0x28])).write(to: URL(fileURLWithPath: invalid))
        #expect(throws: TarjumanError.invalidUTF8(file: invalid, byteOffset: 45)) { try MemoryImporter(database: store.database).importFile(invalid) }
        let empty = try write("\n  \n", name: "empty.csv")
        #expect(throws: TarjumanError.emptyInput(file: empty)) { try MemoryImporter(database: store.database).importFile(empty) }
        #expect(try rows(store).count == 1)
    }

    @Test("Format by extension, TMX also by content; other files are refused with a hint")
    func formats() throws {
        #expect(try MemoryFileFormat(path: "a.TSV") == .tsv)
        #expect(try MemoryFileFormat(path: "a.csv") == .csv)
        let tmx = try write("<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header/><body/></tmx>", name: "memory.xml")
        #expect(try MemoryFileFormat(path: tmx) == .tmx)
        #expect(throws: TarjumanError.unknownFormat(file: "a.xlsx", hint: "name it .tmx, .tsv or .csv")) { try MemoryFileFormat(path: "a.xlsx") }
    }
}
