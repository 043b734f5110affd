import ArgumentParser
import Foundation
import TarjumanCore

struct CheckAcceptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accept",
        abstract: "Mark findings as accepted: they are not reported again until their texts change.",
        discussion: "tarjuman check accept 3f2a9c0b11d4 [more ids]   (the ids 'tarjuman check' prints in brackets)"
    )

    @OptionGroup var store: StoreOptions

    @Argument(help: "Finding ids.")
    var ids: [String]

    @Option(help: "Who accepted them (default: $TARJUMAN_TRANSLATOR).")
    var translator: String?

    func run() throws {
        let name = translator ?? ProcessInfo.processInfo.environment["TARJUMAN_TRANSLATOR"]
        let accepted = try QAChecker(database: store.openStore().database).accept(ids, by: name)
        for finding in accepted {
            Output.print("accepted [\(finding.id)] \(finding.check.rawValue) \(finding.units.map(\.description).joined(separator: ", ")): \(Output.oneLine(finding.message))")
        }
    }
}
