import ArgumentParser
import Foundation
import TarjumanCore

struct CheckEvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-corpus",
        abstract: "tarjuman check on published human translations: units flagged per check, and injected defects found.",
        discussion: """
            Loads FLORES-200 devtest, NTREX-128, Tatoeba and TICO-19 as units with renderings, with the shipped
            glossaries, and runs every check: these are published translations, so most flags are false alarms.
            Then puts known defects into a copy (--per-kind of each) and reports the share the checks find.
            """
    )

    @OptionGroup var data: DataOptions

    @Option(help: "Defects injected of each kind.")
    var perKind = 200

    @Option(help: "Print this many findings of each check given with --show, with their texts.")
    var samples = 12

    @Option(help: ArgumentHelp("Checks whose findings on the real translations to print (for reading them).", valueName: "checks"))
    var show: [String] = []

    @Option(help: "The folder of shipped glossaries.")
    var glossaries = "Glossaries"

    func run() throws {
        let root = try data.requireData()
        let corpora = try ParallelCorpus.all(dataRoot: root)
        let pairs = corpora.flatMap(\.pairs)
        let terms = try shippedGlossaryTerms(in: glossaries)
        print("\(pairs.count) pairs from \(corpora.map { "\($0.name) (\($0.pairs.count))" }.joined(separator: ", ")); \(terms.count) glossary entries")
        printRatios(pairs)

        let clean = try TranslationStore(database: TarjumanDatabase.inMemory())
        _ = try GlossaryStore(database: clean.database).importTerms(terms)
        let ids = try CheckEvaluation.store(pairs, in: clean)
        let start = DispatchTime.now().uptimeNanoseconds
        let report = try QAChecker(database: clean.database).run()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let flagged = CheckEvaluation.flaggedUnits(report.findings)
        print("\nUnits flagged per check on the real translations (\(ids.count) units, checked in \(String(format: "%.1f", seconds)) s):")
        print("check                  units   share   findings by severity")
        for check in QACheck.allCases {
            let units = flagged[check]?.count ?? 0
            let findings = report.findings.filter { $0.check == check }
            let severities = Severity.allCases.reversed().compactMap { severity -> String? in
                let count = findings.filter { $0.severity == severity }.count
                return count == 0 ? nil : "\(count) \(severity.rawValue)"
            }.joined(separator: ", ")
            print(check.rawValue.padding(toLength: 22, withPad: " ", startingAt: 0)
                  + String(units).leftPad(6) + String(format: "%7.2f%%", 100 * Double(units) / Double(ids.count)) + "   " + severities)
        }

        for name in show {
            guard let check = QACheck(rawValue: name) else { continue }
            print("\nSample of \(check.rawValue):")
            var generator = SeededGenerator(seed: 3)
            for finding in report.findings.filter({ $0.check == check }).shuffled(using: &generator).prefix(samples) {
                print("  \(finding.severity.rawValue) \(finding.message)")
                for unit in finding.units.prefix(3) {
                    let detail = try clean.detail(of: unit)
                    print("    ar: \(detail.unit.text)\n    en: \(detail.current?.text ?? "-")")
                }
            }
        }

        var byIndex: [UnitID: Int] = [:]
        for (index, id) in ids.enumerated() { byIndex[id] = index }
        let flaggedIndices = flagged.mapValues { Set($0.compactMap { byIndex[$0] }) }
        let injection = try CheckEvaluation.inject(into: pairs, flagged: flaggedIndices, terms: terms, perKind: perKind)
        let broken = try TranslationStore(database: TarjumanDatabase.inMemory())
        _ = try GlossaryStore(database: broken.database).importTerms(injection.terms)
        let brokenIDs = try CheckEvaluation.store(injection.pairs, in: broken)
        try CheckEvaluation.deleteRenderings(of: injection.deletions.map { brokenIDs[$0] }, in: broken)
        let found = CheckEvaluation.flaggedUnits(try QAChecker(database: broken.database).run().findings)
        print("\nInjected defects found:")
        print("defect                              check                 injected   found")
        for defect in InjectedDefect.allCases {
            let cases = injection.defects.filter { $0.defect == defect }
            let hits = cases.filter { found[defect.check]?.contains(brokenIDs[$0.pair]) ?? false }.count
            for missed in cases.filter({ !(found[defect.check]?.contains(brokenIDs[$0.pair]) ?? false) }).prefix(show.isEmpty ? 0 : 3) {
                let pair = injection.pairs[missed.pair]
                print("  missed: \(pair.source) => \(pair.target)")
            }
            print(defect.rawValue.padding(toLength: 36, withPad: " ", startingAt: 0) + defect.check.rawValue.padding(toLength: 22, withPad: " ", startingAt: 0)
                  + String(cases.count).leftPad(8) + String(hits).leftPad(8) + String(format: " (%.1f%%)", cases.isEmpty ? 0 : 100 * Double(hits) / Double(cases.count)))
        }
    }

    /// The rendering/source length ratios (in Unicode scalars) of the pairs whose longer side has 20 or more.
    func printRatios(_ pairs: [TranslationPair]) {
        let ratios = pairs.compactMap { pair -> Double? in
            let source = pair.source.unicodeScalars.count, target = pair.target.unicodeScalars.count
            return max(source, target) >= 20 && source > 0 ? Double(target) / Double(source) : nil
        }.sorted()
        guard !ratios.isEmpty else { return }
        let quantiles = [0.005, 0.01, 0.5, 0.99, 0.995].map { q in String(format: "%.1f%%: %.2f", q * 100, ratios[Int(q * Double(ratios.count))]) }
        print("length ratio (English/Arabic characters) over \(ratios.count) pairs: " + quantiles.joined(separator: ", "))
    }
}

extension String {
    func leftPad(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
