import ArgumentParser
import TarjumanCore

struct UnitsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "units",
        abstract: "List units with their current English renderings, or a memory's entries (--memory).",
        discussion: "Lists the units of documents; memory entries are listed only with --memory NAME."
    )

    @OptionGroup var store: StoreOptions

    @Option(help: "Only the units of this document.")
    var document: Int64?

    @Option(help: "The entries of this memory instead of document units.")
    var memory: String?

    @Flag(help: "Only units with no rendering yet.")
    var untranslated = false

    @Flag(help: "Print one JSON array of {id, document, paragraph, source, rendering, status, translator}.")
    var json = false

    func run() throws {
        if memory != nil && document != nil { throw ValidationError("give --document or --memory, not both") }
        let opened = try store.openStore()
        let units = try memory.map { try opened.entries(ofMemory: $0) } ?? opened.units(document: document, untranslatedOnly: untranslated)
        if json {
            try Output.printJSON(units.map(UnitJSON.init))
            return
        }
        for unit in units {
            Output.print("\(unit.id)\t\(Output.oneLine(unit.source))")
            if let rendering = unit.rendering {
                Output.print("\t→ \(Output.oneLine(rendering)) [\(unit.status?.rawValue ?? "")]")
            } else {
                Output.print("\t→ (untranslated)")
            }
        }
    }
}

/// The JSON shape of a listed unit; `rendering` is null when the unit has none.
struct UnitJSON: Encodable {
    let id: String
    let document: Int64
    let paragraph: Int
    let source: String
    @Nullable var rendering: String?
    @Nullable var status: String?
    @Nullable var translator: String?

    init(_ unit: UnitListing) {
        id = unit.id.description
        document = unit.document
        paragraph = unit.paragraph
        source = unit.source
        rendering = unit.rendering
        status = unit.status?.rawValue
        translator = unit.translator
    }
}
