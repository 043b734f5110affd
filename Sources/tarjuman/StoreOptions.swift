import Foundation
import ArgumentParser
import TarjumanCore

/// The `--db` option shared by every command that uses the database.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The database file (default: $TARJUMAN_DB, else tarjuman.sqlite in the current directory).",
        valueName: "path"))
    var db: String?

    var path: String { TarjumanDatabase.resolvePath(explicit: db) }

    /// Opens the store; only commands that add documents create a missing database.
    func openStore(create: Bool = false) throws -> TranslationStore {
        TranslationStore(database: try TarjumanDatabase.open(path: path, create: create))
    }

    /// Runs `body` with a store created when missing; when `body` fails on a database this call
    /// created, the new files are removed, so a failed command leaves no database behind.
    func withNewOrExistingStore<T>(_ body: (TranslationStore) throws -> T) throws -> T {
        let existed = FileManager.default.fileExists(atPath: path)
        let result: Result<T, any Error> = {
            do {
                return .success(try body(try openStore(create: true)))
            } catch {
                return .failure(error)
            }
        }()
        if case .failure = result, !existed, path != ":memory:" {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        return try result.get()
    }
}
