import ArgumentParser
import TarjumanCore

struct DocumentAssignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign",
        abstract: "Assign a document to an account ('tarjuman user list' lists them), or to no one with --nobody."
    )

    @OptionGroup var store: StoreOptions

    @Argument(help: "The document's number ('tarjuman documents' lists them).")
    var document: Int64

    @Argument(help: "The account's name.")
    var name: String?

    @Flag(help: "Assign the document to no one.")
    var nobody = false

    func validate() throws {
        if (name == nil) == !nobody { throw ValidationError("name an account, or give --nobody") }
    }

    func run() throws {
        let translations = try store.openStore()
        let account = try name.map { try AccountStore(database: translations.database).account(named: $0) }
        try translations.assign(document: document, to: account?.name)
        let summary = try translations.document(document)
        Output.print("document \(document) (\(summary.name)) assigned to \(account?.name ?? "no one")")
    }
}
