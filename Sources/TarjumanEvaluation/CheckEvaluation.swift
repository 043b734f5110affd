import Foundation
import GRDB
import TarjumanCore

/// A defect put into real human translations to see whether `tarjuman check` finds it.
public enum InjectedDefect: String, Sendable, CaseIterable {
    case dropNumber = "drop a number"
    case changeDigit = "change a digit"
    case deleteRendering = "delete a rendering"
    case duplicateSource = "same source, another rendering"
    case forbiddenRendering = "forbidden glossary rendering"
    case doubleSpace = "add a double space"
    case repeatedWord = "repeat a word or number"
    case arabicLeft = "leave an Arabic word in"
    case questionToStatement = "swap ? for ."
    case statementToQuestion = "swap . for ?"
    case memoryRows = "two memory rows, one source"

    /// The check that must report it.
    public var check: QACheck {
        switch self {
        case .dropNumber, .changeDigit: return .numbers
        case .deleteRendering: return .untranslated
        case .duplicateSource, .memoryRows: return .inconsistentTarget
        case .forbiddenRendering: return .glossaryForbidden
        case .doubleSpace: return .whitespace
        case .repeatedWord: return .repeatedWord
        case .arabicLeft: return .arabicInTarget
        case .questionToStatement, .statementToQuestion: return .endPunctuation
        }
    }
}

/// Real translations with known defects put in, and where.
public struct DefectInjection: Sendable {
    /// The pairs with defects applied; duplicated sources are appended at the end.
    public var pairs: [TranslationPair]
    /// Indices into `pairs` whose rendering must be deleted once stored.
    public var deletions: [Int] = []
    /// Each defect and the index of the pair that carries it.
    public var defects: [(defect: InjectedDefect, pair: Int)] = []
    /// The glossary with the forbidden renderings the defects use.
    public var terms: [Term]
    /// Rows of a memory file to import: for `memoryRows`, a pair's source with its own English
    /// and with another English.
    public var memoryRows: [TranslationPair] = []
}

/// The evaluation of `tarjuman check` on published human translations: how many units each check
/// flags (false alarms, mostly), and how many injected defects it finds.
public enum CheckEvaluation {
    /// Stores pairs as documents of 1,000 units; returns each pair's unit id.
    public static func store(_ pairs: [TranslationPair], in store: TranslationStore) throws -> [UnitID] {
        let documents = stride(from: 0, to: pairs.count, by: 1000).map { start in
            (name: "corpus-\(start / 1000 + 1)", pairs: Array(pairs[start ..< min(start + 1000, pairs.count)]))
        }
        let outcomes = try store.importPairDocuments(documents, origin: "evaluation")
        var ids: [UnitID] = []
        for (document, outcome) in zip(documents, outcomes) {
            ids += (1 ... document.pairs.count).map { UnitID(document: outcome.document, ordinal: $0) }
        }
        return ids
    }

    /// Removes the renderings of these units.
    public static func deleteRenderings(of units: [UnitID], in store: TranslationStore) throws {
        try store.database.write { db in
            for unit in units {
                try db.execute(sql: "DELETE FROM rendering WHERE unitId = (SELECT id FROM unit WHERE documentId = ? AND ordinal = ?)",
                               arguments: [unit.document, unit.ordinal])
            }
        }
    }

