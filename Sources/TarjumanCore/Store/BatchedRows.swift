import GRDB

/// Rows for one table, held back and inserted `capacity` at a time by one multi-row INSERT
/// statement, which costs SQLite far less per row than one statement each (a capacity of 1
/// inserts each row as it comes). Values are added column by column; texts are copied, so the
/// caller's strings need not outlive the call.
final class BatchedRows {
    private let db: Database
    private let table: String
    private let columns: [String]
    /// Rows per statement: the owner inserts the held rows when there are this many.
    let capacity: Int
    private var bytes: [UInt8] = []
    private var values: [Value] = []
    private(set) var count = 0
    private var statements: [Int: FastStatement] = [:]

    private enum Value {
        case integer(Int64)
        case text(start: Int, count: Int)
        case null
    }

    init(_ db: Database, table: String, columns: [String], capacity: Int = 64) {
        self.db = db
        self.table = table
        self.columns = columns
        self.capacity = capacity
        values.reserveCapacity(columns.count * capacity)
    }

    func add(_ value: Int64) {
        values.append(.integer(value))
    }

    func add(_ value: Int) {
        values.append(.integer(Int64(value)))
    }

    func add(_ text: String?) {
        guard var text else {
            values.append(.null)
            return
        }
        let start = bytes.count
        text.withUTF8 { bytes.append(contentsOf: $0) }
        values.append(.text(start: start, count: bytes.count - start))
    }

    /// Ends the row whose values were just added.
    func endRow() {
        precondition(values.count == (count + 1) * columns.count, "a row of \(table) has the wrong number of values")
        count += 1
    }

    /// Inserts the rows held so far.
    func insert() throws {
        guard count > 0 else { return }
        let statement = try self.statement(rows: count)
        statement.reset()
        try bytes.withUnsafeBytes { raw in
            for (offset, value) in values.enumerated() {
                let index = Int32(offset + 1)
                switch value {
                case let .integer(number): statement.bind(number, at: index)
                case let .text(start, count): statement.bind(unsafeText: UnsafeRawBufferPointer(rebasing: raw[start ..< start + count]), at: index)
                case .null: statement.bind(nil, at: index)
                }
            }
            try statement.step()
            statement.reset()
        }
        bytes.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
        count = 0
    }

    private func statement(rows: Int) throws -> FastStatement {
        if let statement = statements[rows] { return statement }
        let row = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        // OR FAIL: a failing row ends the statement without undoing the rows before it (the
        // transaction is rolled back anyway), so SQLite keeps no statement journal.
        let sql = "INSERT OR FAIL INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
            + Array(repeating: row, count: rows).joined(separator: ", ")
        let statement = try FastStatement(db, sql: sql)
        statements[rows] = statement
        return statement
    }
}
