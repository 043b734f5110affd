import Foundation
import GRDB

/// A glossary entry: an Arabic term and how to render it in English.
///
/// Several entries may share an Arabic search key (homographs) with different renderings,
/// domains or notes; an entry is identified by its key, approved rendering and domain.
public struct Term: Codable, Sendable, Equatable, Hashable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "term"
    public var id: Int64?
    /// The Arabic term as written (display form).
    public var arabic: String
    /// The normalized search key of `arabic`.
    public var searchKey: String
    /// The approved English rendering.
    public var english: String
    /// Other acceptable English renderings.
    public var alternatives: [String]
    /// Renderings that must not be used.
    public var forbidden: [String]
    public var note: String
    /// A subject field such as "politics"; empty when none.
    public var domain: String
    /// Where the entry came from: "manual" or an imported file's name.
    public var source: String
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: Int64? = nil, arabic: String, english: String, alternatives: [String] = [], forbidden: [String] = [],
                note: String = "", domain: String = "", source: String = "manual", createdAt: Date = Date(), updatedAt: Date? = nil) {
        self.id = id
        self.arabic = arabic
        self.searchKey = ArabicSearchKey.key(arabic)
        self.english = english
        self.alternatives = alternatives
        self.forbidden = forbidden
        self.note = note
        self.domain = domain
        self.source = source
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// Reads a row without going through `Decodable`, which is several times slower for a
    /// glossary of tens of thousands of entries.
    public init(row: Row) throws {
        id = row["id"]
        arabic = row["arabic"]
        searchKey = row["searchKey"]
        english = row["english"]
        alternatives = try Self.decodeList(row["alternatives"])
        forbidden = try Self.decodeList(row["forbidden"])
        note = row["note"]
        domain = row["domain"]
        source = row["source"]
        createdAt = row["createdAt"]
        updatedAt = row["updatedAt"]
    }

    static func decodeList(_ json: String?) throws -> [String] {
        guard let json, json != "[]" else { return [] }
        return try JSONDecoder().decode([String].self, from: Data(json.utf8))
    }

    /// Whether `other` describes the same entry (same key, rendering and domain).
    public func isSameEntry(as other: Term) -> Bool {
        searchKey == other.searchKey && english == other.english && domain == other.domain
    }

    /// Whether the content a user edits is equal (ignoring ids, source and times).
    public func hasSameContent(as other: Term) -> Bool {
        arabic == other.arabic && isSameEntry(as: other) && alternatives == other.alternatives
            && forbidden == other.forbidden && note == other.note
    }
}
