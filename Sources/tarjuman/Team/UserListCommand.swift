import ArgumentParser
import Foundation
import TarjumanCore

struct UserListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the accounts with their roles."
    )

    @OptionGroup var store: StoreOptions

    @Flag(help: "Print one JSON array of {name, role, createdAt}.")
    var json = false

    struct AccountJSON: Encodable {
        let name: String
        let role: String
        let createdAt: Date
    }

    func run() throws {
        let accounts = try AccountStore(database: store.openStore().database).accounts()
        if json {
            try Output.printJSON(accounts.map { AccountJSON(name: $0.name, role: $0.role.rawValue, createdAt: $0.createdAt) })
            return
        }
        if accounts.isEmpty { Output.print("no accounts: the editor is open to anyone on this machine; 'tarjuman user add NAME --role admin' starts team mode") }
        for account in accounts {
            Output.print("\(account.name)\t\(account.role.rawValue)\tadded \(Output.timestamp(account.createdAt))")
        }
    }
}
