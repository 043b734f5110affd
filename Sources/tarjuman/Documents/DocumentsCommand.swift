import ArgumentParser
import TarjumanCore

struct DocumentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "documents",
        abstract: "List the stored documents with their progress."
    )

    @OptionGroup var store: StoreOptions

    @Flag(help: "Print one JSON array of {id, name, imported, units, rendered, approved, format (docx, html, or null for text)}.")
    var json = false

    func run() throws {
        let documents = try store.openStore().documents()
        if json {
            try Output.printJSON(documents.map(DocumentJSON.init))
            return
        }
        for document in documents {
            Output.print("\(document.id)\t\(document.name)\t\(counted(document.unitCount, "unit")), \(document.renderedCount) rendered, \(document.approvedCount) approved\timported \(Output.timestamp(document.importedAt))")
        }
    }
}
