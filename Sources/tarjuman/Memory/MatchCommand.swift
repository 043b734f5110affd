import ArgumentParser
import TarjumanCore

struct MatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Show what the memory holds for an Arabic sentence: context, exact and fuzzy matches.",
        discussion: """
            tarjuman match 'أكدت حركتا حماس والجهاد الإسلامي أن المقاومة خيارهما.' --min 60
            Scores run from 0 to 100 (101 for a context match, given --previous and --next).
            """
    )

    @OptionGroup var store: StoreOptions

    @Argument(help: "The Arabic sentence, or - to read standard input.")
    var sentence: String

    @Option(help: "The lowest score shown, 1 to 100.")
    var min = 70

    @Option(help: "At most this many matches.")
    var limit = 5

    @Option(help: "The sentence before this one in its document, for context matches.")
    var previous: String?

    @Option(help: "The sentence after this one in its document, for context matches.")
    var next: String?

    @Flag(help: "Print one JSON array, best first, of {score, kind, source, target, unit, ...}.")
    var json = false

    func validate() throws {
        guard (1 ... 100).contains(min) else { throw ValidationError("--min must be between 1 and 100.") }
        guard limit > 0 else { throw ValidationError("--limit must be at least 1.") }
    }

    func run() throws {
        let query = sentence == "-" ? try SourceText(contentsOf: "-").text : sentence
        let context = previous == nil && next == nil ? nil : MatchContext(previous: previous, next: next)
        let matcher = MemoryMatcher(database: try store.openStore().database)
        let matches = try matcher.matches(for: query, context: context, minimum: min, limit: limit)
        if json {
            try Output.printJSON(matches.map(MemoryMatchJSON.init))
            return
        }
        if matches.isEmpty {
            Output.print("no match at \(min)% or more")
            return
        }
        for (index, match) in matches.enumerated() {
            if index > 0 { Output.print("") }
            Output.printMatch(match)
        }
    }
}

extension Output {
    /// A memory match as a few readable lines.
    static func printMatch(_ match: MemoryMatch, indent: String = "") {
        var header = "\(match.score)% \(match.kind.rawValue)\t\(place(of: match))"
        if match.occurrences > 1 { header += " and \(match.occurrences - 1) more place\(match.occurrences == 2 ? "" : "s") with this English" }
        header += "\t\(match.status.rawValue)"
        if let translator = match.translator { header += ", \(translator)" }
        header += ", \(timestamp(match.date))"
        print(indent + header)
        print(indent + "  ar: " + oneLine(match.source))
        print(indent + "  en: " + oneLine(match.target))
        printDifferences(of: match, prefix: indent + "  ")
    }

    /// Where a match comes from: a memory entry, or a document unit.
    static func place(of match: MemoryMatch) -> String {
        if let memory = match.memory { return "memory \(memory) (entry \(match.unit), from \(match.document))" }
        return "unit \(match.unit) (\(match.document))"
    }

    /// Where a match differs from the query, and the numbers that differ, a line each.
    static func printDifferences(of match: MemoryMatch, prefix: String) {
        if !match.differences.isEmpty {
            print(prefix + "differences: " + match.differences.map(\.description).joined(separator: "; "))
        }
        if !match.numbers.isEmpty {
            print(prefix + "numbers: " + match.numbers.map { "\($0.query) here, \($0.memory) in memory" }.joined(separator: "; "))
        }
    }
}

/// A memory match as JSON.
struct MemoryMatchJSON: Encodable {
    let score: Int
    let kind: String
    let source: String
    let target: String
    let unit: String
    let document: String
    /// The memory of an entry; null for a document unit.
    @Nullable var memory: String?
    /// How many places hold this same source and English.
    let occurrences: Int
    @Nullable var translator: String?
    let status: String
    let date: String
    let differences: [WordDifference]
    let numbers: [NumberDifference]

    init(_ match: MemoryMatch) {
        score = match.score
        kind = match.kind.rawValue
        source = match.source
        target = match.target
        unit = match.unit.description
        document = match.document
        memory = match.memory
        occurrences = match.occurrences
        translator = match.translator
        status = match.status.rawValue
        date = Output.timestamp(match.date)
        differences = match.differences
        numbers = match.numbers
    }
}
