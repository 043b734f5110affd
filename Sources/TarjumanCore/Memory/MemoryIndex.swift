import Foundation
import GRDB

/// The inverted index of the translation memory: for every word or number of a unit's search
/// key (its first, second, ... occurrence counted apart), the units that contain it.
///
/// Lists live in SQLite in chunks (table `memoryPosting`), so a new unit touches only each
/// list's last chunk and a lookup reads only the lists it needs; nothing is held in memory
/// between commands. An entry packs the unit's row id with its token weight, for length filters.
enum MemoryIndex {
    /// Entries per stored chunk.
    static let chunkCapacity = 4096

    /// The id of the `occurrence`-th (from 1) appearance of a token in a key: 47 bits of a hash.
    static func tokenID(hash: UInt64, occurrence: Int) -> Int64 {
        var mixed = hash ^ (UInt64(occurrence) &* 0x9E37_79B9_7F4A_7C15)
        mixed = (mixed ^ (mixed >> 31)) &* 0xBF58_476D_1CE4_E5B9
        mixed ^= mixed >> 29
        return Int64(mixed >> 17)
    }

    /// The ids of the indexed tokens of a key, one per occurrence, with their weights.
    static func indexedTokens(_ tokens: [KeyToken]) -> [(id: Int64, token: Int, occurrence: Int)] {
        var seen: [UInt64: Int] = [:]
        var result: [(id: Int64, token: Int, occurrence: Int)] = []
        result.reserveCapacity(tokens.count)
        for (index, token) in tokens.enumerated() where token.kind != .punctuation {
            let occurrence = (seen[token.hash] ?? 0) + 1
            seen[token.hash] = occurrence
            result.append((tokenID(hash: token.hash, occurrence: occurrence), index, occurrence))
        }
        return result
    }

    static func entry(unit: Int64, weight: Int) -> UInt64 {
        UInt64(unit) << 24 | UInt64(min(weight, 0xFF_FFFF))
    }

    static func unit(of entry: UInt64) -> Int64 { Int64(entry >> 24) }
    static func weight(of entry: UInt64) -> Int { Int(entry & 0xFF_FFFF) }

    static func postingID(token: Int64, chunk: Int) -> Int64 { token << 16 | Int64(chunk) }

    /// The 64-bit hash of a whole search key, for exact lookups.
    static func keyHash(_ key: String) -> Int64 {
        var hash = KeyHash()
        var copy = key
        copy.withUTF8 { buffer in
            for byte in buffer { hash.add(byte: byte) }
        }
        return Int64(bitPattern: hash.value)
    }

    static func encode(_ entries: ArraySlice<UInt64>) -> Data {
        var data = Data(count: entries.count * 8)
        data.withUnsafeMutableBytes { raw in
            for (offset, entry) in entries.enumerated() {
                raw.storeBytes(of: entry.littleEndian, toByteOffset: offset * 8, as: UInt64.self)
            }
        }
        return data
    }

    static func decode(_ data: Data, into entries: inout [UInt64]) {
        data.withUnsafeBytes { raw in
            let count = raw.count / 8
            for offset in 0 ..< count {
                entries.append(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset * 8, as: UInt64.self)))
            }
        }
    }
}

/// Collects index entries for newly stored units and writes them to the database.
final class MemoryIndexWriter {
    private var pending: [Int64: [UInt64]] = [:]
    private var newWords: [Int64: String] = [:]
    private var pendingEntries = 0
    private var lastUnit: Int64 = 0
    /// Pending entries above which `add` writes them out, to keep memory flat on big imports.
    private let flushThreshold: Int

    init(flushThreshold: Int = 4_000_000) {
        self.flushThreshold = flushThreshold
    }

    /// Indexes one unit; units must come in increasing row id order.
    func add(unit: Int64, key: [Unicode.Scalar], tokens: KeyTokens, _ db: Database) throws {
        precondition(unit > lastUnit, "units are indexed in row id order")
        lastUnit = unit
        let entry = MemoryIndex.entry(unit: unit, weight: tokens.weight)
        for (id, tokenIndex, occurrence) in MemoryIndex.indexedTokens(tokens.tokens) {
            if occurrence == 1, tokens.tokens[tokenIndex].kind == .word, newWords[id] == nil {
                let range = tokens.tokens[tokenIndex].range
                newWords[id] = String(scalars: key[range])
            }
            pending[id, default: []].append(entry)
        }
        pendingEntries += tokens.tokens.count
        if pendingEntries >= flushThreshold { try flush(db) }
    }

