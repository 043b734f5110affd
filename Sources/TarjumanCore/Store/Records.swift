import Foundation
import GRDB

/// An imported Arabic source document.
public struct Document: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "document"
    public var id: Int64?
    /// The file name it was imported from.
    public var name: String
    /// SHA-256 of the text, in hex: identical documents are imported once.
    public var contentHash: String
    public var importedAt: Date
    /// The original text, unaltered (byte order mark removed).
    public var text: String

    public init(id: Int64? = nil, name: String, contentHash: String, importedAt: Date, text: String) {
        self.id = id
        self.name = name
        self.contentHash = contentHash
        self.importedAt = importedAt
        self.text = text
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// One sentence unit of a document.
public struct Unit: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "unit"
    public var id: Int64?
    public var documentId: Int64
    /// The unit's position in its document, from 1; with the document id it makes the unit id.
    public var ordinal: Int
    public var paragraph: Int
    /// Unicode scalar offsets of the unit in the document's text.
    public var start: Int
    public var end: Int
    /// The display text, unaltered.
    public var text: String
    /// The normalized search key of `text`.
    public var searchKey: String
    /// A 64-bit hash of `searchKey`, for exact lookups.
    public var keyHash: Int64
    /// The total weight of the key's tokens (half-units), for fuzzy scores.
    public var weight: Int
    /// A DOCX or HTML unit's inline codes, which its rendering places as tags; nil when none.
    public var codes: [InlineCode]?

    enum CodingKeys: String, CodingKey {
        case id, documentId, ordinal, paragraph, text, searchKey, keyHash, weight, codes
        case start = "startOffset"
        case end = "endOffset"
    }

    public init(id: Int64? = nil, documentId: Int64, ordinal: Int, paragraph: Int, start: Int, end: Int,
                text: String, searchKey: String) {
        self.id = id
        self.documentId = documentId
        self.ordinal = ordinal
        self.paragraph = paragraph
        self.start = start
        self.end = end
        self.text = text
        self.searchKey = searchKey
        self.keyHash = MemoryIndex.keyHash(searchKey)
        self.weight = KeyTokens(key: searchKey).weight
    }

    /// The unit's short id, such as `3.12`.
    public var unitID: UnitID { UnitID(document: documentId, ordinal: ordinal) }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// How far a rendering has come: `draft → translated → approved | rejected`. A rejected
/// rendering carries the reviewer's comment and goes back to its translator.
public enum RenderingStatus: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
    case draft
    /// Finished by its translator, waiting for review.
    case translated
    case approved
    /// Sent back by a reviewer, with a comment.
    case rejected
    /// Taken from an existing translation by `tarjuman align --store`, not yet reviewed.
    case aligned
}

/// One English rendering of a unit. Renderings are only ever added: the newest is the current
/// one (`CurrentRendering`), whatever its status; the older ones are its history. A memory
/// entry is a unit of a memory's part with its target as its one rendering.
public struct Rendering: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "rendering"
    public var id: Int64?
    public var unitId: Int64
    /// The English text.
    public var text: String
    public var translator: String?
    public var status: RenderingStatus
    /// Where the rendering came from: `manual`, `tsv`, or a later importer's name.
    public var origin: String
    public var createdAt: Date
    /// Notes that came with the rendering (from a TMX file), one per line.
    public var note: String?
    /// Properties that came with it (TMX `prop` elements), as a JSON array of {type, value}.
    public var properties: String?
    /// Who approved or rejected it, when a reviewer did.
    public var reviewer: String?
    /// The reviewer's comment (why it was rejected).
    public var comment: String?

    public init(id: Int64? = nil, unitId: Int64, text: String, translator: String?, status: RenderingStatus,
                origin: String, createdAt: Date, note: String? = nil, properties: String? = nil,
                reviewer: String? = nil, comment: String? = nil) {
        self.id = id
        self.unitId = unitId
        self.text = text
        self.translator = translator
        self.status = status
        self.origin = origin
        self.createdAt = createdAt
        self.note = note
        self.properties = properties
        self.reviewer = reviewer
        self.comment = comment
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
