import Foundation
import GRDB
import GRDBSQLite

/// A prepared GRDB statement driven through SQLite's C interface, for the hot loops of bulk
/// imports and index reads where GRDB's per-call argument conversion dominates.
struct FastStatement {
    private let statement: Statement
    private let db: Database
    private var handle: SQLiteStatement { statement.sqliteStatement }

    init(_ db: Database, sql: String) throws {
        self.db = db
        statement = try db.cachedStatement(sql: sql)
    }

    /// Clears the previous run and its bindings.
    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    func bind(_ value: Int64, at index: Int32) {
        sqlite3_bind_int64(handle, index, value)
    }

    func bind(_ value: Int, at index: Int32) {
        sqlite3_bind_int64(handle, index, Int64(value))
    }

    /// Binds a string or NULL; SQLite copies the text.
    func bind(_ text: String?, at index: Int32) {
        guard var text else {
            sqlite3_bind_null(handle, index)
            return
        }
        text.withUTF8 { buffer in
            _ = sqlite3_bind_text(handle, index, UnsafeRawPointer(buffer.baseAddress)?.assumingMemoryBound(to: CChar.self),
                                  Int32(buffer.count), Self.transient)
        }
    }

    /// Binds UTF-8 text without copying it: the bytes must stay as they are until the statement
    /// has run and been reset.
    func bind(unsafeText bytes: UnsafeRawBufferPointer, at index: Int32) {
        guard let base = bytes.baseAddress, bytes.count > 0 else {
            _ = sqlite3_bind_text(handle, index, "", 0, Self.transient)
            return
        }
        _ = sqlite3_bind_text(handle, index, base.assumingMemoryBound(to: CChar.self), Int32(bytes.count), nil)
    }

    /// Binds 64-bit values as a little-endian blob.
    func bind(entries: ArraySlice<UInt64>, at index: Int32) {
        #if _endian(little)
        entries.withUnsafeBytes { raw in
            _ = sqlite3_bind_blob(handle, index, raw.baseAddress, Int32(raw.count), Self.transient)
        }
        #else
        Array(entries.map { $0.littleEndian }).withUnsafeBytes { raw in
            _ = sqlite3_bind_blob(handle, index, raw.baseAddress, Int32(raw.count), Self.transient)
        }
        #endif
    }

    /// Runs one step: true when a row is available.
    @discardableResult
    func step() throws -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            throw DatabaseError(resultCode: ResultCode(rawValue: code),
                                message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
    }

    func int64(at column: Int32) -> Int64 {
        sqlite3_column_int64(handle, column)
    }

    /// The column's text, or nil when it is NULL.
    func optionalText(at column: Int32) -> String? {
        sqlite3_column_type(handle, column) == SQLITE_NULL ? nil : text(at: column)
    }

    /// Binds each value in order from index 1.
    func bind(all values: [Int64]) {
        for (offset, value) in values.enumerated() { bind(value, at: Int32(offset + 1)) }
    }

    func text(at column: Int32) -> String {
        guard let pointer = sqlite3_column_text(handle, column) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }

    /// The column's UTF-8 bytes, valid until the next step or reset (empty when NULL).
    func textBytes(at column: Int32) -> UnsafeBufferPointer<UInt8> {
        guard let pointer = sqlite3_column_text(handle, column) else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: pointer, count: Int(sqlite3_column_bytes(handle, column)))
    }

    /// `body` applied to a blob column's bytes (empty when NULL).
    func withBlob<T>(at column: Int32, _ body: (UnsafeRawBufferPointer) -> T) -> T {
        body(UnsafeRawBufferPointer(start: sqlite3_column_blob(handle, column), count: Int(sqlite3_column_bytes(handle, column))))
    }

    /// Appends a blob column's 64-bit little-endian values to `entries`.
    func appendEntries(at column: Int32, to entries: inout [UInt64]) {
        guard let pointer = sqlite3_column_blob(handle, column) else { return }
        let raw = UnsafeRawBufferPointer(start: pointer, count: Int(sqlite3_column_bytes(handle, column)))
        let count = raw.count / 8
        entries.reserveCapacity(entries.count + count)
        for offset in 0 ..< count {
            entries.append(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset * 8, as: UInt64.self)))
        }
    }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
