import Foundation
import GRDB

/// What `tarjuman check` looks at and reports.
public struct CheckOptions: Sendable {
    /// Only these documents; all when empty.
    public var documents: [Int64] = []
    /// Only these checks (even when turned off for the project); nil for every check turned on.
    public var only: Set<QACheck>?
    /// Checks left out of this run.
    public var skip: Set<QACheck> = []
    /// Findings below this severity are not reported.
    public var minimumSeverity: Severity = .info
    /// Report accepted findings too.
    public var includeAccepted = false
    /// Only the findings that involve these units (of `documents`); every finding when empty.
    /// The per-unit checks then read only them and the units near them.
    public var units: Set<UnitID> = []

    public init(documents: [Int64] = [], only: Set<QACheck>? = nil, skip: Set<QACheck> = [],
                minimumSeverity: Severity = .info, includeAccepted: Bool = false) {
        self.documents = documents
        self.only = only
        self.skip = skip
        self.minimumSeverity = minimumSeverity
        self.includeAccepted = includeAccepted
    }
}

/// The findings of a check run.
public struct CheckReport: Sendable {
    /// Findings in check order, then by unit.
    public var findings: [Finding]
    public var unitsChecked: Int
    /// The checks that ran.
    public var checks: [QACheck]
    /// Findings left out because they were accepted.
    public var acceptedHidden: Int
    /// Source numbers whose digit groups were reversed by right-to-left copying (`000 200`) and
    /// were read in reverse, so that the English's right number is accepted.
    public var reversedGroupingsRead = 0

    public var hasErrors: Bool { findings.contains { $0.severity == .error } }
}

/// Runs the checks over the stored units and their current renderings, honouring the project's
/// check settings and accepted findings. The consistency checks compare every live translation,
/// document units and memory entries alike; the other checks look at document units only.
public struct QAChecker: Sendable {
    public let database: TarjumanDatabase
    /// Units read and checked per batch; a batch is split among the processor cores.
    var batchSize = 20_000

    public init(database: TarjumanDatabase) {
        self.database = database
    }

    public func run(_ options: CheckOptions = CheckOptions()) throws(TarjumanError) -> CheckReport {
        try database.read { db in
            try ExportSelection.checkDocuments(ExportOptions(documents: options.documents), db)
            let disabled = try Self.disabledChecks(db)
            var checks = options.only ?? Set(QACheck.allCases).subtracting(disabled)
            checks.subtract(options.skip)
            let terms = checks.contains(.glossaryMissing) || checks.contains(.glossaryForbidden) ? try Term.fetchAll(db) : []
            var (findings, count, reversed) = try check(checks: checks, terms: terms, documents: options.documents, focus: options.units, db)
            findings.removeAll { $0.severity < options.minimumSeverity }
            if !options.units.isEmpty { findings.removeAll { !$0.units.contains(where: options.units.contains) } }
            var hidden = 0
            if !options.includeAccepted {
                let accepted = Set(try String.fetchAll(db, sql: "SELECT id FROM acceptedFinding"))
                let before = findings.count
                findings.removeAll { accepted.contains($0.id) }
                hidden = before - findings.count
            }
            let none = UnitID(document: 0, ordinal: 0)
            let rank = Dictionary(uniqueKeysWithValues: QACheck.allCases.enumerated().map { ($1, $0) })
            let keys = findings.map { (rank[$0.check]!, $0.units.first ?? none) }
            let order = findings.indices.sorted { (keys[$0].0, keys[$0].1.document, keys[$0].1.ordinal, $0) < (keys[$1].0, keys[$1].1.document, keys[$1].1.ordinal, $1) }
            findings = order.map { findings[$0] }
            return CheckReport(findings: findings, unitsChecked: count, checks: checks.sorted(), acceptedHidden: hidden,
                               reversedGroupingsRead: reversed)
        }
    }

    /// One unit as the consistency checks keep it.
    struct Keys {
        let row: Int64
        let id: UnitID
        let keyHash: Int64
        /// The rendering with white space collapsed, hashed; and hashed loosely (case and final
        /// punctuation ignored) for `inconsistent-source`, 0 when the rendering is too short for it.
        let targetHash: UInt64
        let looseTargetHash: UInt64
    }

