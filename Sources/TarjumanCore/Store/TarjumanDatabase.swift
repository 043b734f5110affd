import Foundation
import GRDB

/// A Tarjuman database: SQLite through GRDB, in WAL mode with a busy timeout so that two
/// commands at once wait for each other rather than fail.
public struct TarjumanDatabase: Sendable {
    /// The underlying GRDB connection.
    public let writer: any DatabaseWriter
    /// Where the database lives, for messages (":memory:" for an in-memory one).
    public let path: String

    /// The database path: `--db`, else `$TARJUMAN_DB`, else `tarjuman.sqlite` in the current directory.
    public static func resolvePath(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        if let fromEnvironment = environment["TARJUMAN_DB"], !fromEnvironment.isEmpty { return fromEnvironment }
        return "tarjuman.sqlite"
    }

    /// The page size of new databases.
    static let pageSize = 32768

    /// Opens the database at `path`, creating it only when `create` is set; checks that it is a
    /// Tarjuman database and brings its schema up to date.
    public static func open(path: String, create: Bool, busyTimeout: TimeInterval = 10) throws(TarjumanError) -> TarjumanDatabase {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        if isDirectory.boolValue { throw .notATarjumanDatabase(path) }
        if !exists && !create { throw .databaseNotFound(path) }
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.prepareDatabase { db in
            // Takes effect only when the file is created: large pages make bulk imports about
            // a third faster (measured with the memory benchmark).
            try db.execute(sql: "PRAGMA page_size = \(pageSize)")
            // 64 MB of page cache: large imports update indexes all over the file.
            try db.execute(sql: "PRAGMA cache_size = -65536")
            // Reads map the file rather than copy each page: lookups in a large memory read
            // pages all over it.
            try db.execute(sql: "PRAGMA mmap_size = 1073741824")
        }
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw translate(error, path: path)
        }
        let database = TarjumanDatabase(writer: pool, path: path)
        try database.prepare()
        return database
    }

    /// A fresh database in memory, for tests.
    public static func inMemory() throws(TarjumanError) -> TarjumanDatabase {
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue()
        } catch {
            throw translate(error, path: ":memory:")
        }
        let database = TarjumanDatabase(writer: queue, path: ":memory:")
        try database.prepare()
        return database
    }

    /// Refuses databases made by other programs or by a newer Tarjuman, then migrates.
    private func prepare() throws(TarjumanError) {
        let migrator = Schema.migrator
        let path = self.path
        try perform {
            try writer.write { db in
                let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                let objectCount = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
                if applicationID != Schema.applicationID && (applicationID != 0 || objectCount > 0) {
                    throw TarjumanError.notATarjumanDatabase(path)
                }
                if try migrator.hasBeenSuperseded(db) {
                    throw TarjumanError.databaseTooNew(path)
                }
            }
            try migrator.migrate(writer)
        }
    }

    /// Runs `body`, turning SQLite's errors into messages for the user.
    public func perform<T>(_ body: () throws -> T) throws(TarjumanError) -> T {
        do {
            return try body()
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    /// Reads in a consistent snapshot.
    public func read<T>(_ body: (Database) throws -> T) throws(TarjumanError) -> T {
        try perform { try writer.read(body) }
    }

    /// Writes in one transaction: everything `body` does is kept, or nothing when it throws.
    public func write<T>(_ body: (Database) throws -> T) throws(TarjumanError) -> T {
        try perform { try writer.write(body) }
    }

    /// Writes in one transaction, as `write` does, with SQLite's enforcement of references
    /// between tables off: for bulk inserts, whose multi-row statements it makes much cheaper.
    /// `body` must check the references of the rows it adds (a batched `UnitWriter` does).
    func writeCheckingReferencesItself<T>(_ body: (Database) throws -> T) throws(TarjumanError) -> T {
        try perform {
            try writer.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA foreign_keys = OFF")
                defer { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                guard let result else { throw TarjumanError.databaseFailure("the transaction ended without a result") }
                return result
            }
        }
    }

    static func translate(_ error: any Error, path: String) -> TarjumanError {
        if let error = error as? TarjumanError { return error }
        if let error = error as? DatabaseError {
            switch error.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED: return .databaseLocked(path)
            case .SQLITE_NOTADB, .SQLITE_CORRUPT: return .notATarjumanDatabase(path)
            case .SQLITE_CANTOPEN: return .databaseFailure("\(path): cannot open the database file; check that its folder exists and is writable")
            case .SQLITE_READONLY: return .databaseFailure("\(path): the database is read-only; check its permissions")
            default: return .databaseFailure(error.message ?? "\(error)")
            }
        }
        return .databaseFailure(error.localizedDescription)
    }
}
