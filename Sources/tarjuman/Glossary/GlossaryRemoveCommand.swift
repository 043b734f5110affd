import ArgumentParser
import TarjumanCore

struct GlossaryRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove glossary entries by id, or by Arabic term (every spelling with the same key)."
    )

    @OptionGroup var store: StoreOptions

    @Argument(help: "An entry id (see 'glossary list') or an Arabic term.")
    var term: String

    @Option(help: "Only the entry with this English rendering.")
    var english: String?

    @Option(help: "Only the entry in this domain.")
    var domain: String?

    func run() throws {
        let glossary = GlossaryStore(database: try store.openStore().database)
        let removed: [Term]
        if let id = Int64(term), english == nil, domain == nil {
            removed = [try glossary.remove(id: id)]
        } else {
            removed = try glossary.remove(arabic: term, english: english, domain: domain)
        }
        for entry in removed {
            Output.print("removed \(entry.id.map(String.init) ?? "?")\t\(entry.arabic)\t\(entry.english)")
        }
    }
}
