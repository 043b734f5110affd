import ArgumentParser

struct DocumentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "document",
        abstract: "Remove a document ('tarjuman documents' lists them).",
        subcommands: [DocumentRemoveCommand.self]
    )
}
