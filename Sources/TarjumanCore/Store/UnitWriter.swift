import Foundation
import GRDB

/// Stores new units and their renderings inside one write transaction, indexing each unit in
/// the translation memory as it goes. Call `finish()` before the transaction ends.
final class UnitWriter {
    private let db: Database
    private let index = MemoryIndexWriter()
    private let insertUnit: FastStatement
    private let insertRendering: FastStatement
    private var lastDate: Date?
    private var lastDateText = ""

    init(_ db: Database) throws {
        self.db = db
        insertUnit = try FastStatement(db, sql: """
            INSERT INTO unit (documentId, ordinal, paragraph, startOffset, endOffset, text, searchKey, keyHash, weight)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertRendering = try FastStatement(db, sql: """
            INSERT INTO rendering (unitId, text, translator, status, origin, createdAt, note, properties) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
    }

    /// Stores one unit and returns its row id.
    @discardableResult
    func addUnit(document: Int64, ordinal: Int, paragraph: Int, start: Int, end: Int, text: String) throws -> Int64 {
        try addUnit(document: document, ordinal: ordinal, paragraph: paragraph, start: start, end: end, prepared: PreparedUnit(text))
    }

    /// Stores one unit whose key and tokens were computed already, and returns its row id.
    @discardableResult
    func addUnit(document: Int64, ordinal: Int, paragraph: Int, start: Int, end: Int, prepared unit: PreparedUnit) throws -> Int64 {
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
    @discardableResult
    func addRendering(unit: Int64, text: String, translator: String?, status: RenderingStatus,
                      origin: String, at date: Date, note: String? = nil, properties: String? = nil) throws -> Int64 {
        if date != lastDate {
            lastDate = date
            lastDateText = String.fromDatabaseValue(date.databaseValue) ?? ""
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
        return db.lastInsertedRowID
    }

    /// Writes the index entries still pending.
    func finish() throws {
        try index.flush(db)
    }
}
