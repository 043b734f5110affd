import ArgumentParser
import Foundation
import TarjumanCore

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a unit: its source, current rendering and rendering history."
    )

    @OptionGroup var store: StoreOptions

    @Argument(help: "The unit id, such as 3.12.")
    var unit: String

    func run() throws {
        let detail = try store.openStore().detail(of: UnitID(parsing: unit))
        let u = detail.unit
        Output.print("unit \(u.unitID) · document \(u.documentId) (\(detail.documentName)) · paragraph \(u.paragraph) · offsets \(u.start)-\(u.end)")
        Output.print("source:  \(Output.oneLine(u.text))")
        if let codes = u.codes, !codes.isEmpty {
            Output.print("tagged:  \(Output.oneLine(TaggedText.tagged(u.text, codes: codes)))")
            Output.print("codes:   " + codes.map(\.described).joined(separator: ", "))
        }
        guard let current = detail.current else {
            Output.print("current: (untranslated)")
            return
        }
        Output.print("current: \(Output.oneLine(current.text))")
        Output.print("history (\(detail.history.count), newest first):")
        for (offset, rendering) in detail.history.enumerated() {
            let who: String
            if let reviewer = rendering.reviewer {
                who = " by \(reviewer)" + (rendering.translator.map { " (translation by \($0))" } ?? "")
            } else {
                who = rendering.translator.map { " by \($0)" } ?? ""
            }
            Output.print("  \(detail.history.count - offset). \(Output.timestamp(rendering.createdAt)) \(rendering.status.rawValue)\(who) [\(rendering.origin)]: \(Output.oneLine(rendering.text))")
            if let comment = rendering.comment { Output.print("     comment: \(Output.oneLine(comment))") }
        }
    }
}
