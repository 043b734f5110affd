import Foundation
import GRDB

/// A query sentence prepared for matching: its search key, tokens and display map.
struct MemoryQuery {
    let text: String
    let mapped: ArabicSearchKey
    let key: String
    let tokens: KeyTokens

    init(_ text: String) {
        self.text = text
        mapped = ArabicSearchKey(text)
        key = mapped.text
        tokens = KeyTokens(scalars: mapped.scalars)
    }
}

/// Finds translation memory matches: exact and context matches by key, fuzzy matches through
/// the memory index and an exact token edit distance.
///
/// Retrieval is lossless for a given minimum score: a unit can only score `minimum` if it
/// shares enough token weight with the query, so it must contain one of the query's rarest
/// tokens whose weight exceeds what the score allows to miss (prefix filtering). Candidates
/// are ranked by an upper bound on their score and verified best first, until the bound falls
/// below the scores already found.
public struct MemoryMatcher: TranslationMatching {
    public let database: TarjumanDatabase
    /// Lists longer than this are not read unless the prefix filter needs them; their tokens
    /// count as possibly matched in the bound.
    public var listLengthCap = 40_000

    public init(database: TarjumanDatabase) {
        self.database = database
    }

    /// The best matches for one Arabic sentence, best first: at most `limit`, scoring at least
    /// `minimum` (0 to 100). `context` gives the query's neighbours for context matches.
    /// Only live translations are offered: each document unit's current rendering and each
    /// memory entry, scored less a memory's penalty; identical targets for one source show once, counted.
    public func matches(for text: String, context: MatchContext? = nil, minimum: Int = 70, limit: Int = 5,
                        scope: MatchScope = .everything) throws(TarjumanError) -> [MemoryMatch] {
        let query = MemoryQuery(text)
        guard !query.tokens.tokens.isEmpty else { throw TarjumanError.emptyQuery }
        return try database.read { db in
            try matches(for: query, context: context, minimum: minimum, limit: limit, scope: scope, db)
        }
    }

    func matches(for query: MemoryQuery, context: MatchContext?, minimum: Int, limit: Int,
                 scope: MatchScope = .everything, _ db: Database) throws -> [MemoryMatch] {
        guard limit > 0, !query.tokens.tokens.isEmpty else { return [] }
        let minimum = min(max(minimum, 1), 100)
        let places = try UnitPlaces(scope: scope, db)
        var scored: [ScoredUnit] = []
        var exactUnits = Set<Int64>()
        for row in try Row.fetchAll(db.cachedStatement(sql: """
            SELECT u.id, u.documentId FROM unit u
            WHERE u.keyHash = ? AND u.searchKey = ? AND EXISTS (SELECT 1 FROM rendering r WHERE r.unitId = u.id)
            ORDER BY u.id DESC
            """), arguments: [MemoryIndex.keyHash(query.key), query.key]) {
            let unit: Int64 = row[0]
            exactUnits.insert(unit)
            guard let place = try places.place(ofDocument: row[1]), 100 - place.penalty >= minimum else { continue }
            scored.append(ScoredUnit(unit: unit, score: 100 - place.penalty, distance: 0, key: query.key, place: place))
        }
        scored += try fuzzyUnits(for: query, excluding: exactUnits, exactFound: !scored.isEmpty,
                                 minimum: minimum, limit: limit, places: places, db)
        return try matches(from: scored, query: query, context: context, limit: limit, excluding: scope.excludedUnit, db)
    }

    struct ScoredUnit {
        let unit: Int64
        /// The score less the penalty of the unit's memory.
        let score: Int
        let distance: Int
        let key: String
        let place: UnitPlace
    }

    struct Candidate {
        let unit: Int64
        let weight: Int
        var matched: Int
    }

