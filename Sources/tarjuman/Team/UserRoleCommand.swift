import ArgumentParser
import TarjumanCore

struct UserRoleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "role",
        abstract: "Give an account another role."
    )

    @OptionGroup var store: StoreOptions

    @Argument(help: "The account's name.")
    var name: String

    @Argument(help: "translator, reviewer or admin.")
    var role: TeamRole

    func run() throws {
        let accounts = AccountStore(database: try store.openStore().database)
        let account = try accounts.account(named: name)
        try accounts.setRole(of: account.name, to: role)
        Output.print("'\(account.name)' is now \(role.rawValue)")
    }
}
