import Foundation
import GRDB

/// Which units an export takes.
public struct ExportOptions: Sendable {
    /// Only these documents; all when empty.
    public var documents: [Int64] = []
    /// Only approved renderings (units without one have no rendering to export).
    public var approvedOnly = false
    /// Only units whose exported rendering was made at or after this date.
    public var since: Date?

    public init(documents: [Int64] = [], approvedOnly: Bool = false, since: Date? = nil) {
        self.documents = documents
        self.approvedOnly = approvedOnly
        self.since = since
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

/// A unit as an export sees it: its neighbours in its document and the rendering chosen for it.
struct ExportedUnit {
    let id: UnitID
    let text: String
    let documentName: String
    /// The rendering to export (the newest approved, else the newest), when one passes the options.
    let chosen: StoredRendering?
    /// The unit's first rendering, for the creation date and translator.
    let first: StoredRendering?
    /// The texts of the previous and next units of the same document.
    let previous: String?
    let next: String?
}

/// Reads the units an export takes, in document order, with two ordered scans merged (units,
/// and renderings by unit) rather than lookups per unit, so exports stream at any size.
enum ExportSelection {
    /// Throws when an asked-for document does not exist.
    static func checkDocuments(_ options: ExportOptions, _ db: Database) throws {
        for document in options.documents {
            if try !(Bool.fetchOne(db, sql: "SELECT 1 FROM document WHERE id = ?", arguments: [document]) ?? false) {
                throw TarjumanError.unknownDocument(document)
            }
        }
    }

    /// Calls `each` for every selected unit; units with no rendering to export are passed only
    /// when `includeUnrendered` is set.
    static func scan(_ options: ExportOptions, includeUnrendered: Bool, _ db: Database, each: (ExportedUnit) throws -> Void) throws {
        let documentFilter = options.documents.isEmpty ? "" : "WHERE documentId IN (\(options.documents.map { _ in "?" }.joined(separator: ", ")))"
        var names: [Int64: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, name FROM document") { names[row[0]] = row[1] }
        let units = try FastStatement(db, sql: "SELECT id, documentId, ordinal, text FROM unit \(documentFilter) ORDER BY id")
        units.reset()
        units.bind(all: options.documents)
        let renderings = try FastStatement(db, sql: """
            SELECT unitId, text, translator, status, createdAt, note, properties FROM rendering
            \(options.documents.isEmpty ? "" : "WHERE unitId IN (SELECT id FROM unit \(documentFilter))")
            ORDER BY unitId, id
            """)
        renderings.reset()
        renderings.bind(all: options.documents)
        let since = options.since.map { String.fromDatabaseValue($0.databaseValue) ?? "" }
        var renderingsLeft = try renderings.step()

        struct Pending {
            let id: Int64
            let document: Int64
            let ordinal: Int
            let text: String
            var history: [StoredRendering]
        }
        func emit(_ unit: Pending, previous: Pending?, next: Pending?) throws {
            let candidates = options.approvedOnly ? unit.history.filter(\.isApproved) : unit.history
            var chosen = candidates.last(where: \.isApproved) ?? candidates.last
            if let since, let picked = chosen, picked.createdAt < since { chosen = nil }
            if chosen == nil && !includeUnrendered { return }
            try each(ExportedUnit(
                id: UnitID(document: unit.document, ordinal: unit.ordinal), text: unit.text,
                documentName: names[unit.document] ?? "", chosen: chosen, first: unit.history.first,
                previous: previous.flatMap { $0.document == unit.document && $0.ordinal == unit.ordinal - 1 ? $0.text : nil },
                next: next.flatMap { $0.document == unit.document && $0.ordinal == unit.ordinal + 1 ? $0.text : nil }))
        }

        var previous: Pending?
        var current: Pending?
        while true {
            var next: Pending?
            if try units.step() {
                let id = units.int64(at: 0)
                var history: [StoredRendering] = []
                while renderingsLeft, renderings.int64(at: 0) <= id {
                    if renderings.int64(at: 0) == id {
                        history.append(StoredRendering(
                            text: renderings.text(at: 1), translator: renderings.optionalText(at: 2),
                            status: renderings.text(at: 3), createdAt: renderings.text(at: 4),
                            note: renderings.optionalText(at: 5), properties: renderings.optionalText(at: 6)))
                    }
                    renderingsLeft = try renderings.step()
                }
                next = Pending(id: id, document: units.int64(at: 1), ordinal: Int(units.int64(at: 2)), text: units.text(at: 3), history: history)
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
