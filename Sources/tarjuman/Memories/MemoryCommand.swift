import ArgumentParser

struct MemoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "memory",
        abstract: "Remove, rename or set the penalty of a memory ('tarjuman memories' lists them).",
        subcommands: [MemoryRemoveCommand.self, MemoryRenameCommand.self, MemorySetCommand.self]
    )
}
