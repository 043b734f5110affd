import ArgumentParser

struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Manage the team's accounts; a database with accounts makes the editor ask everyone to log in.",
        subcommands: [UserAddCommand.self, UserListCommand.self, UserRemoveCommand.self, UserPasswdCommand.self, UserRoleCommand.self]
    )
}
