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
    private let insertUnit: FastStatement
    private let insertRendering: FastStatement
    private let pendingUnits: BatchedRows?
    private let pendingRenderings: BatchedRows?
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
        insertUnit = try FastStatement(db, sql: """
            INSERT INTO unit (documentId, ordinal, paragraph, startOffset, endOffset, text, searchKey, keyHash, weight)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertRendering = try FastStatement(db, sql: """
            INSERT INTO rendering (unitId, text, translator, status, origin, createdAt, note, properties) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        if batched {
            pendingUnits = BatchedRows(db, table: "unit", columns: [
                "id", "documentId", "ordinal", "paragraph", "startOffset", "endOffset", "text", "searchKey", "keyHash", "weight",
            ])
            pendingRenderings = BatchedRows(db, table: "rendering", columns: [
                "unitId", "text", "translator", "status", "origin", "createdAt", "note", "properties",
            ])
            // The id SQLite would give the next unit (the table is AUTOINCREMENT: ids are never reused).
            nextUnitID = try Int64.fetchOne(db, sql: """
                SELECT max(coalesce((SELECT max(id) FROM unit), 0), coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'unit'), 0)) + 1
                """) ?? 1
            firstUnitID = nextUnitID
        } else {
            pendingUnits = nil
            pendingRenderings = nil
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
    var pendingRows: Int { (pendingUnits?.count ?? 0) + (pendingRenderings?.count ?? 0) }

    /// Inserts the rows a batched writer holds: units first, then renderings.
    func flushRows() throws {
        try pendingUnits?.insert()
        try pendingRenderings?.insert()
    }

    /// Stores one unit and returns its row id.
    @discardableResult
    func addUnit(document: Int64, ordinal: Int, paragraph: Int, start: Int, end: Int, text: String) throws -> Int64 {
        try addUnit(document: document, ordinal: ordinal, paragraph: paragraph, start: start, end: end, prepared: PreparedUnit(text))
    }

    /// Stores one unit whose key and tokens were computed already, and returns its row id.
    @discardableResult
    func addUnit(document: Int64, ordinal: Int, paragraph: Int, start: Int, end: Int, prepared unit: PreparedUnit) throws -> Int64 {
        if let pendingUnits {
            let rowID = nextUnitID
            nextUnitID += 1
            if document != lastDocument {
                referencedDocuments.insert(document)
                lastDocument = document
            }
            pendingUnits.add(rowID)
            pendingUnits.add(document)
            pendingUnits.add(ordinal)
            pendingUnits.add(paragraph)
            pendingUnits.add(start)
            pendingUnits.add(end)
            pendingUnits.add(unit.text)
            pendingUnits.add(unit.key)
            pendingUnits.add(unit.keyHash)
            pendingUnits.add(unit.tokens.weight)
            pendingUnits.endRow()
            if pendingUnits.count >= pendingUnits.capacity { try flushRows() }
            try index.add(unit: rowID, prepared: unit, db)
            return rowID
        }
        insertUnit.reset()
        insertUnit.bind(document, at: 1)
        insertUnit.bind(ordinal, at: 2)
        insertUnit.bind(paragraph, at: 3)
        insertUnit.bind(start, at: 4)
        insertUnit.bind(end, at: 5)
        insertUnit.bind(unit.text, at: 6)
        insertUnit.bind(unit.key, at: 7)
        insertUnit.bind(unit.keyHash, at: 8)
        insertUnit.bind(unit.tokens.weight, at: 9)
        try insertUnit.step()
        let rowID = db.lastInsertedRowID
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
        if let pendingRenderings {
            if unit < firstUnitID || unit >= nextUnitID { referencedOtherUnits.insert(unit) }
            pendingRenderings.add(unit)
            pendingRenderings.add(text)
            pendingRenderings.add(translator)
            pendingRenderings.add(status.rawValue)
            pendingRenderings.add(origin)
            pendingRenderings.add(lastDateText)
            pendingRenderings.add(note)
            pendingRenderings.add(properties)
            pendingRenderings.endRow()
            if pendingRenderings.count >= pendingRenderings.capacity { try flushRows() }
            return
        }
        insertRendering.reset()
        insertRendering.bind(unit, at: 1)
        insertRendering.bind(text, at: 2)
        insertRendering.bind(translator, at: 3)
        insertRendering.bind(status.rawValue, at: 4)
        insertRendering.bind(origin, at: 5)
        insertRendering.bind(lastDateText, at: 6)
        insertRendering.bind(note, at: 7)
        insertRendering.bind(properties, at: 8)
        try insertRendering.step()
    }

    /// Writes the index entries still pending.
    func finish() throws {
        try flushRows()
        if pendingUnits != nil { try checkReferences() }
        try index.flush(db)
    }
}
