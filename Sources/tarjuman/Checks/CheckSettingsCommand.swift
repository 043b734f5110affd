import ArgumentParser
import TarjumanCore

struct CheckSettingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings",
        abstract: "Turn checks off or on for this project, and list them.",
        discussion: """
            tarjuman check settings --disable length-ratio,whitespace
            tarjuman check settings --enable whitespace
            tarjuman check settings            (lists every check, on or off)
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp("Checks to turn off, separated by commas.", valueName: "checks"))
    var disable: QACheckList?

    @Option(help: ArgumentHelp("Checks to turn on, separated by commas.", valueName: "checks"))
    var enable: QACheckList?

    func run() throws {
        let checker = QAChecker(database: try store.openStore().database)
        if let disable { try checker.setEnabled(disable.checks.sorted(), false) }
        if let enable { try checker.setEnabled(enable.checks.sorted(), true) }
        for (check, enabled) in try checker.settings() {
            Output.print("\(check.rawValue)\t\(enabled ? "on" : "off")\t\(check.summary)")
        }
    }
}