    /// Computes key hashes and weights of units stored before the index existed, and indexes them.
    static func indexExistingUnits(_ db: Database) throws {
        let writer = MemoryIndexWriter()
        let update = try db.makeStatement(sql: "UPDATE unit SET keyHash = ?, weight = ? WHERE id = ?")
        let rows = try Row.fetchAll(db, sql: "SELECT id, searchKey FROM unit ORDER BY id")
        for row in rows {
            let id: Int64 = row[0]
            let key: String = row[1]
            let scalars = Array(key.unicodeScalars)
            let tokens = KeyTokens(scalars: scalars)
            try update.execute(arguments: [MemoryIndex.keyHash(key), tokens.weight, id])
            try writer.add(unit: id, key: scalars, tokens: tokens, db)
        }
        try writer.flush(db)
    }

    /// Writes every pending entry: each list's last chunk is filled, then new chunks follow.
    func flush(_ db: Database) throws {
        guard !pending.isEmpty else { return }
        let readToken = try db.cachedStatement(sql: "SELECT frequency, chunks FROM memoryToken WHERE id = ?")
        let insertToken = try db.cachedStatement(sql: "INSERT INTO memoryToken (id, frequency, chunks, word) VALUES (?, ?, ?, ?)")
        let updateToken = try db.cachedStatement(sql: "UPDATE memoryToken SET frequency = ?, chunks = ? WHERE id = ?")
        let readChunk = try db.cachedStatement(sql: "SELECT entries FROM memoryPosting WHERE id = ?")
        let writeChunk = try db.cachedStatement(sql: "INSERT OR REPLACE INTO memoryPosting (id, entries) VALUES (?, ?)")
        for (token, entries) in pending {
            var frequency = 0, chunks = 0
            let exists: Bool
            if let row = try Row.fetchOne(readToken, arguments: [token]) {
                frequency = row[0]
                chunks = row[1]
                exists = true
            } else {
                exists = false
            }
            var rest = entries[...]
            if chunks > 0 {
                let lastID = MemoryIndex.postingID(token: token, chunk: chunks - 1)
                if let data = try Data.fetchOne(readChunk, arguments: [lastID]), data.count / 8 < MemoryIndex.chunkCapacity {
                    var last: [UInt64] = []
                    last.reserveCapacity(MemoryIndex.chunkCapacity)
                    MemoryIndex.decode(data, into: &last)
                    let room = MemoryIndex.chunkCapacity - last.count
                    last += rest.prefix(room)
                    rest = rest.dropFirst(room)
                    try writeChunk.execute(arguments: [lastID, MemoryIndex.encode(last[...])])
                }
            }
            while !rest.isEmpty {
                let part = rest.prefix(MemoryIndex.chunkCapacity)
                rest = rest.dropFirst(part.count)
                try writeChunk.execute(arguments: [MemoryIndex.postingID(token: token, chunk: chunks), MemoryIndex.encode(part)])
                chunks += 1
            }
            frequency += entries.count
            if exists {
                try updateToken.execute(arguments: [frequency, chunks, token])
            } else {
                try insertToken.execute(arguments: [token, frequency, chunks, newWords[token]])
            }
        }
        pending.removeAll(keepingCapacity: true)
        newWords.removeAll(keepingCapacity: true)
        pendingEntries = 0
    }
}

/// Reads the memory index.
struct MemoryIndexReader {
    let db: Database

    /// How many units contain the token (0 when none).
    func frequency(of token: Int64) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT frequency FROM memoryToken WHERE id = ?"), arguments: [token]) ?? 0
    }

    /// The token's entries, in unit order.
    func entries(of token: Int64, into result: inout [UInt64]) throws {
        let statement = try db.cachedStatement(sql: "SELECT entries FROM memoryPosting WHERE id BETWEEN ? AND ? ORDER BY id")
        let cursor = try Data.fetchCursor(statement, arguments: [MemoryIndex.postingID(token: token, chunk: 0),
                                                                 MemoryIndex.postingID(token: token, chunk: 0xFFFF)])
        while let data = try cursor.next() { MemoryIndex.decode(data, into: &result) }
    }
}
