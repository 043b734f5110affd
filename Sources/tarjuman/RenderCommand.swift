import ArgumentParser
import Foundation
import TarjumanCore

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Give a unit its English rendering; the previous rendering stays in the history.",
        discussion: """
            tarjuman render 1.3 "The statement said ..." --translator Sara --approve
            tarjuman render --tsv renderings.tsv   (unit id, tab, English on each line; all or nothing)
            """
    )

    @OptionGroup var store: StoreOptions

    @OptionGroup var input: QuotingOptions

    @Argument(help: "The unit id, such as 3.12.")
    var unit: String?

    @Argument(help: "The English rendering.")
    var english: String?

    @Option(help: "A TSV file of renderings (unit id, tab, English), or - for standard input.")
    var tsv: String?

    @Option(help: "Who made the rendering (default: $TARJUMAN_TRANSLATOR).")
    var translator: String?

    @Flag(help: "Mark the rendering approved (default: draft).")
    var approve = false

    func validate() throws {
        if tsv != nil, unit != nil || english != nil {
            throw ValidationError("give either UNIT and ENGLISH, or --tsv FILE, not both")
        }
        if tsv == nil, unit == nil || english == nil {
            throw ValidationError("give a unit id and its English rendering, or --tsv FILE")
        }
    }

    func run() throws {
        let inputs: [RenderingInput]
        let origin: String
        if let tsv {
            inputs = try RenderingTSV.parse(path: tsv, quoting: input.quoting)
            origin = "tsv"
        } else if let unit, let english {
            inputs = [RenderingInput(unit: try UnitID(parsing: unit), text: english)]
            origin = "manual"
        } else {
            return
        }
        let name = translator ?? ProcessInfo.processInfo.environment["TARJUMAN_TRANSLATOR"]
        let outcomes = try store.openStore().render(
            inputs, translator: name, status: approve ? .approved : .draft, origin: origin)
        for outcome in outcomes {
            let state = outcome.changed ? outcome.rendering.status.rawValue : "unchanged"
            Output.print("\(outcome.unit)\t\(state)\t\(Output.oneLine(outcome.rendering.text))")
        }
        if tsv != nil {
            let changed = outcomes.filter(\.changed).count
            Output.print("\(counted(changed, "rendering")) stored, \(outcomes.count - changed) unchanged")
        }
    }
}