    /// The findings, and how many units were read.
    func check(checks: Set<QACheck>, terms: [Term], documents: [Int64], focus: Set<UnitID> = [], _ db: Database) throws -> (findings: [Finding], units: Int, reversed: Int) {
        // With a focus, the per-unit checks run on the focus, and the quotation marks are read
        // in the units a quotation could go on into; the consistency checks see every unit.
        let reach = QuotationEnds.reach
        let near: @Sendable (UnitID) -> Bool = { id in
            (-reach ... reach).contains { focus.contains(UnitID(document: id.document, ordinal: id.ordinal + $0)) }
        }
        let filter = documents.isEmpty ? "" : "WHERE u.documentId IN (\(documents.map { _ in "?" }.joined(separator: ", ")))"
        let statement = try FastStatement(db, sql: """
            SELECT u.id, u.documentId, u.ordinal, u.text, u.keyHash,
                   r.text, d.memoryId IS NOT NULL, u.codes
            FROM unit u JOIN document d ON d.id = u.documentId \(CurrentRendering.leftJoin("r", unit: "u")) \(filter) ORDER BY u.id
            """)
        statement.reset()
        statement.bind(all: documents)
        let unitChecks = checks.subtracting([.inconsistentTarget, .inconsistentSource])
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
        var made: [UnitChecks] = []
        for _ in 0 ..< workers { made.append(try UnitChecks(enabled: unitChecks, terms: terms)) }
        let checkers = made
        let consistency = checks.contains(.inconsistentTarget) || checks.contains(.inconsistentSource)
        var keys: [Keys] = []
        var findings: [Finding] = []
        var quotations: [UnitChecks.Quotation] = []
        var batch: [CheckedUnit] = []
        batch.reserveCapacity(batchSize)

        var rows: [(row: Int64, keyHash: Int64, isEntry: Bool)] = []
        var unitCount = 0
        // A batch is checked on the worker threads while this thread reads the next one.
        var running: (group: DispatchGroup, results: FindingSlots)?
        func collect() {
            guard let (group, results) = running else { return }
            group.wait()
            for worker in 0 ..< workers {
                let (found, hashed, quoted) = results.get(worker)
                findings += found
                keys += hashed
                quotations += quoted
            }
            running = nil
        }
        func flush() {
            collect()
            guard !batch.isEmpty else { return }
            let results = FindingSlots(count: workers)
            let units = batch
            let unitRows = rows
            let share = (units.count + workers - 1) / workers
            let group = DispatchGroup()
            DispatchQueue.global().async(group: group) {
                DispatchQueue.concurrentPerform(iterations: workers) { worker in
                    let range = min(worker * share, units.count) ..< min((worker + 1) * share, units.count)
                    var found: [Finding] = []
                    var hashed: [Keys] = []
                    var quotations: [UnitChecks.Quotation] = []
                    for index in range {
                        let unit = units[index]
                        if !unitChecks.isEmpty && !unitRows[index].isEntry {
                            if focus.isEmpty || focus.contains(unit.id) {
                                let result = checkers[worker].run(unit)
                                found += result.findings
                                if let quotation = result.quotation { quotations.append(quotation) }
                            } else if near(unit.id), let quotation = checkers[worker].quotation(of: unit) {
                                quotations.append(quotation)
                            }
                        }
                        if consistency, let target = unit.target {
                            hashed.append(Keys(row: unitRows[index].row, id: unit.id, keyHash: unitRows[index].keyHash,
                                               targetHash: Self.collapsedHash(target), looseTargetHash: Self.looseHash(target)))
                        }
                    }
                    results.set(worker, found, hashed, quotations)
                }
            }
            running = (group, results)
            batch.removeAll(keepingCapacity: true)
            rows.removeAll(keepingCapacity: true)
        }

        do {
            while try statement.step() {
                unitCount += 1
                let id = UnitID(document: statement.int64(at: 1), ordinal: Int(statement.int64(at: 2)))
                // Far from the focus only the rendering counts, for the consistency checks.
                let read = focus.isEmpty || near(id)
                let codes = read ? InlineCode.stored(statement.optionalText(at: 7)) : []
                batch.append(CheckedUnit(id: id, source: read ? statement.text(at: 3) : "", target: statement.optionalText(at: 5), codes: codes))
                rows.append((statement.int64(at: 0), statement.int64(at: 4), statement.int64(at: 6) != 0))
                if batch.count >= batchSize { flush() }
            }
        } catch {
            collect()
            throw error
        }
        flush()
        collect()
        findings += Self.unpairedQuotations(quotations)
        if checks.contains(.glossaryMissing) {
            findings = try GlossaryMiss.aligned(findings, misses: checkers.flatMap(\.misses), forbiddenEnabled: checks.contains(.glossaryForbidden), db)
        }
        if checks.contains(.inconsistentTarget) { findings += try inconsistentTargets(keys, focus: focus, db) }
        if checks.contains(.inconsistentSource) { findings += try inconsistentSources(keys, focus: focus, db) }
        return (findings, unitCount, checkers.map(\.reversedGroupings).reduce(0, +))
    }

