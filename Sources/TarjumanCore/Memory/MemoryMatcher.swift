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
public struct MemoryMatcher: Sendable {
    public let database: TarjumanDatabase
    /// Lists longer than this are not read unless the prefix filter needs them; their tokens
    /// count as possibly matched in the bound.
    public var listLengthCap = 40_000

    public init(database: TarjumanDatabase) {
        self.database = database
    }

    /// The best matches for one Arabic sentence, best first: at most `limit`, scoring at least
    /// `minimum` (0 to 100). `context` gives the query's neighbours for context matches.
    public func matches(for text: String, context: MatchContext? = nil, minimum: Int = 70, limit: Int = 5) throws(TarjumanError) -> [MemoryMatch] {
        let query = MemoryQuery(text)
        guard !query.tokens.tokens.isEmpty else { throw TarjumanError.emptyQuery }
        return try database.read { db in
            try matches(for: query, context: context, minimum: minimum, limit: limit, db)
        }
    }

    func matches(for query: MemoryQuery, context: MatchContext?, minimum: Int, limit: Int, _ db: Database) throws -> [MemoryMatch] {
        guard limit > 0, !query.tokens.tokens.isEmpty else { return [] }
        let minimum = min(max(minimum, 1), 100)
        var scored: [ScoredUnit] = []
        let exactUnits = try Int64.fetchAll(db.cachedStatement(sql: """
            SELECT u.id FROM unit u
            WHERE u.keyHash = ? AND u.searchKey = ? AND EXISTS (SELECT 1 FROM rendering r WHERE r.unitId = u.id)
            ORDER BY u.id DESC
            """), arguments: [MemoryIndex.keyHash(query.key), query.key])
        for unit in exactUnits {
            scored.append(ScoredUnit(unit: unit, score: 100, distance: 0, key: query.key))
        }
        scored += try fuzzyUnits(for: query, excluding: Set(exactUnits), exactFound: !exactUnits.isEmpty,
                                 minimum: minimum, limit: limit, db)
        return try matches(from: scored, query: query, context: context, limit: limit, db)
    }

    struct ScoredUnit {
        let unit: Int64
        let score: Int
        let distance: Int
        let key: String
    }

    struct Candidate {
        let unit: Int64
        let weight: Int
        var matched: Int
    }

    /// Units other than `excluded` scoring at least `minimum`, verified exactly.
    func fuzzyUnits(for query: MemoryQuery, excluding excluded: Set<Int64>, exactFound: Bool, minimum: Int, limit: Int,
                    _ db: Database) throws -> [ScoredUnit] {
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
            SELECT searchKey FROM unit u WHERE id = ? AND EXISTS (SELECT 1 FROM rendering r WHERE r.unitId = u.id)
            """)
        for item in bounded {
            if item.bound < threshold { break }
            guard let key = try String.fetchOne(fetch, arguments: [item.candidate.unit]) else { continue }
            let sourceTokens = KeyTokens(key: key)
            let larger = max(queryWeight, sourceTokens.weight)
            let limitDistance = larger * (100 - threshold) / 100
            guard let distance = TokenEditDistance.distance(query.tokens.tokens, sourceTokens.tokens, limit: limitDistance) else { continue }
            let score = TokenEditDistance.score(distance: distance, queryWeight: queryWeight, sourceWeight: sourceTokens.weight)
            guard score >= threshold else { continue }
            found.append(ScoredUnit(unit: item.candidate.unit, score: score, distance: distance, key: key))
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

    /// Turns scored units into matches: each unit's renderings (approved first, then newest),
    /// the same source and English given once, best first.
    func matches(from scored: [ScoredUnit], query: MemoryQuery, context: MatchContext?, limit: Int, _ db: Database) throws -> [MemoryMatch] {
        let unitStatement = try db.cachedStatement(sql: """
            SELECT u.documentId, u.ordinal, u.text, d.name FROM unit u JOIN document d ON d.id = u.documentId WHERE u.id = ?
            """)
        let renderingStatement = try db.cachedStatement(sql: """
            SELECT text, translator, status, createdAt FROM rendering WHERE unitId = ? ORDER BY \(Rendering.preferredFirst)
            """)
        let neighbourStatement = try db.cachedStatement(sql: "SELECT searchKey FROM unit WHERE documentId = ? AND ordinal = ?")
        let contextKeys = context.map { (previous: $0.previous.map(ArabicSearchKey.key), next: $0.next.map(ArabicSearchKey.key)) }
        var results: [MemoryMatch] = []
        var seen = Set<String>()
        var byUnit: [(ScoredUnit, Row, Bool)] = []
        for item in scored {
            guard let row = try Row.fetchOne(unitStatement, arguments: [item.unit]) else { continue }
            var inContext = false
            if item.distance == 0, item.key == query.key, let contextKeys {
                let document: Int64 = row[0], ordinal: Int = row[1]
                let previous = try String.fetchOne(neighbourStatement, arguments: [document, ordinal - 1])
                let next = try String.fetchOne(neighbourStatement, arguments: [document, ordinal + 1])
                inContext = previous == contextKeys.previous && next == contextKeys.next
            }
            byUnit.append((item, row, inContext))
        }
        byUnit.sort { a, b in
            let scoreA = a.2 ? 101 : a.0.score, scoreB = b.2 ? 101 : b.0.score
            return (scoreA, a.0.unit) > (scoreB, b.0.unit)
        }
        for (item, row, inContext) in byUnit {
            let sourceText: String = row[2]
            let sourceQuery = MemoryQuery(sourceText)
            let comparison = Self.compare(query, sourceQuery)
            for rendering in try Row.fetchAll(renderingStatement, arguments: [item.unit]) {
                let target: String = rendering[0]
                guard seen.insert(item.key + "\u{1}" + target).inserted else { continue }
                let status: String = rendering[2]
                let kind: MemoryMatchKind = inContext ? .context : (item.distance == 0 ? .exact : comparison.kind)
                results.append(MemoryMatch(
                    score: inContext ? 101 : item.score, kind: kind, source: sourceText, target: target,
                    unit: UnitID(document: row[0], ordinal: row[1]), document: row[3],
                    translator: rendering[1], status: RenderingStatus(rawValue: status) ?? .draft, date: rendering[3],
                    differences: item.distance == 0 ? [] : comparison.differences, numbers: comparison.numbers))
                if results.count == limit { return results }
            }
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
