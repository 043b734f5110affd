import ArgumentParser
import TarjumanCore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Consistency and QA checks of the renderings; exits with status 1 when an error is found.",
        discussion: CheckRunOptions.discussion,
        subcommands: [
            CheckRunCommand.self,
            CheckAcceptCommand.self,
            CheckSettingsCommand.self,
        ]
    )

    @OptionGroup var options: CheckRunOptions

    func run() throws {
        try options.run()
    }
}

/// Check ids given as `numbers,whitespace`.
struct QACheckList: ExpressibleByArgument {
    let checks: Set<QACheck>

    init?(argument: String) {
        var checks: Set<QACheck> = []
        for name in argument.split(separator: ",") {
            guard let check = QACheck(rawValue: name.trimmingCharacters(in: .whitespaces)) else { return nil }
            checks.insert(check)
        }
        self.checks = checks
    }

    static var allValueStrings: [String] { QACheck.allCases.map(\.rawValue) }
}

extension Severity: ExpressibleByArgument {}
