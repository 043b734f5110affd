import ArgumentParser
import TarjumanCore

struct DocumentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "documents",
        abstract: "List the stored documents with their progress."
    )

    @OptionGroup var store: StoreOptions

    @Flag(help: "Print one JSON array of {id, name, imported, units, rendered, translated, approved, rejected, format (docx, html, or null for text), assignee}.")
    var json = false

    func run() throws {
        let documents = try store.openStore().documents()
        if json {
            try Output.printJSON(documents.map(DocumentJSON.init))
            return
        }
        for document in documents {
            var progress = "\(counted(document.unitCount, "unit")), \(document.renderedCount) rendered"
            if document.translatedCount > 0 { progress += ", \(document.translatedCount) translated" }
            progress += ", \(document.approvedCount) approved"
            if document.rejectedCount > 0 { progress += ", \(document.rejectedCount) rejected" }
            let assignee = document.assignee.map { "\tassigned to \($0)" } ?? ""
            Output.print("\(document.id)\t\(document.name)\t\(progress)\timported \(Output.timestamp(document.importedAt))\(assignee)")
        }
    }
}
