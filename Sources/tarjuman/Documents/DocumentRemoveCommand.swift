import ArgumentParser
import TarjumanCore

struct DocumentRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove a document imported by mistake, with its units and all their renderings; memories are not touched."
    )

    @OptionGroup var store: StoreOptions

    @Argument(help: "The document id.")
    var id: Int64

    @Flag(help: "Do not ask for confirmation.")
    var yes = false

    func run() throws {
        let documents = try store.openStore()
        let document = try documents.document(id)
        try Confirmation.require(yes, "remove document \(id) (\(document.name)) with its \(counted(document.unitCount, "unit")) and \(document.renderedCount) rendered?")
        let removed = try documents.removeDocument(id)
        Output.print("document \(id) (\(removed.name)) removed: \(counted(removed.unitCount, "unit"))")
    }
}
