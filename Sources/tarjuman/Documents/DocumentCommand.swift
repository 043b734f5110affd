import ArgumentParser

struct DocumentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "document",
        abstract: "Remove a document, or assign it to an account ('tarjuman documents' lists them).",
        subcommands: [DocumentRemoveCommand.self, DocumentAssignCommand.self]
    )
}
