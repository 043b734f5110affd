import ArgumentParser
import Foundation
import TarjumanCore

struct CheckRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Report what a reviewer would find (the same as 'tarjuman check' with these options).",
        discussion: CheckRunOptions.discussion
    )

    @OptionGroup var options: CheckRunOptions

    func run() throws {
        try options.run()
    }
}

/// What `tarjuman check` and `tarjuman check run` take.
struct CheckRunOptions: ParsableArguments {
    static let discussion = """
        tarjuman check [--document 3]... [--only numbers,glossary-missing] [--skip whitespace] [--min-severity warning] [--json]
        Findings are grouped by check; each has an id in brackets for 'tarjuman check accept ID'.
        Checks: \(QACheck.allCases.map(\.rawValue).joined(separator: ", ")).
        """

    @OptionGroup var store: StoreOptions

    @Option(name: .customLong("document"), help: "Only this document (repeatable).")
    var documents: [Int64] = []

    @Option(help: ArgumentHelp("Only these checks, separated by commas.", valueName: "checks"))
    var only: QACheckList?

    @Option(help: ArgumentHelp("Leave out these checks, separated by commas.", valueName: "checks"))
    var skip: QACheckList?

    @Option(help: "Report only findings of this severity or above: info, warning, error.")
    var minSeverity: Severity = .info

    @Flag(help: "Report accepted findings too.")
    var includeAccepted = false

    @Flag(help: "Print one JSON array of findings.")
    var json = false

    func run() throws {
        let options = CheckOptions(documents: documents, only: only?.checks, skip: skip?.checks ?? [],
                                   minimumSeverity: minSeverity, includeAccepted: includeAccepted)
        let report = try QAChecker(database: store.openStore().database).run(options)
        if json {
            try Output.printJSON(report.findings)
        } else {
            print(report)
        }
        if report.hasErrors { throw ExitCode(1) }
    }

    func print(_ report: CheckReport) {
        var byCheck: [QACheck: [Finding]] = [:]
        for finding in report.findings { byCheck[finding.check, default: []].append(finding) }
        for check in QACheck.allCases {
            guard let findings = byCheck[check] else { continue }
            Output.print("\(check.rawValue): \(findings.count) finding\(findings.count == 1 ? "" : "s") (\(check.summary))")
            for finding in findings {
                let units = finding.units.count > 6
                    ? finding.units.prefix(6).map(\.description).joined(separator: ", ") + ", … (\(finding.units.count) units)"
                    : finding.units.map(\.description).joined(separator: ", ")
                Output.print("  \(finding.severity.rawValue) [\(finding.id)] \(units): \(Output.oneLine(finding.message))")
            }
        }
        let counts = Severity.allCases.reversed().map { severity in
            let count = report.findings.filter { $0.severity == severity }.count
            return "\(count) \(severity.rawValue)\(severity == .info || count == 1 ? "" : "s")"
        }
        var summary = "\(counted(report.unitsChecked, "unit")) checked: " + counts.joined(separator: ", ")
        if report.acceptedHidden > 0 { summary += "; \(report.acceptedHidden) accepted findings not shown" }
        if report.reversedGroupingsRead > 0 {
            let numbers = report.reversedGroupingsRead == 1 ? "1 source number" : "\(report.reversedGroupingsRead) source numbers"
            summary += "; \(numbers) with digit groups reversed (000 200 for 200,000) read in reverse"
                + (report.checks.contains(.reversedGrouping) ? "" : " ('check settings --enable reversed-grouping' lists them)")
        }
        Output.print(summary)
    }
}
