import Foundation
import GRDB

/// Stores new units and their renderings inside one write transaction, indexing each unit in
/// the translation memory as it goes. Call `finish()` before the transaction ends.
final class UnitWriter {
    private let db: Database
    private let index = MemoryIndexWriter()
    private let insertUnit: Statement
    private let insertRendering: Statement

    init(_ db: Database) throws {
        self.db = db
        insertUnit = try db.cachedStatement(sql: """
            INSERT INTO unit (documentId, ordinal, paragraph, startOffset, endOffset, text, searchKey, keyHash, weight)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertRendering = try db.cachedStatement(sql: """
            INSERT INTO rendering (unitId, text, translator, status, origin, createdAt) VALUES (?, ?, ?, ?, ?, ?)
            """)
    }

    /// Stores one unit and returns its row id.
    @discardableResult
    func addUnit(document: Int64, ordinal: Int, paragraph: Int, start: Int, end: Int, text: String) throws -> Int64 {
        let key = ArabicSearchKey.key(text)
        let scalars = Array(key.unicodeScalars)
        let tokens = KeyTokens(scalars: scalars)
        try insertUnit.execute(arguments: [document, ordinal, paragraph, start, end, text, key,
                                           MemoryIndex.keyHash(key), tokens.weight])
        let rowID = db.lastInsertedRowID
        try index.add(unit: rowID, key: scalars, tokens: tokens, db)
        return rowID
    }

    /// Stores a rendering of a unit stored before.
    @discardableResult
    func addRendering(unit: Int64, text: String, translator: String?, status: RenderingStatus,
                      origin: String, at date: Date) throws -> Int64 {
        try insertRendering.execute(arguments: [unit, text, translator, status, origin, date])
        return db.lastInsertedRowID
    }

    /// Writes the index entries still pending.
    func finish() throws {
        try index.flush(db)
    }
}