    /// Units other than `excluded` scoring at least `minimum`, verified exactly.
    func fuzzyUnits(for query: MemoryQuery, excluding excluded: Set<Int64>, exactFound: Bool, minimum: Int, limit: Int,
                    places: UnitPlaces, _ db: Database) throws -> [ScoredUnit] {
        guard minimum < 100 else { return [] }
        let reader = try MemoryIndexReader(db: db)
        let queryWeight = query.tokens.weight
        var tokens: [(id: Int64, frequency: Int)] = []
        for (id, _, _) in MemoryIndex.indexedTokens(query.tokens.tokens) {
            tokens.append((id, try reader.frequency(of: id)))
        }
        tokens.sort { $0.frequency < $1.frequency }
        // The rarest tokens whose weight is more than a match at `minimum` may miss.
        var prefixCount = 0, prefixWeight = 0
        while prefixCount < tokens.count && 100 * prefixWeight <= (100 - minimum) * queryWeight {
            prefixWeight += KeyTokenClass.word.weight
            prefixCount += 1
        }
        func weightFits(_ weight: Int) -> Bool {
            100 * min(weight, queryWeight) >= minimum * max(weight, queryWeight)
        }
        var entries: [UInt64] = []
        var list: [UInt64] = []
        for token in tokens.prefix(prefixCount) where token.frequency > 0 {
            list.removeAll(keepingCapacity: true)
            try reader.entries(of: token.id, into: &list)
            for entry in list where weightFits(MemoryIndex.weight(of: entry)) { entries.append(entry) }
        }
        entries.sort()
        var candidates: [Candidate] = []
        for entry in entries {
            let unit = MemoryIndex.unit(of: entry)
            if let last = candidates.last, last.unit == unit {
                candidates[candidates.count - 1].matched += KeyTokenClass.word.weight
            } else if !excluded.contains(unit) {
                candidates.append(Candidate(unit: unit, weight: MemoryIndex.weight(of: entry), matched: KeyTokenClass.word.weight))
            }
        }
        entries = []
        // Tokens after the prefix: read their lists when short enough, else count them as matched.
        var unread = query.tokens.tokens.count { $0.kind == .punctuation } * KeyTokenClass.punctuation.weight
        for token in tokens.dropFirst(prefixCount) {
            guard token.frequency <= listLengthCap, !candidates.isEmpty else {
                unread += KeyTokenClass.word.weight
                continue
            }
            list.removeAll(keepingCapacity: true)
            try reader.entries(of: token.id, into: &list)
            Self.addMatches(of: list, to: &candidates)
        }
        struct Bounded {
            let candidate: Candidate
            let bound: Int
        }
        var bounded: [Bounded] = []
        for candidate in candidates {
            let larger = max(queryWeight, candidate.weight)
            let matched = min(candidate.matched + unread, min(queryWeight, candidate.weight))
            let bound = 100 * matched / larger
            if bound >= minimum { bounded.append(Bounded(candidate: candidate, bound: bound)) }
        }
        bounded.sort { ($0.bound, $0.candidate.unit) > ($1.bound, $1.candidate.unit) }
        var found: [ScoredUnit] = []
        var bestByKey: [String: Int] = exactFound ? [query.key: 100] : [:]
        var threshold = minimum
        let fetch = try db.cachedStatement(sql: """
            SELECT searchKey, documentId FROM unit u WHERE id = ? AND EXISTS (SELECT 1 FROM rendering r WHERE r.unitId = u.id)
            """)
        let fetchKey = try db.cachedStatement(sql: """
            SELECT searchKey FROM unit u WHERE id = ? AND EXISTS (SELECT 1 FROM rendering r WHERE r.unitId = u.id)
            """)
        for item in bounded {
            if item.bound < threshold { break }
            let key: String
            let place: UnitPlace
            if places.takesEverything {
                guard let found = try String.fetchOne(fetchKey, arguments: [item.candidate.unit]) else { continue }
                key = found
                place = UnitPlace.unpenalized
            } else {
                guard let row = try Row.fetchOne(fetch, arguments: [item.candidate.unit]),
                      let found = try places.place(ofDocument: row[1]) else { continue }
                key = row[0]
                place = found
            }
            let sourceTokens = KeyTokens(key: key)
            let larger = max(queryWeight, sourceTokens.weight)
            let limitDistance = larger * (100 - threshold) / 100
            guard let distance = TokenEditDistance.distance(query.tokens.tokens, sourceTokens.tokens, limit: limitDistance) else { continue }
            let score = TokenEditDistance.score(distance: distance, queryWeight: queryWeight, sourceWeight: sourceTokens.weight) - place.penalty
            guard score >= threshold else { continue }
            found.append(ScoredUnit(unit: item.candidate.unit, score: score, distance: distance, key: key, place: place))
            bestByKey[key] = max(bestByKey[key] ?? 0, score)
            if bestByKey.count >= limit {
                let kth = bestByKey.values.sorted(by: >)[limit - 1]
                threshold = max(threshold, kth)
            }
        }
        return found.filter { $0.score >= threshold }
    }

