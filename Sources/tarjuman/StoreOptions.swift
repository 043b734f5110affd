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
}
