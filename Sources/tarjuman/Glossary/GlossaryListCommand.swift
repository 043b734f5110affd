import ArgumentParser
import TarjumanCore

struct GlossaryListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the glossary entries."
    )

    @OptionGroup var store: StoreOptions

    @Option(help: "Only entries of this domain.")
    var domain: String?

    @Flag(help: "Print one JSON array of {id, arabic, english, alternatives, forbidden, note, domain, source}.")
    var json = false

    func run() throws {
        let terms = try GlossaryStore(database: store.openStore().database).terms(domain: domain)
        if json {
            try Output.printJSON(terms.map(TermJSON.init))
            return
        }
        for term in terms {
            var line = "\(term.id.map(String.init) ?? "?")\t\(term.arabic)\t\(term.english)"
            if !term.alternatives.isEmpty { line += "\talso: \(term.alternatives.joined(separator: " | "))" }
            if !term.forbidden.isEmpty { line += "\tnot: \(term.forbidden.joined(separator: " | "))" }
            if !term.domain.isEmpty { line += "\t[\(term.domain)]" }
            if !term.note.isEmpty { line += "\t(\(term.note))" }
            Output.print(line)
        }
    }
}