    /// Adds a token's weight to every candidate whose unit is in `list` (both sorted by unit).
    static func addMatches(of list: [UInt64], to candidates: inout [Candidate]) {
        var position = 0
        for index in candidates.indices {
            let unit = candidates[index].unit
            // Gallop to the first entry at or after `unit`.
            var step = 1
            var high = position
            while high < list.count && MemoryIndex.unit(of: list[high]) < unit {
                position = high + 1
                high += step
                step *= 2
            }
            var low = position
            high = min(high, list.count)
            while low < high {
                let middle = (low + high) / 2
                if MemoryIndex.unit(of: list[middle]) < unit { low = middle + 1 } else { high = middle }
            }
            position = low
            if position == list.count { return }
            if MemoryIndex.unit(of: list[position]) == unit {
                candidates[index].matched += KeyTokenClass.word.weight
            }
        }
    }

    /// Turns scored units into matches, each with its current rendering, best first: in context,
    /// then by score, then a source written as the query is, then approved, then newest. The same
    /// source and English from several places is one match with their count.
    func matches(from scored: [ScoredUnit], query: MemoryQuery, context: MatchContext?, limit: Int,
                 excluding excluded: UnitID?, _ db: Database) throws -> [MemoryMatch] {
        let unitStatement = try db.cachedStatement(sql: """
            SELECT u.documentId, u.ordinal, u.text, d.name, r.text, r.translator, r.status, r.createdAt, m.name
            FROM unit u JOIN document d ON d.id = u.documentId LEFT JOIN memory m ON m.id = d.memoryId
            \(CurrentRendering.join("r", unit: "u"))
            WHERE u.id = ?
            """)
        let neighbourStatement = try db.cachedStatement(sql: "SELECT searchKey FROM unit WHERE documentId = ? AND ordinal = ?")
        let contextKeys = context.map { (previous: $0.previous.map(ArabicSearchKey.key), next: $0.next.map(ArabicSearchKey.key)) }
        let written = MergePolicy.comparable(query.text)
        struct Found {
            let item: ScoredUnit
            let row: Row
            let score: Int
            let sameSpelling: Bool
            let approved: Bool
            /// The same source key and English: one match, counted.
            let identity: String
        }
        // Scores come in tiers (one per score); a tier can rank above the one before it only by a
        // context match, one point. Once `limit` results rank above what is left, the rest is not read.
        let ordered = scored.sorted { ($0.score, $0.unit) > ($1.score, $1.unit) }
        var found: [Found] = []
        var best: [String: Int] = [:]
        var start = 0
        while start < ordered.count {
            if best.count >= limit {
                let kth = best.values.sorted(by: >)[limit - 1]
                if kth > ordered[start].score + 1 { break }
            }
            var end = start
            while end < ordered.count && ordered[end].score == ordered[start].score { end += 1 }
            for item in ordered[start ..< end] {
                guard let row = try Row.fetchOne(unitStatement, arguments: [item.unit]) else { continue }
                if let excluded, excluded == UnitID(document: row[0], ordinal: row[1]) { continue }
                // A reviewer said this rendering is wrong: it is no match to offer.
                if row[6] == RenderingStatus.rejected.rawValue { continue }
                var inContext = false
                if item.distance == 0, item.key == query.key, let contextKeys {
                    let document: Int64 = row[0], ordinal: Int = row[1]
                    let previous = try String.fetchOne(neighbourStatement, arguments: [document, ordinal - 1])
                    let next = try String.fetchOne(neighbourStatement, arguments: [document, ordinal + 1])
                    inContext = previous == contextKeys.previous && next == contextKeys.next
                }
                let source: String = row[2], target: String = row[4]
                let entry = Found(item: item, row: row, score: inContext ? 101 - item.place.penalty : item.score,
                                  sameSpelling: item.distance == 0 && (source == query.text || MergePolicy.comparable(source) == written),
                                  approved: row[6] == RenderingStatus.approved.rawValue,
                                  identity: item.key + "\u{1}" + MergePolicy.comparable(target))
                found.append(entry)
                best[entry.identity] = max(best[entry.identity] ?? 0, entry.score)
            }
            start = end
        }
        found.sort { a, b in
            (a.score, a.sameSpelling ? 1 : 0, a.approved ? 1 : 0, a.item.unit) > (b.score, b.sameSpelling ? 1 : 0, b.approved ? 1 : 0, b.item.unit)
        }
        var results: [MemoryMatch] = []
        var positions: [String: Int] = [:]
        for entry in found {
            let row = entry.row, item = entry.item
            let target: String = row[4]
            let identity = entry.identity
            if let position = positions[identity] {
                results[position].occurrences += 1
                continue
            }
            guard results.count < limit else { continue }
            let sourceText: String = row[2]
            let comparison = item.distance == 0 ? (kind: MemoryMatchKind.exact, differences: [], numbers: [])
                : Self.compare(query, MemoryQuery(sourceText))
            let inContext = entry.score > item.score
            positions[identity] = results.count
            results.append(MemoryMatch(
                score: entry.score, kind: inContext ? .context : comparison.kind, source: sourceText, target: target,
                unit: UnitID(document: row[0], ordinal: row[1]), document: row[3], memory: row[8],
                translator: row[5], status: RenderingStatus(rawValue: row[6]) ?? .draft, date: row[7],
                differences: comparison.differences, numbers: comparison.numbers))
        }
        return results
    }

