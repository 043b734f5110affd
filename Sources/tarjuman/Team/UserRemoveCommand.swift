import ArgumentParser
import TarjumanCore

struct UserRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove an account and end its sessions; its work stays, credited to its name."
    )

    @OptionGroup var store: StoreOptions

    @Argument(help: "The account's name.")
    var name: String

    @Flag(help: "Do not ask for confirmation.")
    var yes = false

    func run() throws {
        let accounts = AccountStore(database: try store.openStore().database)
        let account = try accounts.account(named: name)
        try Confirmation.require(yes, "remove the account '\(account.name)' (\(account.role.rawValue))?")
        try accounts.remove(name: account.name)
        Output.print("account '\(account.name)' removed")
    }
}
