import Foundation
import GRDB

/// The inverted index of the translation memory: for every word or number of a unit's search
/// key (its first, second, ... occurrence counted apart), the units that contain it.
///
/// Lists live in SQLite in chunks (table `memoryPosting`), so a new unit touches only each
/// list's last chunk and a lookup reads only the lists it needs; nothing is held in memory
/// between commands. An entry packs the unit's row id with its token weight, for length filters.
package enum MemoryIndex {
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
        var result: [(id: Int64, token: Int, occurrence: Int)] = []
        result.reserveCapacity(tokens.count)
        var seen: [UInt64: Int] = [:]
        let short = tokens.count <= 64
        for (index, token) in tokens.enumerated() where token.kind != .punctuation {
            let occurrence: Int
            if short {
                occurrence = 1 + tokens[..<index].count { $0.hash == token.hash }
            } else {
                occurrence = (seen[token.hash] ?? 0) + 1
                seen[token.hash] = occurrence
            }
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
    package static func keyHash(_ key: String) -> Int64 {
        var hash = KeyHash()
        var copy = key
        copy.withUTF8 { buffer in
            for byte in buffer { hash.add(byte: byte) }
        }
        return Int64(bitPattern: hash.value)
    }

}

/// Collects index entries for newly stored units and writes them to the database.
final class MemoryIndexWriter {
    /// What waits to be written, in one value so that adding a unit is one access to it.
    private struct Pending {
        /// The tokens seen since the last flush, each with a slot number.
        var slots = TokenSlots()
        /// The word each slot's token stands for (first occurrences of words only), for concordance.
        var slotWords: [String?] = []
        var slotCounts: [Int32] = []
        /// The slot of each pending entry, unit after unit.
        var slotsOfEntries: [Int32] = []
        /// Each pending unit's entry, and where its slots end in `slotsOfEntries`.
        var unitEntries: [UInt64] = []
        var unitEnds: [Int32] = []

        mutating func add(_ prepared: PreparedUnit, entry: UInt64) {
            unitEntries.append(entry)
            defer { unitEnds.append(Int32(slotsOfEntries.count)) }
            for (id, tokenIndex, occurrence) in prepared.indexed {
                let (slot, isNew) = slots.slot(for: id)
                if isNew {
                    let token = prepared.tokens.tokens[tokenIndex]
                    slotWords.append(occurrence == 1 && token.kind == .word ? String(scalars: prepared.keyScalars[token.range]) : nil)
                    slotCounts.append(0)
                }
                slotCounts[Int(slot)] += 1
                slotsOfEntries.append(slot)
            }
        }
    }

    private var pending = Pending()
    private var lastUnit: Int64 = 0
    /// Pending entries above which `add` writes them out, to keep memory flat on big imports.
    private let flushThreshold: Int

    init(flushThreshold: Int = 4_000_000) {
        self.flushThreshold = flushThreshold
    }

    /// Indexes one unit; units must come in increasing row id order.
    func add(unit: Int64, prepared: PreparedUnit, _ db: Database) throws {
        precondition(unit > lastUnit, "units are indexed in row id order")
        lastUnit = unit
        pending.add(prepared, entry: MemoryIndex.entry(unit: unit, weight: prepared.tokens.weight))
        if pending.slotsOfEntries.count >= flushThreshold { try flush(db) }
    }

    /// Computes key hashes and weights of units stored before the index existed, and indexes them.
    static func indexExistingUnits(_ db: Database) throws {
        let writer = MemoryIndexWriter()
        let update = try db.makeStatement(sql: "UPDATE unit SET searchKey = ?, keyHash = ?, weight = ? WHERE id = ?")
        let rows = try Row.fetchAll(db, sql: "SELECT id, text FROM unit ORDER BY id")
        for row in rows {
            let id: Int64 = row[0]
            let unit = PreparedUnit(row[1])
            try update.execute(arguments: [unit.key, unit.keyHash, unit.tokens.weight, id])
            try writer.add(unit: id, prepared: unit, db)
        }
        try writer.flush(db)
    }

    /// Writes every pending entry: each list's last chunk is filled, then new chunks follow.
    func flush(_ db: Database) throws {
        guard !pending.slotsOfEntries.isEmpty else { return }
        let written = pending
        pending = Pending()
        let slotCounts = written.slotCounts, slotWords = written.slotWords, slots = written.slots
        // Group the pending units by slot, keeping unit order within each (a counting sort).
        var starts = [Int](repeating: 0, count: slotCounts.count + 1)
        for slot in slotCounts.indices { starts[slot + 1] = starts[slot] + Int(slotCounts[slot]) }
        var grouped = [UInt32](repeating: 0, count: written.slotsOfEntries.count)
        var next = starts
        var begin = 0
        for (unit, end) in written.unitEnds.enumerated() {
            for index in begin ..< Int(end) {
                let slot = Int(written.slotsOfEntries[index])
                grouped[next[slot]] = UInt32(unit)
                next[slot] += 1
            }
            begin = Int(end)
        }
        var entries: [UInt64] = []
        let readToken = try FastStatement(db, sql: "SELECT frequency, chunks FROM memoryToken WHERE id = ?")
        let insertToken = try FastStatement(db, sql: "INSERT INTO memoryToken (id, frequency, chunks, word) VALUES (?, ?, ?, ?)")
        let updateToken = try FastStatement(db, sql: "UPDATE memoryToken SET frequency = ?, chunks = ? WHERE id = ?")
        let readChunk = try FastStatement(db, sql: "SELECT entries FROM memoryPosting WHERE id = ?")
        let writeChunk = try FastStatement(db, sql: "INSERT OR REPLACE INTO memoryPosting (id, entries) VALUES (?, ?)")
        var last: [UInt64] = []
        last.reserveCapacity(MemoryIndex.chunkCapacity)
        // In token order, the rows of both tables are written front to back rather than all over.
        let slotsByToken = slots.tokens.indices.sorted { slots.tokens[$0] < slots.tokens[$1] }
        for slot in slotsByToken {
            let token = slots.tokens[slot]
            entries.removeAll(keepingCapacity: true)
            for unit in grouped[starts[slot] ..< starts[slot + 1]] { entries.append(written.unitEntries[Int(unit)]) }
            var frequency = 0, chunks = 0
            readToken.reset()
            readToken.bind(token, at: 1)
            let exists = try readToken.step()
            if exists {
                frequency = Int(readToken.int64(at: 0))
                chunks = Int(readToken.int64(at: 1))
            }
            readToken.reset()
            var rest = entries[...]
            if chunks > 0 {
                let lastID = MemoryIndex.postingID(token: token, chunk: chunks - 1)
                readChunk.reset()
                readChunk.bind(lastID, at: 1)
                last.removeAll(keepingCapacity: true)
                if try readChunk.step() { readChunk.appendEntries(at: 0, to: &last) }
                readChunk.reset()
                if !last.isEmpty && last.count < MemoryIndex.chunkCapacity {
                    let room = MemoryIndex.chunkCapacity - last.count
                    last += rest.prefix(room)
                    rest = rest.dropFirst(room)
                    writeChunk.reset()
                    writeChunk.bind(lastID, at: 1)
                    writeChunk.bind(entries: last[...], at: 2)
                    try writeChunk.step()
                }
            }
            while !rest.isEmpty {
                let part = rest.prefix(MemoryIndex.chunkCapacity)
                rest = rest.dropFirst(part.count)
                writeChunk.reset()
                writeChunk.bind(MemoryIndex.postingID(token: token, chunk: chunks), at: 1)
                writeChunk.bind(entries: part, at: 2)
                try writeChunk.step()
                chunks += 1
            }
            frequency += entries.count
            if exists {
                updateToken.reset()
                updateToken.bind(frequency, at: 1)
                updateToken.bind(chunks, at: 2)
                updateToken.bind(token, at: 3)
                try updateToken.step()
            } else {
                insertToken.reset()
                insertToken.bind(token, at: 1)
                insertToken.bind(frequency, at: 2)
                insertToken.bind(chunks, at: 3)
                insertToken.bind(slotWords[slot], at: 4)
                try insertToken.step()
            }
        }
    }
}

/// Reads the memory index.
struct MemoryIndexReader {
    private let readFrequency: FastStatement
    private let readEntries: FastStatement

    init(db: Database) throws {
        readFrequency = try FastStatement(db, sql: "SELECT frequency FROM memoryToken WHERE id = ?")
        readEntries = try FastStatement(db, sql: "SELECT entries FROM memoryPosting WHERE id BETWEEN ? AND ? ORDER BY id")
    }

    /// How many units contain the token (0 when none).
    func frequency(of token: Int64) throws -> Int {
        readFrequency.reset()
        readFrequency.bind(token, at: 1)
        let frequency = try readFrequency.step() ? Int(readFrequency.int64(at: 0)) : 0
        readFrequency.reset()
        return frequency
    }

    /// Appends the token's entries, in unit order, to `result`.
    func entries(of token: Int64, into result: inout [UInt64]) throws {
        readEntries.reset()
        readEntries.bind(MemoryIndex.postingID(token: token, chunk: 0), at: 1)
        readEntries.bind(MemoryIndex.postingID(token: token, chunk: 0xFFFF), at: 2)
        while try readEntries.step() { readEntries.appendEntries(at: 0, to: &result) }
    }
}

/// Token ids numbered in order of first appearance: an open-addressing table (token ids are
/// hashes already, so their low bits index it directly).
struct TokenSlots {
    /// A token and its slot side by side, so that a lookup touches one cache line.
    private struct Entry {
        var token: Int64
        var slot: Int32
    }

    private var table = [Entry](repeating: Entry(token: -1, slot: 0), count: 1 << 16)
    /// The tokens by slot.
    private(set) var tokens: [Int64] = []

    /// The token's slot, and whether it was just added.
    mutating func slot(for token: Int64) -> (slot: Int32, isNew: Bool) {
        if tokens.count * 2 >= table.count { grow() }
        let mask = table.count - 1
        let count = Int32(tokens.count)
        let found: (slot: Int32, isNew: Bool) = table.withUnsafeMutableBufferPointer { table in
            var index = Int(truncatingIfNeeded: token) & mask
            while true {
                let entry = table[index]
                if entry.token == token { return (entry.slot, false) }
                if entry.token == -1 {
                    table[index] = Entry(token: token, slot: count)
                    return (count, true)
                }
                index = (index + 1) & mask
            }
        }
        if found.isNew { tokens.append(token) }
        return found
    }

    private mutating func grow() {
        let old = tokens
        table = [Entry](repeating: Entry(token: -1, slot: 0), count: table.count * 2)
        tokens.removeAll(keepingCapacity: true)
        for token in old { _ = slot(for: token) }
    }
}