    /// The differences between a query and a memory source, in display words, and the kind they make.
    static func compare(_ query: MemoryQuery, _ source: MemoryQuery) -> (kind: MemoryMatchKind, differences: [WordDifference], numbers: [NumberDifference]) {
        let queryTokens = query.tokens.tokens, sourceTokens = source.tokens.tokens
        let alignment = TokenEditDistance.alignment(queryTokens, sourceTokens)
        func display(_ text: MemoryQuery, _ tokens: [KeyToken], _ indices: [Int]) -> String? {
            guard let first = indices.first, let last = indices.last else { return nil }
            let range = text.mapped.displayRange(of: tokens[first].range.lowerBound ..< tokens[last].range.upperBound)
            return String(scalars: Array(text.text.unicodeScalars)[range])
        }
        var differences: [WordDifference] = []
        var numbers: [NumberDifference] = []
        var onlyNumbers = true, onlyPunctuation = true
        var run: (change: WordDifference.Change, query: [Int], source: [Int])?
        func closeRun() {
            if let current = run {
                differences.append(WordDifference(change: current.change, query: display(query, queryTokens, current.query),
                                                  memory: display(source, sourceTokens, current.source)))
            }
            run = nil
        }
        for edit in alignment.edits {
            var change: WordDifference.Change?
            var queryIndex: Int?, sourceIndex: Int?
            switch edit {
            case .same:
                closeRun()
                continue
            case .added(let q):
                change = .added
                queryIndex = q
            case .removed(let s):
                change = .removed
                sourceIndex = s
            case .changed(let q, let s):
                change = .changed
                queryIndex = q
                sourceIndex = s
            }
            let kinds = [queryIndex.map { queryTokens[$0].kind }, sourceIndex.map { sourceTokens[$0].kind }].compactMap { $0 }
            let punctuation = kinds.allSatisfy { $0 == .punctuation }
            if !punctuation { onlyPunctuation = false }
            if let q = queryIndex, let s = sourceIndex, queryTokens[q].kind == .number, sourceTokens[s].kind == .number {
                numbers.append(NumberDifference(query: display(query, queryTokens, [q]) ?? "", memory: display(source, sourceTokens, [s]) ?? ""))
            } else if !punctuation {
                onlyNumbers = false
            }
            if let change, run?.change != change { closeRun() }
            if run == nil, let change { run = (change, [], []) }
            if let q = queryIndex { run?.query.append(q) }
            if let s = sourceIndex { run?.source.append(s) }
        }
        closeRun()
        let kind: MemoryMatchKind
        if alignment.distance == 0 {
            kind = .exact
        } else if onlyPunctuation {
            kind = .punctuationDiffers
        } else if onlyNumbers && !numbers.isEmpty {
            kind = .numbersDiffer
        } else {
            kind = .fuzzy
        }
        return (kind, differences, numbers)
    }
}