    /// Imports rows into the memory `memory` as a client's TSV memory would arrive: one file with
    /// a header, read without quoting.
    public static func importMemoryRows(_ rows: [TranslationPair], into database: TarjumanDatabase, memory: String) throws {
        guard !rows.isEmpty else { return }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tarjuman-rows-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("\(memory).tsv")
        let lines = rows.map { row in
            [row.source, row.target].map { $0.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ") }.joined(separator: "\t")
        }
        try (["source\ttarget"] + lines).joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        var importer = MemoryImporter(database: database, memory: memory)
        importer.quoting = .none
        _ = try importer.importFile(file.path)
    }

    /// The units each check reported.
    public static func flaggedUnits(_ findings: [Finding]) -> [QACheck: Set<UnitID>] {
        var flagged: [QACheck: Set<UnitID>] = [:]
        for finding in findings { flagged[finding.check, default: []].formUnion(finding.units) }
        return flagged
    }

    /// Puts up to `perKind` defects of each kind into `pairs`, each in a different pair that the
    /// defect's check did not already flag (`flagged`, by pair index).
    public static func inject(into pairs: [TranslationPair], flagged: [QACheck: Set<Int>], terms: [Term],
                              perKind: Int, seed: UInt64 = 7) throws -> DefectInjection {
        var generator = SeededGenerator(seed: seed)
        var injection = DefectInjection(pairs: pairs, terms: terms)
        var used = Set<Int>()
        let order = Array(pairs.indices).shuffled(using: &generator)
        let matcher = try GlossaryMatcher(terms: terms)
        var termIndex: [String: Int] = [:]
        for (index, term) in terms.enumerated() { termIndex["\(term.searchKey)\t\(term.english)\t\(term.domain)"] = index }

        for defect in InjectedDefect.allCases {
            var count = 0
            for index in order where count < perKind && !used.contains(index) && !(flagged[defect.check]?.contains(index) ?? false) {
                let pair = injection.pairs[index]
                var target = pair.target
                switch defect {
                case .dropNumber, .changeDigit:
                    // Numbers of the text, not of a leading paragraph number (`25. `), which is compared apart.
                    let targetBody = LeadingMarker.bodyStart(LeadingMarker.markers(in: Array(target.unicodeScalars), language: .english))
                    let targetNumbers = NumberReading.mentions(in: target, language: .english).filter { $0.start >= targetBody }
                    let sourceForms = Set(NumberReading.mentions(in: pair.source, language: .arabic).flatMap(\.forms))
                    guard let mention = targetNumbers.first(where: { !$0.forms.isDisjoint(with: sourceForms) }),
                          targetNumbers.filter({ $0.forms == mention.forms }).count == 1 else { continue }
                    var scalars = Array(target.unicodeScalars)
                    if defect == .dropNumber {
                        scalars.removeSubrange(mention.start ..< mention.end)
                    } else {
                        guard let position = (mention.start ..< mention.end).last(where: { (0x30 ... 0x39).contains(scalars[$0].value) }) else { continue }
                        let digit = scalars[position].value - 0x30
                        scalars[position] = Unicode.Scalar(0x30 + (digit + 1) % 10)!
                    }
                    var view = String.UnicodeScalarView()
                    view.append(contentsOf: scalars)
                    target = String(view)
                case .deleteRendering:
                    injection.deletions.append(index)
                case .duplicateSource:
                    let other = injection.pairs[order[(count * 7919 + index) % order.count]].target
                    guard other != target else { continue }
                    injection.pairs.append(TranslationPair(source: pair.source, target: other))
                    injection.defects.append((defect, injection.pairs.count - 1))
                    used.insert(index)
                    count += 1
                    continue
                case .forbiddenRendering:
                    let words = EnglishPhrase(target)
                    var replaced = false
                    for match in matcher.matches(in: pair.source) {
                        let english = match.term.english
                        guard let hit = words.occurrences(of: EnglishPhrase(english)).first,
                              let position = termIndex["\(match.term.searchKey)\t\(english)\t\(match.term.domain)"] else { continue }
                        let variant = english.hasSuffix("a") ? english + "n" : english + "ian"
                        if !injection.terms[position].forbidden.contains(variant) { injection.terms[position].forbidden.append(variant) }
                        var scalars = Array(target.unicodeScalars)
                        scalars.replaceSubrange(hit, with: variant.unicodeScalars)
                        var view = String.UnicodeScalarView()
                        view.append(contentsOf: scalars)
                        target = String(view)
                        replaced = true
                        break
                    }
                    guard replaced else { continue }
                case .doubleSpace:
                    guard let space = target.firstIndex(of: " ") else { continue }
                    target.replaceSubrange(space ... space, with: "  ")
                case .repeatedWord:
                    // A word or number written twice, with what follows it: `is is`, `16 16`, `time, time,`.
                    let chunks = target.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
                    let eligible = chunks.indices.filter { index in
                        let chunk = chunks[index]
                        guard let first = chunk.unicodeScalars.first, ScalarClass.isAlphabetic(first) || NumberReading.digit(first) != nil else { return false }
                        return chunk.unicodeScalars.dropLast().allSatisfy { ScalarClass.isAlphabetic($0) || NumberReading.digit($0) != nil || ",.'-".unicodeScalars.contains($0) }
                    }
                    guard !eligible.isEmpty else { continue }
                    let position = eligible.randomElement(using: &generator)!
                    var repeated = chunks
                    repeated.insert(chunks[position], at: position)
                    target = repeated.joined(separator: " ")
                case .arabicLeft:
                    let words = pair.source.split(separator: " ").filter { $0.unicodeScalars.contains(where: UnitChecks.isArabic) }
                    let chunks = target.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
                    guard let word = words.randomElement(using: &generator), chunks.count > 1 else { continue }
                    var mixed = chunks
                    mixed.insert(String(word), at: Int.random(in: 1 ..< chunks.count, using: &generator))
                    target = mixed.joined(separator: " ")
                case .statementToQuestion:
                    guard target.hasSuffix("."), !target.hasSuffix(".."), pair.source.hasSuffix(".") else { continue }
                    target = String(target.dropLast()) + "?"
                case .memoryRows:
                    let other = injection.pairs[order[(count * 7919 + index) % order.count]].target
                    guard other != target else { continue }
                    injection.memoryRows += [TranslationPair(source: pair.source, target: target), TranslationPair(source: pair.source, target: other)]
                    injection.defects.append((defect, index))
                    used.insert(index)
                    count += 1
                    continue
                case .questionToStatement:
                    guard target.hasSuffix("?"), pair.source.hasSuffix("؟") || pair.source.hasSuffix("?") else { continue }
                    target = String(target.dropLast()) + "."
                }
                injection.pairs[index] = TranslationPair(source: pair.source, target: target, translator: pair.translator,
                                                         status: pair.status, date: pair.date)
                injection.defects.append((defect, index))
                used.insert(index)
                count += 1
            }
        }
        return injection
    }
}
