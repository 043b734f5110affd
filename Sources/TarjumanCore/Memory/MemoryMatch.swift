import Foundation

/// How a memory entry matches a query.
public enum MemoryMatchKind: String, Codable, Sendable, CaseIterable {
    /// Same search key, and the units before and after match too (scored 101).
    case context
    /// Same search key.
    case exact
    /// Only numbers differ (punctuation may differ too): change the numbers and it fits.
    case numbersDiffer = "numbers-differ"
    /// Only punctuation differs.
    case punctuationDiffers = "punctuation-differs"
    /// Words differ.
    case fuzzy
}

/// A stretch where the query and the memory source differ, in display text.
public struct WordDifference: Codable, Sendable, Equatable {
    public enum Change: String, Codable, Sendable {
        /// Words the query has and the memory source lacks.
        case added
        /// Words the memory source has and the query lacks.
        case removed
        /// Words of the query standing where the source has others.
        case changed
    }

    public let change: Change
    /// The query's words (nil for `removed`).
    public let query: String?
    /// The memory source's words (nil for `added`).
    public let memory: String?
}

extension WordDifference: CustomStringConvertible {
    /// The change in a few words: `added «…»`, `removed «…»`, `«memory» → «query»`.
    public var description: String {
        switch change {
        case .added: return "added «\(query ?? "")»"
        case .removed: return "removed «\(memory ?? "")»"
        case .changed: return "«\(memory ?? "")» → «\(query ?? "")»"
        }
    }
}

/// A number of the query that stands where the memory source has another.
public struct NumberDifference: Codable, Sendable, Equatable {
    public let query: String
    public let memory: String
}

/// One translation memory match for a query: a live translation (a document unit's current
/// rendering, or a memory entry) and where it comes from.
public struct MemoryMatch: Codable, Sendable, Equatable {
    /// 0 to 100; 101 for a context match; less the penalty of the memory it comes from.
    public let score: Int
    public let kind: MemoryMatchKind
    /// The memory unit's Arabic text.
    public let source: String
    /// Its English rendering.
    public let target: String
    /// The document unit, or the memory entry (a unit of one of the memory's parts).
    public let unit: UnitID
    /// The document's name, or the file the memory entry came from.
    public let document: String
    /// The memory the entry belongs to; nil for a document unit's rendering.
    public let memory: String?
    /// How many places (document units, memory entries) hold this same source and English.
    public var occurrences = 1
    public let translator: String?
    public let status: RenderingStatus
    public let date: Date
    /// Where the query differs from `source`, in order (empty for exact matches).
    public let differences: [WordDifference]
    /// The numbers that differ (for `numbers-differ` matches, and any fuzzy match with them).
    public let numbers: [NumberDifference]
}

/// The units around a query in its document, for context matches; nil when the query is the
/// first (or last) unit of its document.
public struct MatchContext: Sendable, Equatable {
    public let previous: String?
    public let next: String?

    public init(previous: String?, next: String?) {
        self.previous = previous
        self.next = next
    }
}
