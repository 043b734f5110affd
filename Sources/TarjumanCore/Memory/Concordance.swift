import Foundation
import GRDB

/// One unit of the memory where a term occurs, with the occurrence marked.
public struct ConcordanceLine: Sendable, Equatable, Codable {
    /// The document unit, or the memory entry.
    public let unit: UnitID
    /// The document's name, or the file a memory entry came from.
    public let document: String
    /// The memory of an entry; nil for a document unit.
    public var memory: String? = nil
    /// The unit's Arabic text.
    public let source: String
    /// Unicode scalar offsets of each occurrence in `source`.
    public let hits: [Range<Int>]
    /// The occurrence as written (the first one when there are several).
    public let surface: String
    /// The unit's current English rendering; nil when it has none.
    public let rendering: String?
    public let status: RenderingStatus?
    /// When the current rendering was made.
    public var date: Date? = nil
    /// For each occurrence, the English that renders it by word alignment; empty when the unit
    /// was not aligned (no model, no rendering, or beyond the units counted).
    public var spans: [RenderedSpan?] = []
}

/// How a term was rendered across the memory.
public struct Concordance: Sendable, Equatable {
    public let term: String
    /// Every unit containing the term, in document order.
    public let lines: [ConcordanceLine]
    /// How the term was rendered: the English phrases the units' renderings share, most used first.
    public let renderings: [RenderingVariants.Variant]
    /// Rendered units that share none of those phrases.
    public let otherRenderings: Int
    /// The word-alignment model the renderings come from; nil when there is none yet, and the
    /// renderings are guessed from the phrases the units' English shares.
    public var model: WordAlignmentStatus? = nil
    /// Rendered units whose spans were counted (at most `ConcordanceSearch.maximumAlignedUnits`).
    public var alignedUnits = 0
    /// Units that contain the term but have no rendering yet.
    public var unrendered: Int { lines.count { $0.rendering == nil } }
}

/// Finds every unit of the memory that contains a term, with the glossary's clitic-aware
/// analysis: `الجهاد` finds `والجهاد` and `للجهاد`, `مقاومة` finds `ومقاومته`.
///
/// Candidates come from the memory index: the vocabulary words that contain each term word's
/// stem, their units intersected across the term's words; each candidate is then confirmed by
/// the glossary matcher, which also gives the exact span.
public struct ConcordanceSearch: Sendable {
    public let database: TarjumanDatabase

    public init(database: TarjumanDatabase) {
        self.database = database
    }

    public func lookup(_ term: String) throws(TarjumanError) -> Concordance {
        let trimmed = term.trimmingWhitespace()
        guard !ArabicSearchKey.key(trimmed).isEmpty else { throw TarjumanError.emptyQuery }
        let matcher = try GlossaryMatcher(terms: [Term(arabic: trimmed, english: trimmed)])
        let wordKeys = matcher.wordKeys(of: trimmed).map { String(decoding: $0, as: UTF8.self) }
        guard !wordKeys.isEmpty else { throw TarjumanError.emptyQuery }
        return try database.read { db in
            let candidates = try candidateUnits(for: wordKeys, db)
            return try confirm(candidates, term: trimmed, matcher: matcher, db)
        }
    }

    /// The renderings the glossary gives the term (approved, then alternatives, then forbidden),
    /// which are counted before any guessed phrase.
    func glossaryRenderings(of term: String, _ db: Database) throws -> [String] {
        let entries = try Term.filter(Column("searchKey") == ArabicSearchKey.key(term)).order(Column("id")).fetchAll(db)
        var phrases: [String] = []
        for phrase in entries.map(\.english) + entries.flatMap(\.alternatives) + entries.flatMap(\.forbidden)
            where !phrases.contains(phrase) {
            phrases.append(phrase)
        }
        return phrases
    }

    /// The part of a word's key that every inflected or cliticized form contains.
    static func stem(of key: String) -> String {
        var scalars = Array(key.unicodeScalars)
        if scalars.count > 3, scalars[0] == "ا", scalars[1] == "ل" { scalars.removeFirst(2) }
        if scalars.count > 2, scalars.last == "ه" { scalars.removeLast() }
        return String(scalars: scalars)
    }

    /// Whether the UTF-8 `word` contains `part` (byte for byte: in UTF-8 a match can only start
    /// at a character's first byte).
    static func bytes(_ word: UnsafeBufferPointer<UInt8>, contain part: [UInt8]) -> Bool {
        guard let first = part.first else { return true }
        guard word.count >= part.count else { return false }
        var start = 0
        while start <= word.count - part.count {
            if word[start] == first {
                var offset = 1
                while offset < part.count && word[start + offset] == part[offset] { offset += 1 }
                if offset == part.count { return true }
            }
            start += 1
        }
        return false
    }

