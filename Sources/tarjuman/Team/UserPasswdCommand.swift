import ArgumentParser
import TarjumanCore

struct UserPasswdCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "passwd",
        abstract: "Set an account's password; its sessions end and it logs in again."
    )

    @OptionGroup var store: StoreOptions

    @Argument(help: "The account's name.")
    var name: String

    @OptionGroup var password: PasswordInput

    func run() throws {
        let accounts = AccountStore(database: try store.openStore().database, passwordCost: PasswordInput.cost)
        let account = try accounts.account(named: name)
        try accounts.setPassword(of: account.name, to: try password.read(for: account.name))
        Output.print("password of '\(account.name)' changed; its sessions ended")
    }
}
