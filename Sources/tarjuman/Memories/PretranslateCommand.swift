import ArgumentParser
import TarjumanCore

struct PretranslateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pretranslate",
        abstract: "Fill units that have no rendering with their best memory match, as drafts.",
        discussion: """
            Only units with no rendering are filled; a unit that has one is never touched. The best match at or above
            --min is taken: in context first, then a source written exactly as the unit, then one equal by search key.
            Each draft's origin names the memory and the score.
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(name: .customLong("document"), help: "Only this document (repeatable; default: every document).")
    var documents: [Int64] = []

    @Option(help: "The lowest score taken (100: exact matches only).")
    var min = 100

    @Option(name: .customLong("memory"), help: "Only this memory (repeatable; default: every memory).")
    var memories: [String] = []

    @Flag(help: "Print the counts as JSON.")
    var json = false

    func validate() throws {
        guard (1 ... 100).contains(min) else { throw ValidationError("--min takes 1 to 100") }
    }

    func run() throws {
        let outcome = try Pretranslator(database: store.openStore().database, minimum: min, memories: memories)
            .pretranslate(documents: documents)
        if json {
            try Output.printJSON(outcome)
            return
        }
        let bands = AnalysisBand.allCases.filter { $0 != .new }.map { "\($0.rawValue) \(outcome.filled[$0] ?? 0)" }
        Output.print("\(outcome.filledCount) of \(outcome.unrendered) units without a rendering filled as drafts (\(bands.joined(separator: ", "))); "
            + "\(outcome.unmatched) without a match at \(min) or more; \(outcome.rendered) rendered units left as they were")
    }
}