    /// The findings of quotation marks that do not pair up, but for those whose quotation goes
    /// on in a unit nearby (a quotation over several sentences or paragraphs).
    static func unpairedQuotations(_ quotations: [UnitChecks.Quotation]) -> [Finding] {
        guard quotations.contains(where: { $0.finding != nil }) else { return [] }
        var findings: [Finding] = []
        let sorted = quotations.sorted { ($0.unit.document, $0.unit.ordinal) < ($1.unit.document, $1.unit.ordinal) }
        var start = 0
        while start < sorted.count {
            var end = start
            while end < sorted.count, sorted[end].unit.document == sorted[start].unit.document { end += 1 }
            let units = sorted[start ..< end].map { (ordinal: $0.unit.ordinal, ends: $0.ends) }
            for index in units.indices {
                if let finding = sorted[start + index].finding, !QuotationEnds.continues(at: index, in: units) { findings.append(finding) }
            }
            start = end
        }
        return findings
    }

    /// Findings written by the workers, one slot each.
    final class FindingSlots: @unchecked Sendable {
        private var slots: [([Finding], [Keys], [UnitChecks.Quotation])]
        private let lock = NSLock()

        init(count: Int) {
            slots = Array(repeating: ([], [], []), count: count)
        }

        func set(_ index: Int, _ findings: [Finding], _ keys: [Keys], _ quotations: [UnitChecks.Quotation]) {
            lock.lock()
            slots[index] = (findings, keys, quotations)
            lock.unlock()
        }

        func get(_ index: Int) -> ([Finding], [Keys], [UnitChecks.Quotation]) {
            lock.lock()
            defer { lock.unlock() }
            return slots[index]
        }
    }

    // MARK: - Consistency

    /// Units whose sources have the same search key but whose renderings differ (only groups
    /// holding a unit of `focus`, when it is not empty).
    func inconsistentTargets(_ keys: [Keys], focus: Set<UnitID> = [], _ db: Database) throws -> [Finding] {
        var findings: [Finding] = []
        for group in Self.groups(keys, by: { UInt64(bitPattern: $0.keyHash) })
        where Set(group.map(\.targetHash)).count > 1 && Self.touches(group, focus) {
            let texts = try Self.texts(of: group, db)
            func place(_ unit: Keys) -> String { texts[unit.row]!.memory.map { "\(unit.id) in memory \($0)" } ?? unit.id.description }
            for sameKey in Dictionary(grouping: group, by: { texts[$0.row]!.key }).values where sameKey.count > 1 && Self.touches(sameKey, focus) {
                var variants: [String: [Keys]] = [:]
                var order: [String] = []
                for unit in sameKey {
                    let rendering = Self.collapsed(texts[unit.row]!.target)
                    if variants[rendering] == nil { order.append(rendering) }
                    variants[rendering, default: []].append(unit)
                }
                guard variants.count > 1 else { continue }
                order.sort { (variants[$0]!.count, variants[$1]!.first!.id) > (variants[$1]!.count, variants[$0]!.first!.id) }
                let listed = order.map { "'\(Self.shortened($0))' (\(variants[$0]!.map(place).joined(separator: ", ")))" }
                let units = sameKey.map(\.id).sorted()
                findings.append(Finding(
                    check: .inconsistentTarget, severity: .warning, units: units,
                    message: "the same source is rendered \(variants.count) ways: " + listed.joined(separator: "; "),
                    spans: sameKey.sorted { $0.id < $1.id }.map { unit in
                        let target = texts[unit.row]!.target
                        return FindingSpan(unit: unit.id, side: .target, start: 0, end: target.unicodeScalars.count, text: target)
                    },
                    texts: sameKey.sorted { $0.id < $1.id }.flatMap { [texts[$0.row]!.source, texts[$0.row]!.target] }))
            }
        }
        return findings
    }

