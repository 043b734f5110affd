import ArgumentParser
import Foundation
import Logging
import TarjumanCore
import TarjumanServer

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Open the web editor: documents, the bilingual editor, glossary and concordance in a browser.",
        discussion: """
            tarjuman serve [--port 8080] [--db tarjuman.sqlite]    then open http://127.0.0.1:8080
            Listens on 127.0.0.1 only unless --host says otherwise; --port 0 picks a free port. A missing database
            is refused unless --create is given.
            Logs one line per request on standard error; Ctrl-C stops it.
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(help: "The address to listen on. Anything but loopback lets other machines in.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0: any free port).")
    var port = 8080

    @Flag(help: "Create the database when there is none at --db (without it, a missing database is refused).")
    var create = false

    func validate() throws {
        guard (0 ... 65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535.") }
    }

    func run() async throws {
        let database = try create ? store.withNewOrExistingStore { $0.database } : store.openStore().database
        var logger = Logger(label: "tarjuman") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = .info
        if !EditorServer.isLoopback(host) {
            Output.printError("warning: listening on \(host): other machines can reach the editor and change the database; "
                + "there are no accounts, so bind to 127.0.0.1 unless this network is trusted")
        }
        let server = EditorServer(database: database, host: host, port: port, logger: logger)
        let shownHost = host.contains(":") ? "[\(host)]" : host
        try await server.run { port in
            let line = "Tarjuman editor on http://\(shownHost):\(port)/ (database \(database.path)); Ctrl-C stops it\n"
            FileHandle.standardOutput.write(Data(line.utf8))
        }
        Output.print("stopped")
    }
}