/// Which translations a match may come from.
public struct MatchScope: Sendable, Equatable {
    /// Whether document units' current renderings are offered.
    public var documents = true
    /// The memories whose entries are offered, by name; every memory when nil.
    public var memories: [String]?
    /// A unit never offered as its own match (the one being translated).
    public var excludedUnit: UnitID?

    public init(documents: Bool = true, memories: [String]? = nil, excludedUnit: UnitID? = nil) {
        self.documents = documents
        self.memories = memories
        self.excludedUnit = excludedUnit
    }

    /// Document renderings and every memory.
    public static let everything = MatchScope()
}

/// What the place a matched unit lives in (a document, or a memory) takes off its score.
struct UnitPlace {
    let penalty: Int

    static let unpenalized = UnitPlace(penalty: 0)
}

/// The places of documents, looked up once per document for one query, and whether the scope takes them.
final class UnitPlaces {
    private let statement: Statement
    private let scope: MatchScope
    private var known: [Int64: UnitPlace?] = [:]
    /// Whether every unit is taken with no penalty (no scope, no memory with a penalty): then no place need be looked up.
    let takesEverything: Bool

    init(scope: MatchScope, _ db: Database) throws {
        self.scope = scope
        statement = try db.cachedStatement(sql: """
            SELECT m.name, m.penalty FROM document d LEFT JOIN memory m ON m.id = d.memoryId WHERE d.id = ?
            """)
        let penalized = try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM memory WHERE penalty > 0)")) ?? false
        takesEverything = scope.documents && scope.memories == nil && !penalized
        if let names = scope.memories {
            for name in names { _ = try MemoryStore.memoryID(named: name, db) }
        }
    }

    /// The place of a document's units, or nil when the scope leaves them out.
    func place(ofDocument document: Int64) throws -> UnitPlace? {
        if takesEverything { return .unpenalized }
        if let place = known[document] { return place }
        var place: UnitPlace?
        if let row = try Row.fetchOne(statement, arguments: [document]) {
            let memory: String? = row[0]
            if let memory {
                if scope.memories?.contains(memory) ?? true { place = UnitPlace(penalty: row[1] ?? 0) }
            } else if scope.documents {
                place = .unpenalized
            }
        }
        known[document] = place
        return place
    }
}
