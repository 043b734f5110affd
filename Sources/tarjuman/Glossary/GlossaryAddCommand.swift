import ArgumentParser
import TarjumanCore

struct GlossaryAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a term, or update the entry with the same Arabic term, rendering and domain.",
        discussion: "tarjuman glossary add \"كتائب القسام\" \"al-Qassam Brigades\" --alt \"Izz ad-Din al-Qassam Brigades\" --domain politics"
    )

    @OptionGroup var store: StoreOptions

    @Argument(help: "The Arabic term.")
    var arabic: String

    @Argument(help: "The approved English rendering.")
    var english: String

    @Option(name: .customLong("alt"), help: "Another acceptable rendering (repeatable).")
    var alternatives: [String] = []

    @Option(name: .customLong("forbid"), help: "A rendering that must not be used (repeatable).")
    var forbidden: [String] = []

    @Option(help: "A note for translators.")
    var note = ""

    @Option(help: "A subject field, such as politics.")
    var domain = ""

    func run() throws {
        let term = Term(arabic: arabic, english: english, alternatives: alternatives, forbidden: forbidden,
                        note: note, domain: domain, source: "manual")
        try GlossaryStore.validate(term)
        let outcome = try store.withNewOrExistingStore { try GlossaryStore(database: $0.database).add(term) }
        let id = outcome.term.id.map(String.init) ?? "?"
        Output.print("\(outcome.added ? "added" : "updated") \(id)\t\(outcome.term.arabic)\t\(outcome.term.english)")
    }
}
