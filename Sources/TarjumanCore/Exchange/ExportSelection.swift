import Foundation
import GRDB

/// Which units an export takes: every document unit's current rendering and every memory
/// entry, or those of the documents and memories named.
public struct ExportOptions: Sendable {
    /// Only these documents (with `memories`, these documents and those memories); all when both are empty.
    public var documents: [Int64] = []
    /// Only these memories, by name.
    public var memories: [String] = []
    /// Only units whose current rendering is approved.
    public var approvedOnly = false
    /// Only units whose current rendering was made at or after this date.
    public var since: Date?
    /// Documents only, no memory entries, unless memories are named (XLIFF is for translating documents).
    var documentsOnly = false

    public init(documents: [Int64] = [], memories: [String] = [], approvedOnly: Bool = false, since: Date? = nil) {
        self.documents = documents
        self.memories = memories
        self.approvedOnly = approvedOnly
        self.since = since
    }

    /// A condition on `unit.documentId` that selects the units; nil for all.
    /// Its arguments are the document ids, then the memory names.
    func documentCondition() -> String? {
        if documents.isEmpty && memories.isEmpty {
            return documentsOnly ? "documentId IN (SELECT id FROM document WHERE memoryId IS NULL)" : nil
        }
        func list(_ count: Int) -> String { Array(repeating: "?", count: count).joined(separator: ", ") }
        var parts: [String] = []
        if !documents.isEmpty { parts.append("id IN (\(list(documents.count)))") }
        if !memories.isEmpty { parts.append("memoryId IN (SELECT id FROM memory WHERE name IN (\(list(memories.count))))") }
        return "documentId IN (SELECT id FROM document WHERE \(parts.joined(separator: " OR ")))"
    }

    /// Binds the arguments of `documentCondition()`.
    func bindCondition(to statement: FastStatement) {
        statement.bind(all: documents)
        for (offset, name) in memories.enumerated() { statement.bind(name, at: Int32(documents.count + offset + 1)) }
    }
}

/// What an export wrote.
public struct ExportOutcome: Sendable, Equatable {
    public let units: Int
    /// Units in which characters the format cannot hold (XML 1.0 forbids them) were dropped, with how many.
    public let droppedCharacters: [(unit: UnitID, count: Int)]

    public init(units: Int, droppedCharacters: [(unit: UnitID, count: Int)] = []) {
        self.units = units
        self.droppedCharacters = droppedCharacters
    }

    public static func == (lhs: ExportOutcome, rhs: ExportOutcome) -> Bool {
        lhs.units == rhs.units && lhs.droppedCharacters.map(\.unit) == rhs.droppedCharacters.map(\.unit)
            && lhs.droppedCharacters.map(\.count) == rhs.droppedCharacters.map(\.count)
    }
}

/// A rendering as an export reads it; `createdAt` is the stored text (`YYYY-MM-DD hh:mm:ss.SSS`, UTC).
struct StoredRendering {
    let text: String
    let translator: String?
    let status: String
    let createdAt: String
    let note: String?
    let properties: String?

    var isApproved: Bool { status == RenderingStatus.approved.rawValue }
}

/// A unit as an export sees it: its neighbours in its document and its current rendering.
struct ExportedUnit {
    let id: UnitID
    let text: String
    /// The unit's inline codes (DOCX and HTML units); its rendering places them as tags.
    let codes: [InlineCode]
    let documentName: String
    /// The current rendering, when the unit has one and it passes the options.
    let chosen: StoredRendering?
    /// When the unit was first rendered, and by whom.
    let first: (createdAt: String, translator: String?)?
    /// The texts of the previous and next units of the same document.
    let previous: String?
    let next: String?
}

/// Reads the units an export takes, in document order, with two ordered scans merged (units,
/// and renderings by unit) rather than lookups per unit, so exports stream at any size.
enum ExportSelection {
    /// Throws when an asked-for document or memory does not exist.
    static func checkDocuments(_ options: ExportOptions, _ db: Database) throws {
        for document in options.documents { try TranslationStore.requireDocument(document, db) }
        for memory in options.memories { _ = try MemoryStore.memoryID(named: memory, db) }
    }

