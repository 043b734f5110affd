import ArgumentParser
import TarjumanCore

struct TermsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "terms",
        abstract: "Recurring Arabic expressions of the memory that could be glossary terms, with the English the renderings suggest.",
        discussion: """
            tarjuman terms [--document 1]... [--min-count 2] [--max-words 4] [--limit 50] [--json]
            The English after → is how the memory renders each expression: the words its occurrences align to
            ('tarjuman train'; imports retrain it), the glossary's renderings first when the memory uses them. With no
            model yet it is guessed from the phrases the renderings share, and a note says so.
            Add one with: tarjuman glossary add "كتائب القسام" "Qassam Brigades"
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(name: .customLong("document"), help: "Only this document (repeatable).")
    var documents: [Int64] = []

    @Option(help: "Occurrences a candidate needs.")
    var minCount = 2

    @Option(help: "Words in a candidate, at most (1 to 6).")
    var maxWords = 4

    @Option(help: "Candidates listed.")
    var limit = 50

    @Flag(help: "Print one JSON array of {term, count, documents, score, inGlossary, renderings, aligned}.")
    var json = false

    func validate() throws {
        guard (1 ... 6).contains(maxWords) else { throw ValidationError("--max-words must be 1 to 6") }
        guard minCount >= 1 else { throw ValidationError("--min-count must be 1 or more") }
        guard limit >= 1 else { throw ValidationError("--limit must be 1 or more") }
    }

    func run() throws {
        let options = TermOptions(documents: documents, minimumCount: minCount, maximumWords: maxWords, limit: limit)
        let candidates = try TermDiscovery(database: store.openStore().database).candidates(options)
        if json {
            try Output.printJSON(candidates)
            return
        }
        for candidate in candidates {
            var line = "\(candidate.term)\t\(candidate.count)×\t\(candidate.documents) doc\(candidate.documents == 1 ? "" : "s")"
            line += candidate.inGlossary ? "\tin glossary" : "\tnew"
            if !candidate.renderings.isEmpty { line += "\t→ " + candidate.renderings.joined(separator: " | ") }
            Output.print(line)
        }
        if candidates.isEmpty { Output.print("no expression occurs \(minCount) times or more") }
        if let first = candidates.first, !first.aligned {
            Output.printError("note: no word-alignment model yet: the English is guessed from shared phrases; run 'tarjuman train' for renderings found by alignment")
        }
    }
}