    /// The units that may contain every word of the term, in order: the units of the vocabulary
    /// words holding the rarest word's stem, narrowed by the other words' units while those are
    /// not far more numerous than the candidates left (the matcher confirms each candidate, so
    /// stopping early loses nothing).
    func candidateUnits(for wordKeys: [String], _ db: Database) throws -> [Int64] {
        let stems = wordKeys.map { Array(Self.stem(of: $0).utf8) }
        var tokensByWord = Array(repeating: [Int64](), count: stems.count)
        var entriesByWord = Array(repeating: 0, count: stems.count)
        let vocabulary = try FastStatement(db, sql: "SELECT id, word, frequency FROM memoryToken WHERE word IS NOT NULL")
        vocabulary.reset()
        while try vocabulary.step() {
            let word = vocabulary.textBytes(at: 1)
            for (index, stem) in stems.enumerated() where Self.bytes(word, contain: stem) {
                tokensByWord[index].append(vocabulary.int64(at: 0))
                entriesByWord[index] += Int(vocabulary.int64(at: 2))
            }
        }
        vocabulary.reset()
        let reader = try MemoryIndexReader(db: db)
        var result: [Int64]?
        var entries: [UInt64] = []
        for word in stems.indices.sorted(by: { entriesByWord[$0] < entriesByWord[$1] }) {
            if let candidates = result, entriesByWord[word] > candidates.count * Self.narrowingRatio { break }
            entries.removeAll(keepingCapacity: true)
            for token in tokensByWord[word] { try reader.entries(of: token, into: &entries) }
            var units = entries.map(MemoryIndex.unit(of:))
            units.sort()
            units = units.indices.compactMap { $0 > 0 && units[$0] == units[$0 - 1] ? nil : units[$0] }
            if let previous = result {
                var kept: [Int64] = []
                var other = units.startIndex
                for unit in previous {
                    while other < units.endIndex && units[other] < unit { other += 1 }
                    if other < units.endIndex && units[other] == unit { kept.append(unit) }
                }
                result = kept
            } else {
                result = units
            }
            if result?.isEmpty == true { break }
        }
        return result ?? []
    }

    /// A word's units are read to narrow the candidates only while they are at most this many
    /// times as many as the candidates.
    static let narrowingRatio = 8

    func confirm(_ units: [Int64], term: String, matcher: GlossaryMatcher, _ db: Database) throws -> Concordance {
        let unitStatement = try FastStatement(db, sql: """
            SELECT u.documentId, u.ordinal, u.text, d.name, r.text, r.status, m.name, r.createdAt
            FROM unit u JOIN document d ON d.id = u.documentId LEFT JOIN memory m ON m.id = d.memoryId
            \(CurrentRendering.leftJoin("r", unit: "u"))
            WHERE u.id = ?
            """)
        var lines: [ConcordanceLine] = []
        for unit in units {
            unitStatement.reset()
            unitStatement.bind(unit, at: 1)
            guard try unitStatement.step() else { continue }
            let text = unitStatement.text(at: 2)
            let found = matcher.matches(in: text)
            guard let first = found.first else { continue }
            lines.append(ConcordanceLine(
                unit: UnitID(document: unitStatement.int64(at: 0), ordinal: Int(unitStatement.int64(at: 1))), document: unitStatement.text(at: 3),
                memory: unitStatement.optionalText(at: 6), source: text, hits: found.map { $0.start ..< $0.end }, surface: first.surface,
                rendering: unitStatement.optionalText(at: 4), status: unitStatement.optionalText(at: 5).flatMap(RenderingStatus.init(rawValue:)),
                date: unitStatement.optionalText(at: 7).flatMap(Self.storedDate)))
        }
        unitStatement.reset()
        let known = try glossaryRenderings(of: term, db)
        if let model = try WordAlignmentStore.status(db, countingRemovals: false), let concordance = try aligned(lines, term: term, known: known, model: model, db) {
            return concordance
        }
        let variants = RenderingVariants.variants(in: lines.compactMap(\.rendering), known: known)
        return Concordance(term: term, lines: lines, renderings: variants.variants, otherRenderings: variants.other)
    }

    /// A date as GRDB stores it.
    static func storedDate(_ text: String) -> Date? {
        Date.fromDatabaseValue(text.databaseValue)
    }

    /// Rendered units past this many are not aligned; the counts cover these.
    public static let maximumAlignedUnits = 200

    /// The concordance with each occurrence's English span from the word aligner, and the
    /// renderings counted over the spans; nil when the model's tokens are not there.
    func aligned(_ lines: [ConcordanceLine], term: String, known: [String], model: WordAlignmentStatus, _ db: Database) throws -> Concordance? {
        var lines = lines
        let chosen = lines.indices.filter { lines[$0].rendering != nil }.prefix(Self.maximumAlignedUnits)
        let pairs = chosen.map { (arabic: lines[$0].source, english: lines[$0].rendering!) }
        guard let (lexicon, tokens) = try WordAlignmentStore.tokenized(pairs, db) else { return nil }
        var spans: [RenderedSpan] = []
        var other = 0
        for (index, pair) in zip(chosen, tokens) {
            let found = TermRenderings.spans(arabicTokens: pair.arabic, englishTokens: pair.english, english: lines[index].rendering!,
                                             hits: lines[index].hits, lexicon: lexicon)
            lines[index].spans = found
            let present = found.compactMap { $0 }
            if present.isEmpty { other += 1 }
            spans += present
        }
        var concordance = Concordance(term: term, lines: lines, renderings: TermRenderings.count(spans, known: known), otherRenderings: other)
        concordance.model = model
        concordance.alignedUnits = chosen.count
        return concordance
    }
}
