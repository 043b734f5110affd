import ArgumentParser
import TarjumanCore

extension TeamRole: ExpressibleByArgument {}

struct UserAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add an account: translators save drafts and mark units translated, reviewers also approve and reject, admins also manage accounts, documents, memories and the glossary."
    )

    @OptionGroup var store: StoreOptions

    @Argument(help: "The name to log in with and to credit work to.")
    var name: String

    @Option(help: "translator, reviewer or admin.")
    var role: TeamRole

    @OptionGroup var password: PasswordInput

    func run() throws {
        let secret = try password.read(for: name)
        let account = try store.withNewOrExistingStore { translations in
            try AccountStore(database: translations.database, passwordCost: PasswordInput.cost)
                .add(name: name, role: role, password: secret)
        }
        Output.print("account '\(account.name)' added as \(account.role.rawValue)")
    }
}