    /// One rendering used for sources with different search keys (only groups holding a unit
    /// of `focus`, when it is not empty).
    func inconsistentSources(_ keys: [Keys], focus: Set<UnitID> = [], _ db: Database) throws -> [Finding] {
        var findings: [Finding] = []
        let eligible = keys.filter { $0.looseTargetHash != 0 }
        for group in Self.groups(eligible, by: \.looseTargetHash) where Set(group.map(\.keyHash)).count > 1 && Self.touches(group, focus) {
            let texts = try Self.texts(of: group, db)
            func place(_ unit: Keys) -> String { texts[unit.row]!.memory.map { "\(unit.id) in memory \($0)" } ?? unit.id.description }
            var sources: [String: [Keys]] = [:]
            var order: [String] = []
            for unit in group {
                let key = Self.wordsOnly(texts[unit.row]!.key)
                if sources[key] == nil { order.append(key) }
                sources[key, default: []].append(unit)
            }
            guard sources.count > 1 else { continue }
            let rendering = Self.shortened(Self.collapsed(texts[group[0].row]!.target))
            let listed = order.map { key in
                let units = sources[key]!
                return "'\(Self.shortened(texts[units[0].row]!.source))' (\(units.map(place).joined(separator: ", ")))"
            }
            let sorted = group.sorted { $0.id < $1.id }
            findings.append(Finding(
                check: .inconsistentSource, severity: .warning, units: sorted.map(\.id),
                message: "'\(rendering)' renders \(sources.count) different sources: " + listed.joined(separator: "; "),
                spans: sorted.map { unit in
                    let source = texts[unit.row]!.source
                    return FindingSpan(unit: unit.id, side: .source, start: 0, end: source.unicodeScalars.count, text: source)
                },
                texts: sorted.flatMap { [texts[$0.row]!.source, texts[$0.row]!.target] }))
        }
        return findings
    }

    /// Whether a group concerns the focus: any group without one, else one holding a focus unit.
    static func touches(_ group: [Keys], _ focus: Set<UnitID>) -> Bool {
        focus.isEmpty || group.contains { focus.contains($0.id) }
    }

    /// Runs of units sharing a hash, in unit order within each run.
    static func groups(_ keys: [Keys], by hash: (Keys) -> UInt64) -> [[Keys]] {
        let sorted = keys.sorted { (hash($0), $0.row) < (hash($1), $1.row) }
        var groups: [[Keys]] = []
        var start = 0
        while start < sorted.count {
            var end = start + 1
            while end < sorted.count, hash(sorted[end]) == hash(sorted[start]) { end += 1 }
            if end - start > 1 { groups.append(Array(sorted[start ..< end])) }
            start = end
        }
        return groups
    }

    /// The source, search key and current rendering of units, by row id.
    static func texts(of units: [Keys], _ db: Database) throws -> [Int64: (source: String, key: String, target: String, memory: String?)] {
        var texts: [Int64: (String, String, String, String?)] = [:]
        let statement = try db.cachedStatement(sql: """
            SELECT u.text, u.searchKey, r.text, m.name
            FROM unit u JOIN document d ON d.id = u.documentId LEFT JOIN memory m ON m.id = d.memoryId
            \(CurrentRendering.leftJoin("r", unit: "u")) WHERE u.id = ?
            """)
        for unit in units {
            if let row = try Row.fetchOne(statement, arguments: [unit.row]) { texts[unit.row] = (row[0], row[1], row[2], row[3]) }
        }
        return texts
    }

    /// A search key without its punctuation: sources that differ only in punctuation are one source.
    static func wordsOnly(_ key: String) -> String {
        key.split { !($0.isLetter || $0.isNumber) }.joined(separator: " ")
    }

