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
            is refused unless --create is given. With accounts ('tarjuman user add'), everyone logs in; behind an
            https proxy, give --public-url https://NAME so the proxy's address is accepted.
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

    @Option(help: ArgumentHelp("The https address a proxy (nginx, Caddy) serves the editor at: its origin is accepted for changes.", valueName: "url"))
    var publicURL: String?

    @Flag(help: "Let logins set their session cookie over plain HTTP to other machines (only on a network you trust).")
    var insecureHTTP = false

    func validate() throws {
        guard (0 ... 65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535.") }
        if let publicURL {
            guard let url = URL(string: publicURL), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme), url.host != nil else {
                throw ValidationError("--public-url must be an address such as https://tarjuman.example.org")
            }
        }
    }

    /// The origin of `--public-url`: scheme, host and port, without a path.
    var publicOrigin: String? {
        guard let publicURL, let url = URL(string: publicURL), let scheme = url.scheme, let host = url.host else { return nil }
        return "\(scheme.lowercased())://\(host.lowercased())" + (url.port.map { ":\($0)" } ?? "")
    }

    func run() async throws {
        let database = try create ? store.withNewOrExistingStore { $0.database } : store.openStore().database
        var logger = Logger(label: "tarjuman") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = .info
        let team = try AccountStore(database: database).hasAccounts()
        if !EditorServer.isLoopback(host) && !team {
            Output.printError("warning: listening on \(host): other machines can reach the editor and change the database; "
                + "there are no accounts ('tarjuman user add NAME --role admin'), so bind to 127.0.0.1 unless this network is trusted")
        } else if !EditorServer.isLoopback(host) && !insecureHTTP {
            Output.printError("note: listening on \(host): logins from other machines need TLS in front (README: nginx or Caddy); "
                + "--insecure-http allows them over plain HTTP")
        }
        let server = EditorServer(database: database, host: host, port: port, logger: logger,
                                  publicOrigin: publicOrigin, insecureHTTP: insecureHTTP)
        let shownHost = host.contains(":") ? "[\(host)]" : host
        try await server.run { port in
            let line = "Tarjuman editor on http://\(shownHost):\(port)/ (database \(database.path)); Ctrl-C stops it\n"
            FileHandle.standardOutput.write(Data(line.utf8))
        }
        Output.print("stopped")
    }
}
