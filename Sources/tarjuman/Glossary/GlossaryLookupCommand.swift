import ArgumentParser
import TarjumanCore

struct GlossaryLookupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lookup",
        abstract: "Find every glossary term in Arabic text, however clitics and spelling dress it.",
        discussion: "echo 'وقال البيان إن كتائب القســـــام وسرايا القدس...' | tarjuman glossary lookup -"
    )

    @OptionGroup var store: StoreOptions

    @Argument(help: "Arabic text, or - (the default) to read standard input.")
    var text: String = "-"

    @Flag(help: "Also report shorter terms inside longer ones.")
    var all = false

    @Flag(help: "Print one JSON array of {start, end, surface, term, rendering, kind, ...}.")
    var json = false

    func run() throws {
        let input = text == "-" ? try SourceText(contentsOf: "-").text : text
        let terms = try GlossaryStore(database: store.openStore().database).terms()
        let matches = try GlossaryMatcher(terms: terms).matches(in: input, includeNested: all)
        if json {
            try Output.printJSON(matches.map(MatchJSON.init))
            return
        }
        for match in matches {
            var line = "\(match.start)-\(match.end)\t\(match.surface)\t→ \(match.term.english)\t[\(match.term.arabic), \(match.kind.rawValue)]"
            if !match.term.forbidden.isEmpty { line += "\tnot: \(match.term.forbidden.joined(separator: " | "))" }
            Output.print(line)
        }
    }
}

/// A glossary match as JSON.
struct MatchJSON: Encodable {
    let start: Int
    let end: Int
    let surface: String
    let term: String
    let rendering: String
    let kind: String
    let alternatives: [String]
    let forbidden: [String]
    let note: String
    let domain: String
    let id: Int64?

    init(_ match: GlossaryMatch) {
        start = match.start
        end = match.end
        surface = match.surface
        term = match.term.arabic
        rendering = match.term.english
        kind = match.kind.rawValue
        alternatives = match.term.alternatives
        forbidden = match.term.forbidden
        note = match.term.note
        domain = match.term.domain
        id = match.term.id
    }
}