    /// The rendering with runs of white space made one space and the ends trimmed: the form in
    /// which `inconsistent-target` compares renderings.
    static func collapsed(_ text: String) -> String {
        String(decoding: collapsedBytes(text), as: UTF8.self)
    }

    static func collapsedBytes(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        _ = normalizedBytes(text, loose: false, into: &bytes)
        return bytes
    }

    /// The bytes of a text with runs of white space made one space and the ends trimmed; ASCII
    /// letters lowercased when `loose`. Returns the word count.
    static func normalizedBytes(_ text: String, loose: Bool, into bytes: inout [UInt8]) -> Int {
        var words = 0
        var pendingSpace = false
        for byte in text.utf8 {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                pendingSpace = !bytes.isEmpty
                continue
            }
            if pendingSpace || bytes.isEmpty {
                if pendingSpace { bytes.append(0x20) }
                words += 1
                pendingSpace = false
            }
            bytes.append(loose && byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
        }
        return words
    }

    static func collapsedHash(_ text: String) -> UInt64 {
        var hash = KeyHash()
        for byte in collapsedBytes(text) { hash.add(byte: byte) }
        return hash.value
    }

    /// A hash of the rendering ignoring case, white space and final punctuation; 0 for renderings
    /// of fewer than three words or 15 characters, too short to say anything about consistency.
    static func looseHash(_ text: String) -> UInt64 {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        guard normalizedBytes(text, loose: true, into: &bytes) >= 3 else { return 0 }
        while let last = bytes.last, last < 0x80, last != 0x20, !(last >= 0x30 && last <= 0x39), !((last | 0x20) >= 0x61 && (last | 0x20) <= 0x7A) {
            bytes.removeLast()
        }
        guard bytes.count >= 15 else { return 0 }
        var hash = KeyHash()
        for byte in bytes { hash.add(byte: byte) }
        return max(hash.value, 1)
    }

    static func shortened(_ text: String) -> String {
        text.count <= 60 ? text : String(text.prefix(57)) + "…"
    }

    // MARK: - Settings

    static func disabledChecks(_ db: Database) throws -> Set<QACheck> {
        var disabled = Set(QACheck.allCases.filter { !$0.isOnByDefault })
        for row in try Row.fetchAll(db, sql: "SELECT checkId, enabled FROM checkSetting") {
            guard let check = QACheck(rawValue: row[0]) else { continue }
            if row[1] as Bool { disabled.remove(check) } else { disabled.insert(check) }
        }
        return disabled
    }

    /// Whether each check runs by default in this project.
    public func settings() throws(TarjumanError) -> [(check: QACheck, enabled: Bool)] {
        let disabled = try database.read { db in try Self.disabledChecks(db) }
        return QACheck.allCases.map { ($0, !disabled.contains($0)) }
    }

    /// Turns checks on or off for this project.
    public func setEnabled(_ checks: [QACheck], _ enabled: Bool) throws(TarjumanError) {
        try database.write { db in
            for check in checks {
                try db.execute(sql: "INSERT INTO checkSetting (checkId, enabled) VALUES (?, ?) ON CONFLICT(checkId) DO UPDATE SET enabled = excluded.enabled",
                               arguments: [check.rawValue, enabled])
            }
        }
    }

    /// Marks findings of the current run as accepted, so that they are not reported again while
    /// the texts stay the same; returns them. An id not among the current findings is an error.
    public func accept(_ ids: [String], by translator: String?, at date: Date = Date()) throws(TarjumanError) -> [Finding] {
        let current = try run(CheckOptions(includeAccepted: true)).findings
        let byID = Dictionary(current.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var accepted: [Finding] = []
        for id in ids {
            guard let finding = byID[id.lowercased()] else { throw .unknownFinding(id) }
            accepted.append(finding)
        }
        try database.write { db in
            for finding in accepted {
                try db.execute(sql: """
                    INSERT OR REPLACE INTO acceptedFinding (id, checkId, units, message, acceptedBy, acceptedAt) VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [finding.id, finding.check.rawValue, finding.units.map(\.description).joined(separator: " "),
                                     finding.message, translator, date])
            }
        }
        return accepted
    }
}
