import Foundation
import GRDB

/// Stores new units and their renderings inside one write transaction, indexing each unit in
/// the translation memory as it goes. Call `finish()` before the transaction ends.
///
/// A batched writer holds rows back and inserts them many at a time (much faster for bulk
/// imports): it numbers new units itself, so it must be the only one adding units during the
/// transaction, and `flushRows()` must run before anything reads the units or renderings it added.
final class UnitWriter {
    private let db: Database
    private let index = MemoryIndexWriter()
    /// Whether rows are held back (else each is inserted as it comes).
    private let batched: Bool
    private let units: BatchedRows
    private let renderings: BatchedRows
    private var nextUnitID: Int64 = 0
    /// The first unit this writer numbered (batched writers).
    private var firstUnitID: Int64 = 0
    /// The documents the held-back units point to, and the units outside this writer's own
    /// that held-back renderings point to: what must exist when SQLite does not check.
    private var referencedDocuments = Set<Int64>()
    private var lastDocument: Int64 = 0
    private var referencedOtherUnits = Set<Int64>()
    private var lastDate: Date?
    private var lastDateText = ""

    init(_ db: Database, batched: Bool = false) throws {
        self.db = db
        self.batched = batched
        let rows = batched ? 64 : 1
        units = BatchedRows(db, table: "unit", columns: (batched ? ["id"] : []) + [
            "documentId", "ordinal", "paragraph", "startOffset", "endOffset", "text", "searchKey", "keyHash", "weight",
        ], capacity: rows)
        renderings = BatchedRows(db, table: "rendering", columns: [
            "unitId", "text", "translator", "status", "origin", "createdAt", "note", "properties",
        ], capacity: rows)
        if batched {
            // The id SQLite would give the next unit (the table is AUTOINCREMENT: ids are never reused).
            nextUnitID = try Int64.fetchOne(db, sql: """
                SELECT max(coalesce((SELECT max(id) FROM unit), 0), coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'unit'), 0)) + 1
                """) ?? 1
            firstUnitID = nextUnitID
        }
    }

    /// Checks that the units and renderings this writer added point to stored documents and
    /// units, for when SQLite's own checks are off. Its own units all exist once inserted.
    private func checkReferences() throws {
        let document = try FastStatement(db, sql: "SELECT 1 FROM document WHERE id = ?")
        let unit = try FastStatement(db, sql: "SELECT 1 FROM unit WHERE id = ?")
        func missing(_ ids: Set<Int64>, in statement: FastStatement) throws -> Int {
            var count = 0
            for id in ids {
                statement.reset()
                statement.bind(id, at: 1)
                if try !statement.step() { count += 1 }
            }
            statement.reset()
            return count
        }
        let orphanUnits = try missing(referencedDocuments, in: document)
        let orphanRenderings = try missing(referencedOtherUnits, in: unit)
        guard orphanUnits == 0, orphanRenderings == 0 else {
            throw TarjumanError.databaseFailure(
                "units would point to \(orphanUnits) missing documents and renderings to \(orphanRenderings) missing units; nothing was stored")
        }
    }

    /// Units and renderings held back by a batched writer and not yet inserted.
    var pendingRows: Int { units.count + renderings.count }

    /// Inserts the rows a batched writer holds: units first, then renderings.
    func flushRows() throws {
        try units.insert()
        try renderings.insert()
    }

    /// Stores one unit and returns its row id.
    @discardableResult
    func addUnit(document: Int64, ordinal: Int, paragraph: Int, start: Int, end: Int, text: String) throws -> Int64 {
        try addUnit(document: document, ordinal: ordinal, paragraph: paragraph, start: start, end: end, prepared: PreparedUnit(text))
    }

    /// Stores one unit whose key and tokens were computed already, and returns its row id.
    @discardableResult
    func addUnit(document: Int64, ordinal: Int, paragraph: Int, start: Int, end: Int, prepared unit: PreparedUnit) throws -> Int64 {
        if batched {
            units.add(nextUnitID)
            nextUnitID += 1
            if document != lastDocument {
                referencedDocuments.insert(document)
                lastDocument = document
            }
        }
        units.add(document)
        units.add(ordinal)
        units.add(paragraph)
        units.add(start)
        units.add(end)
        units.add(unit.text)
        units.add(unit.key)
        units.add(unit.keyHash)
        units.add(unit.tokens.weight)
        units.endRow()
        if units.count >= units.capacity { try flushRows() }
        let rowID = batched ? nextUnitID - 1 : db.lastInsertedRowID
        try index.add(unit: rowID, prepared: unit, db)
        return rowID
    }

    /// Stores a rendering of a unit stored before.
    func addRendering(unit: Int64, text: String, translator: String?, status: RenderingStatus,
                      origin: String, at date: Date, note: String? = nil, properties: String? = nil) throws {
        if date != lastDate {
            lastDate = date
            lastDateText = String.fromDatabaseValue(date.databaseValue) ?? ""
        }
        if batched && (unit < firstUnitID || unit >= nextUnitID) { referencedOtherUnits.insert(unit) }
        renderings.add(unit)
        renderings.add(text)
        renderings.add(translator)
        renderings.add(status.rawValue)
        renderings.add(origin)
        renderings.add(lastDateText)
        renderings.add(note)
        renderings.add(properties)
        renderings.endRow()
        if renderings.count >= renderings.capacity { try flushRows() }
    }

    /// Writes the index entries still pending.
    func finish() throws {
        try flushRows()
        if batched { try checkReferences() }
        try index.flush(db)
    }
}