    /// Calls `each` for every selected unit; units with no rendering to export are passed only
    /// when `includeUnrendered` is set.
    static func scan(_ options: ExportOptions, includeUnrendered: Bool, _ db: Database, each: (ExportedUnit) throws -> Void) throws {
        let condition = options.documentCondition()
        var names: [Int64: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, name FROM document") { names[row[0]] = row[1] }
        let units = try FastStatement(db, sql: "SELECT id, documentId, ordinal, text, codes FROM unit \(condition.map { "WHERE \($0)" } ?? "") ORDER BY id")
        units.reset()
        options.bindCondition(to: units)
        let renderings = try FastStatement(db, sql: """
            SELECT c.unitId, c.text, c.translator, c.status, c.createdAt, c.note, c.properties, f.createdAt, f.translator
            FROM \(CurrentRendering.view) c JOIN rendering f ON f.id = (SELECT min(id) FROM rendering WHERE unitId = c.unitId)
            \(condition.map { "WHERE c.unitId IN (SELECT id FROM unit WHERE \($0))" } ?? "")
            ORDER BY c.unitId
            """)
        renderings.reset()
        options.bindCondition(to: renderings)
        let since = options.since.map { String.fromDatabaseValue($0.databaseValue) ?? "" }
        var renderingsLeft = try renderings.step()

        struct Pending {
            let id: Int64
            let document: Int64
            let ordinal: Int
            let text: String
            let codes: [InlineCode]
            var current: StoredRendering?
            var first: (createdAt: String, translator: String?)?
        }
        func emit(_ unit: Pending, previous: Pending?, next: Pending?) throws {
            var chosen = unit.current
            if options.approvedOnly, chosen?.isApproved != true { chosen = nil }
            if let since, let picked = chosen, picked.createdAt < since { chosen = nil }
            if chosen == nil && !includeUnrendered { return }
            try each(ExportedUnit(
                id: UnitID(document: unit.document, ordinal: unit.ordinal), text: unit.text, codes: unit.codes,
                documentName: names[unit.document] ?? "", chosen: chosen, first: unit.first,
                previous: previous.flatMap { $0.document == unit.document && $0.ordinal == unit.ordinal - 1 ? $0.text : nil },
                next: next.flatMap { $0.document == unit.document && $0.ordinal == unit.ordinal + 1 ? $0.text : nil }))
        }

        var previous: Pending?
        var current: Pending?
        while true {
            var next: Pending?
            if try units.step() {
                let id = units.int64(at: 0)
                let codes = InlineCode.stored(units.optionalText(at: 4))
                var pending = Pending(id: id, document: units.int64(at: 1), ordinal: Int(units.int64(at: 2)), text: units.text(at: 3), codes: codes)
                while renderingsLeft, renderings.int64(at: 0) <= id {
                    if renderings.int64(at: 0) == id {
                        pending.current = StoredRendering(
                            text: renderings.text(at: 1), translator: renderings.optionalText(at: 2),
                            status: renderings.text(at: 3), createdAt: renderings.text(at: 4),
                            note: renderings.optionalText(at: 5), properties: renderings.optionalText(at: 6))
                        pending.first = (renderings.text(at: 7), renderings.optionalText(at: 8))
                    }
                    renderingsLeft = try renderings.step()
                }
                next = pending
            }
            if let unit = current { try emit(unit, previous: previous, next: next) }
            guard next != nil else { break }
            previous = current
            current = next
        }
    }
}

/// A file written in blocks from a byte buffer the writer keeps; the file is removed when
/// writing fails.
final class ExportFile {
    private let handle: FileHandle

    /// Creates (or empties) the file and runs `body`, which fills a buffer and passes it to `flush`.
    static func write<T>(to path: String, _ body: (ExportFile) throws -> T) throws(TarjumanError) -> T {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw .unreadableFile(path, reason: "cannot be written; check the folder exists and is writable")
        }
        defer { try? handle.close() }
        do {
            return try body(ExportFile(handle: handle))
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            if let error = error as? TarjumanError { throw error }
            throw TarjumanDatabase.translate(error, path: path)
        }
    }

    private init(handle: FileHandle) {
        self.handle = handle
    }

    /// A buffer with room for a block.
    static func buffer() -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(1 << 17)
        return output
    }

    /// Writes and empties the buffer once it holds a block (or now, when `force`).
    func flush(_ output: inout [UInt8], force: Bool = false) throws {
        if force || output.count >= 1 << 16 {
            try handle.write(contentsOf: output)
            output.removeAll(keepingCapacity: true)
        }
    }
}

/// A writer of one export format: the file, the document check and the read transaction are
/// shared; `write` fills the file.
protocol ExportWriter {
    var database: TarjumanDatabase { get }
    func write(to file: ExportFile, options: ExportOptions, at date: Date, _ db: Database) throws -> ExportOutcome
}

extension ExportWriter {
    /// Writes the selected units to `path`; the file is complete or absent.
    func exportFile(to path: String, options: ExportOptions, at date: Date) throws(TarjumanError) -> ExportOutcome {
        try ExportFile.write(to: path) { file in
            try database.read { db in
                try ExportSelection.checkDocuments(options, db)
                return try write(to: file, options: options, at: date, db)
            }
        }
    }
}
