import Foundation
import GRDB

/// The upgrade of a schema v6 database, where memory imports wrote into documents, to
/// memories kept apart. Nothing is lost: every rendering a memory import brought becomes an
/// entry of a memory named after its file, and the renderings people and XLIFF or alignment
/// imports gave a unit stay its history, the newest of them its current rendering again.
enum MemoryUpgrade {
    /// The memory file named by a rendering's origin (`tmx NAME`, `tsv NAME`, `csv NAME`), if any.
    static func memoryFile(origin: String) -> String? {
        for format in MemoryFileFormat.allCases where origin.hasPrefix(format.rawValue + " ") {
            let name = origin.dropFirst(format.rawValue.count + 1)
            return name.isEmpty ? nil : String(name)
        }
        return nil
    }

    static func separateMemories(_ db: Database) throws {
        var memories: [String: Int64] = [:]
        func memory(named name: String, at date: Date) throws -> Int64 {
            if let id = memories[name] { return id }
            try db.execute(sql: "INSERT INTO memory (name, penalty, createdAt) VALUES (?, 0, ?)", arguments: [name, date])
            memories[name] = db.lastInsertedRowID
            return db.lastInsertedRowID
        }

        // Documents whose every unit was created by a memory import (their first rendering came
        // from a memory file) become parts of the memory of that file.
        struct DocumentOrigins {
            var file: String?
            var allFromMemory = true
        }
        var origins: [Int64: DocumentOrigins] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT u.documentId, (SELECT origin FROM rendering WHERE unitId = u.id ORDER BY id LIMIT 1)
            FROM unit u ORDER BY u.documentId, u.ordinal
            """) {
            let document: Int64 = row[0]
            let file = (row[1] as String?).flatMap(memoryFile(origin:))
            var entry = origins[document] ?? DocumentOrigins(file: file)
            if file == nil || file != entry.file { entry.allFromMemory = false }
            origins[document] = entry
        }
        let importedAt = try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT id, importedAt FROM document").map {
            (row: Row) -> (Int64, Date) in (row[0], row[1])
        })
        for (document, entry) in origins.sorted(by: { $0.key < $1.key }) where entry.allFromMemory {
            guard let file = entry.file else { continue }
            let id = try memory(named: file, at: importedAt[document] ?? Date())
            try db.execute(sql: "UPDATE document SET memoryId = ? WHERE id = ?", arguments: [id, document])
        }

        // Every other rendering from a memory file (an alternative filed as history, or a
        // rendering a memory import put on a real document's unit) becomes an entry of its own.
        var entries: [Int64: [String: Int64]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT d.memoryId, u.text, r.text, r.id FROM unit u
            JOIN document d ON d.id = u.documentId
            JOIN rendering r ON r.id = (SELECT min(id) FROM rendering WHERE unitId = u.id)
            WHERE d.memoryId IS NOT NULL
            """) {
            entries[row[0], default: [:]][MergePolicy.entryKey(source: row[1], target: row[2])] = row[3]
        }
        let moving = try Row.fetchAll(db, sql: """
            SELECT r.id, r.origin, r.text, r.createdAt, u.text, d.memoryId,
                   r.id = (SELECT min(id) FROM rendering WHERE unitId = r.unitId)
            FROM rendering r JOIN unit u ON u.id = r.unitId JOIN document d ON d.id = u.documentId
            ORDER BY r.id
            """)
        let writer = try UnitWriter(db)
        var parts: [Int64: (id: Int64, text: ParagraphText)] = [:]
        for row in moving {
            guard let file = memoryFile(origin: row[1]) else { continue }
            let memoryOfDocument: Int64? = row[5]
            let isFirst: Bool = row[6]
            if memoryOfDocument != nil && isFirst { continue }
            let rendering: Int64 = row[0]
            let target: String = row[2], source: String = row[4]
            let memory = try memory(named: file, at: row[3])
            let key = MergePolicy.entryKey(source: source, target: target)
            if let kept = entries[memory]?[key] {
                try mergeMetadata(from: rendering, into: kept, db)
                continue
            }
            var part = try parts[memory] ?? {
                try db.execute(sql: "INSERT INTO document (name, contentHash, importedAt, text, memoryId) VALUES (?, ?, ?, '', ?)",
                               arguments: [file, "memory-upgrade:\(memory)", row[3] as Date, memory])
                return (db.lastInsertedRowID, ParagraphText())
            }()
            let offsets = part.text.append(source)
            let unit = try writer.addUnit(document: part.id, ordinal: part.text.count, paragraph: part.text.count,
                                          start: offsets.lowerBound, end: offsets.upperBound, text: source)
            try db.execute(sql: "UPDATE rendering SET unitId = ? WHERE id = ?", arguments: [unit, rendering])
            parts[memory] = part
            entries[memory, default: [:]][key] = rendering
        }
        try writer.finish()
        for part in parts.values {
            try db.execute(sql: "UPDATE document SET text = ? WHERE id = ?", arguments: [part.text.text, part.id])
        }
        try db.execute(sql: """
            INSERT INTO memoryImport (memoryId, file, importedAt, read, added, merged)
            SELECT m.id, m.name, m.createdAt, count(u.id), count(u.id), 0
            FROM memory m JOIN document d ON d.memoryId = m.id JOIN unit u ON u.documentId = d.id
            GROUP BY m.id
            """)
    }

    /// Merges a duplicate entry's rendering into the one kept: the newer metadata wins; the duplicate goes.
    static func mergeMetadata(from duplicate: Int64, into kept: Int64, _ db: Database) throws {
        try db.execute(sql: """
            UPDATE rendering SET (translator, status, createdAt, note, properties) =
                (SELECT d.translator, d.status, d.createdAt, d.note, d.properties FROM rendering d WHERE d.id = ?)
            WHERE id = ? AND createdAt < (SELECT createdAt FROM rendering WHERE id = ?)
            """, arguments: [duplicate, kept, duplicate])
        try db.execute(sql: "DELETE FROM rendering WHERE id = ?", arguments: [duplicate])
    }
}
