import Foundation
import GRDB

/// A file imported into a memory, and what that import did.
public struct MemorySource: Sendable, Equatable, Codable {
    public let file: String
    public let importedAt: Date
    public let read: Int
    public let added: Int
    public let merged: Int
}

/// A memory as `tarjuman memories` lists it.
public struct MemorySummary: Sendable, Equatable, Codable {
    public let name: String
    public let entries: Int
    /// Points taken off this memory's match scores.
    public let penalty: Int
    public let createdAt: Date
    /// The files imported into it, oldest first.
    public let sources: [MemorySource]
}

/// Named memories of translation entries, apart from the documents being translated. An entry
/// is stored as a unit of one of the memory's parts (documents with a `memoryId`) with its target as
/// the unit's one rendering, so that matching, concordance and checks read entries and document
/// units through the same index.
public struct MemoryStore: MemoryStoring {
    public let database: TarjumanDatabase

    public init(database: TarjumanDatabase) {
        self.database = database
    }

    public func memories() throws(TarjumanError) -> [MemorySummary] {
        try database.read { db in
            let sources = try Row.fetchAll(db, sql: "SELECT memoryId, file, importedAt, read, added, merged FROM memoryImport ORDER BY id")
            var byMemory: [Int64: [MemorySource]] = [:]
            for row in sources {
                byMemory[row[0], default: []].append(MemorySource(file: row[1], importedAt: row[2], read: row[3], added: row[4], merged: row[5]))
            }
            return try Row.fetchAll(db, sql: """
                SELECT m.id, m.name, m.penalty, m.createdAt,
                       (SELECT count(*) FROM document d JOIN unit u ON u.documentId = d.id WHERE d.memoryId = m.id)
                FROM memory m ORDER BY m.name
                """).map { row in
                MemorySummary(name: row[1], entries: row[4], penalty: row[2], createdAt: row[3], sources: byMemory[row[0]] ?? [])
            }
        }
    }

    /// Removes a memory and all its entries; returns how many entries went.
    @discardableResult
    public func removeMemory(named name: String) throws(TarjumanError) -> Int {
        try database.write { db in
            let id = try Self.memoryID(named: name, db)
            let entries = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM document d JOIN unit u ON u.documentId = d.id WHERE d.memoryId = ?
                """, arguments: [id]) ?? 0
            try db.execute(sql: "DELETE FROM memory WHERE id = ?", arguments: [id])
            return entries
        }
    }

    public func renameMemory(_ name: String, to newName: String) throws(TarjumanError) {
        let newName = try Self.validName(newName)
        try database.write { db in
            let id = try Self.memoryID(named: name, db)
            if newName == name { return }
            if try Int64.fetchOne(db, sql: "SELECT id FROM memory WHERE name = ?", arguments: [newName]) != nil {
                throw TarjumanError.memoryExists(newName)
            }
            try db.execute(sql: "UPDATE memory SET name = ? WHERE id = ?", arguments: [newName, id])
        }
    }

    /// Sets the points (0 to 100) taken off the scores of the memory's matches.
    public func setPenalty(_ penalty: Int, of name: String) throws(TarjumanError) {
        try database.write { db in
            let id = try Self.memoryID(named: name, db)
            try db.execute(sql: "UPDATE memory SET penalty = ? WHERE id = ?", arguments: [min(max(penalty, 0), 100), id])
        }
    }

    /// The id of the memory with this name.
    static func memoryID(named name: String, _ db: Database) throws -> Int64 {
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM memory WHERE name = ?", arguments: [name]) else {
            throw TarjumanError.unknownMemory(name)
        }
        return id
    }

    /// The ids of the memories named; all memories when `names` is empty.
    static func memoryIDs(named names: [String], _ db: Database) throws -> [Int64] {
        if names.isEmpty { return try Int64.fetchAll(db, sql: "SELECT id FROM memory ORDER BY id") }
        return try names.map { try memoryID(named: $0, db) }
    }

    /// The id of the memory with this name, created when there is none.
    static func memoryID(creating name: String, at date: Date, _ db: Database) throws -> Int64 {
        let name = try validName(name)
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM memory WHERE name = ?", arguments: [name]) { return id }
        try db.execute(sql: "INSERT INTO memory (name, penalty, createdAt) VALUES (?, 0, ?)", arguments: [name, date])
        return db.lastInsertedRowID
    }

    /// A memory name with its ends trimmed; refused when it has no letter or digit.
    static func validName(_ name: String) throws(TarjumanError) -> String {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.unicodeScalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }) else {
            throw .invalidMemoryName(name)
        }
        return trimmed
    }
}
