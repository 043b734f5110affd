import ArgumentParser
import Foundation
import TarjumanCore
import TarjumanEvaluation

struct CheckEvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-corpus",
        abstract: "tarjuman check on published human translations: units flagged per check, and injected defects found.",
        discussion: """
            Loads FLORES-200 devtest, NTREX-128, Tatoeba and TICO-19 as units with renderings, with the shipped
            glossaries, and a fifth set: their pairs rewritten in the conventions of Arabic official documents
            (paragraph numbers, enumerators, empty footnote brackets, spaced and reversed digit groups, double month
            names, 24-hour times). It runs every check: these are published translations, so most flags are false
            alarms; the share of each set is printed. Then it puts known defects into a copy (--per-kind of each,
            each in a pair of its own; one source with two English texts arrives as rows of a TSV memory) and
            reports the share the checks find.
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
        let real = corpora.flatMap(\.pairs)
        let conventions = OfficialConventions.pairs(from: real)
        let terms = try shippedGlossaryTerms(in: glossaries)
        print("\(real.count) pairs from \(corpora.map { "\($0.name) (\($0.pairs.count))" }.joined(separator: ", ")); \(terms.count) glossary entries")
        let rewrites = Dictionary(grouping: conventions, by: \.rewrite).mapValues(\.count)
        print("official conventions: \(conventions.count) of those pairs rewritten as Arabic official documents write them ("
              + OfficialConventions.Rewrite.allCases.map { "\($0.rawValue) \(rewrites[$0] ?? 0)" }.joined(separator: ", ") + "), checked in a database of their own, in their place among the others")
        printRatios(real)

        let published = try Evaluated(pairs: real, terms: terms)
        // The rewritten pairs in their place, so that a unit's neighbours are those of the corpus.
        var officialPairs = real
        for convention in conventions { officialPairs[convention.original] = convention.pair }
        let official = try Evaluated(pairs: officialPairs, terms: terms)
        let rewritten = Set(conventions.map { official.ids[$0.original] })
        print("\nUnits flagged per check on the clean translations, share of each set (published sets checked in \(String(format: "%.1f", published.seconds)) s):")
        let sets = corpora.map(\.pairs.count)
        print("check".padding(toLength: 22, withPad: " ", startingAt: 0) + ["FLORES", "NTREX", "Tatoeba", "TICO-19", "all", "official"].map { $0.leftPad(9) }.joined()
              + "   findings by severity (published; official)")
        for check in QACheck.allCases {
            let units = published.flagged[check] ?? []
            var shares: [Double] = []
            var offset = 0
            for count in sets {
                let mine = Set(published.ids[offset ..< offset + count])
                shares.append(Double(units.intersection(mine).count) / Double(max(1, count)))
                offset += count
            }
            shares.append(Double(units.count) / Double(published.ids.count))
            shares.append(Double((official.flagged[check] ?? []).intersection(rewritten).count) / Double(max(1, rewritten.count)))
            print(check.rawValue.padding(toLength: 22, withPad: " ", startingAt: 0) + shares.map { String(format: "%8.2f%%", 100 * $0) }.joined()
                  + "   " + published.severities(check) + "; " + official.severities(check, among: rewritten))
        }
        print("\nOn the official conventions, units a check flags that it did not flag in the published pair, per rewrite:")
        for rewrite in OfficialConventions.Rewrite.allCases {
            let mine = conventions.indices.filter { conventions[$0].rewrite == rewrite }
            var caused: [QACheck: Int] = [:]
            for index in mine {
                let id = official.ids[conventions[index].original]
                for (check, units) in official.flagged where units.contains(id)
                    && !(published.flagged[check]?.contains(published.ids[conventions[index].original]) ?? false) {
                    caused[check, default: 0] += 1
                    if show.contains(check.rawValue), caused[check]! <= 3 {
                        let messages = official.report.findings.filter { $0.check == check && $0.units.contains(id) }.map(\.message)
                        print("    \(check.rawValue): \(messages.joined(separator: "; "))\n      ar: \(conventions[index].pair.source)\n      en: \(conventions[index].pair.target)")
                    }
                }
            }
            let list = caused.sorted { $0.key < $1.key }.map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", ")
            print("  \(rewrite.rawValue.padding(toLength: 28, withPad: " ", startingAt: 0))\(String(mine.count).leftPad(5)) pairs: \(list.isEmpty ? "none" : list)")
        }

        for name in show {
            guard let check = QACheck(rawValue: name) else { continue }
            for set in [published, official] {
                print("\nSample of \(check.rawValue)\(set === official ? " on the official conventions" : ""):")
                var generator = SeededGenerator(seed: 3)
                for finding in set.report.findings.filter({ $0.check == check }).shuffled(using: &generator).prefix(samples) {
                    print("  \(finding.severity.rawValue) \(finding.message)")
                    for unit in finding.units.prefix(3) {
                        let detail = try set.store.detail(of: unit)
                        print("    ar: \(detail.unit.text)\n    en: \(detail.current?.text ?? "-")")
                    }
                }
            }
        }

        print("\nInjected defects found (each in a pair of its own, one its check did not flag before):")
        print("defect                              check                 injected   found   official: injected   found")
        let unchanged = Set(real.indices).subtracting(conventions.map(\.original))
        let results = try [(published, Set<Int>()), (official, unchanged)].map { set, avoided in
            try set.injected(terms: terms, perKind: perKind, avoiding: avoided, showMissed: show.isEmpty ? 0 : samples)
        }
        for defect in InjectedDefect.allCases {
            let columns = results.map { result -> String in
                let (cases, hits) = result[defect] ?? (0, 0)
                return String(cases).leftPad(8) + String(hits).leftPad(8) + String(format: " (%5.1f%%)", cases == 0 ? 0 : 100 * Double(hits) / Double(cases))
            }
            print(defect.rawValue.padding(toLength: 36, withPad: " ", startingAt: 0) + defect.check.rawValue.padding(toLength: 22, withPad: " ", startingAt: 0)
                  + columns.joined(separator: "    "))
        }
    }

    /// A set of clean pairs stored and checked.
    final class Evaluated {
        let pairs: [TranslationPair]
        let store: TranslationStore
        let ids: [UnitID]
        let report: CheckReport
        let flagged: [QACheck: Set<UnitID>]
        let seconds: Double

        init(pairs: [TranslationPair], terms: [Term]) throws {
            self.pairs = pairs
            store = try TranslationStore(database: TarjumanDatabase.inMemory())
            _ = try GlossaryStore(database: store.database).importTerms(terms)
            ids = try CheckEvaluation.store(pairs, in: store)
            let start = DispatchTime.now().uptimeNanoseconds
            report = try QAChecker(database: store.database).run()
            seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            flagged = CheckEvaluation.flaggedUnits(report.findings)
        }

        /// The findings of a check by severity, of all units or of these.
        func severities(_ check: QACheck, among units: Set<UnitID>? = nil) -> String {
            let findings = report.findings.filter { finding in
                finding.check == check && (units.map { !$0.isDisjoint(with: finding.units) } ?? true)
            }
            let counts = Severity.allCases.reversed().compactMap { severity -> String? in
                let count = findings.filter { $0.severity == severity }.count
                return count == 0 ? nil : "\(count) \(severity.rawValue)"
            }
            return counts.isEmpty ? "-" : counts.joined(separator: ", ")
        }

        /// Defects put into a copy of the pairs, and how many of each kind the checks found.
        /// `avoiding`: pairs that carry no defect (on the official conventions, those not rewritten).
        func injected(terms: [Term], perKind: Int, avoiding: Set<Int>, showMissed: Int) throws -> [InjectedDefect: (cases: Int, found: Int)] {
            var byIndex: [UnitID: Int] = [:]
            for (index, id) in ids.enumerated() { byIndex[id] = index }
            var flaggedIndices = flagged.mapValues { Set($0.compactMap { byIndex[$0] }) }
            if !avoiding.isEmpty {
                for check in QACheck.allCases { flaggedIndices[check, default: []].formUnion(avoiding) }
            }
            let injection = try CheckEvaluation.inject(into: pairs, flagged: flaggedIndices, terms: terms, perKind: perKind)
            let broken = try TranslationStore(database: TarjumanDatabase.inMemory())
            _ = try GlossaryStore(database: broken.database).importTerms(injection.terms)
            let brokenIDs = try CheckEvaluation.store(injection.pairs, in: broken)
            try CheckEvaluation.deleteRenderings(of: injection.deletions.map { brokenIDs[$0] }, in: broken)
            try CheckEvaluation.importMemoryRows(injection.memoryRows, into: broken.database, memory: "client")
            let found = CheckEvaluation.flaggedUnits(try QAChecker(database: broken.database).run().findings)
            var results: [InjectedDefect: (Int, Int)] = [:]
            for defect in InjectedDefect.allCases {
                let cases = injection.defects.filter { $0.defect == defect }
                let missed = cases.filter { !(found[defect.check]?.contains(brokenIDs[$0.pair]) ?? false) }
                for miss in missed.prefix(showMissed) {
                    let pair = injection.pairs[miss.pair]
                    print("  missed (\(defect.rawValue)): \(pair.source) => \(pair.target)")
                }
                results[defect] = (cases.count, cases.count - missed.count)
            }
            return results
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
