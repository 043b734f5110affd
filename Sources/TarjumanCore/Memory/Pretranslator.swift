import Foundation
import GRDB

/// What pretranslating did.
public struct PretranslateOutcome: Sendable, Equatable, Codable {
    public var documents: [Int64] = []
    /// Units that had no rendering, so could be filled.
    public var unrendered = 0
    /// Units left alone because they have a rendering.
    public var rendered = 0
    /// Drafts added, by the band of the match they came from.
    public var filled: [AnalysisBand: Int] = [:]
    /// Unrendered units with no match at or above the minimum.
    public var unmatched = 0

    public var filledCount: Int { filled.values.reduce(0, +) }
}

/// Fills units that have no rendering with their best match from memories, as drafts whose
/// origin names the memory and the score. A unit that has a rendering is never touched.
public struct Pretranslator: Sendable {
    public let database: TarjumanDatabase
    /// The lowest score taken (100: exact matches only; context matches score 101).
    public var minimum = 100
    /// Where matches may come from: every memory, and no document, unless set.
    public var scope = MatchScope(documents: false)

    public init(database: TarjumanDatabase, minimum: Int = 100, memories: [String] = []) {
        self.database = database
        self.minimum = minimum
        scope.memories = memories.isEmpty ? nil : memories
    }

    /// Fills the documents given (every document when empty), in one transaction.
    public func pretranslate(documents: [Int64] = [], at date: Date = Date()) throws(TarjumanError) -> PretranslateOutcome {
        try database.write { db in
            for document in documents { try TranslationStore.requireDocument(document, db) }
            _ = try MemoryStore.memoryIDs(named: scope.memories ?? [], db)
            let ids = documents.isEmpty
                ? try Int64.fetchAll(db, sql: "SELECT id FROM document WHERE memoryId IS NULL ORDER BY id")
                : documents
            return try fill(ids, at: date, db)
        }
    }

    func fill(_ documents: [Int64], at date: Date, _ db: Database) throws -> PretranslateOutcome {
        var outcome = PretranslateOutcome(documents: documents)
        let matcher = MemoryMatcher(database: database)
        let units = try db.cachedStatement(sql: """
            SELECT u.id, u.text, EXISTS (SELECT 1 FROM rendering r WHERE r.unitId = u.id)
            FROM unit u WHERE u.documentId = ? ORDER BY u.ordinal
            """)
        for document in documents {
            let rows = try Row.fetchAll(units, arguments: [document])
            for (index, row) in rows.enumerated() {
                if row[2] as Bool {
                    outcome.rendered += 1
                    continue
                }
                outcome.unrendered += 1
                let text: String = row[1]
                let query = MemoryQuery(text)
                guard !query.tokens.tokens.isEmpty else {
                    outcome.unmatched += 1
                    continue
                }
                let context = MatchContext(previous: index > 0 ? rows[index - 1][1] : nil,
                                           next: index + 1 < rows.count ? rows[index + 1][1] : nil)
                guard let best = try matcher.matches(for: query, context: context, minimum: minimum, limit: 1, scope: scope, db).first else {
                    outcome.unmatched += 1
                    continue
                }
                let from = best.memory.map { "memory \($0)" } ?? "unit \(best.unit)"
                var rendering = Rendering(unitId: row[0], text: best.target, translator: nil, status: .draft,
                                          origin: "pretranslated from \(from), \(best.score > 100 ? "context" : "\(best.score)%")",
                                          createdAt: date)
                try rendering.insert(db)
                outcome.filled[AnalysisBand(best), default: 0] += 1
            }
        }
        return outcome
    }
}
