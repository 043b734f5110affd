import Foundation
import GRDB

/// What importing one document did.
public struct ImportOutcome: Sendable, Equatable, Codable {
    public let document: Int64
    public let name: String
    public let unitCount: Int
    /// True when an identical document was already stored and nothing was added.
    public let alreadyPresent: Bool
}

/// A unit with its current rendering, as `tarjuman units` lists it.
public struct UnitListing: Sendable, Equatable, Codable {
    public let id: UnitID
    public let document: Int64
    public let paragraph: Int
    public let source: String
    /// The current English rendering, or nil when the unit has none.
    public let rendering: String?
    public let status: RenderingStatus?
    public let translator: String?
    /// The id of the current rendering, which a later save names as the one it edits.
    public let renderingID: Int64?
    /// The inline codes of a DOCX or HTML unit, which its rendering places as tags.
    public var codes: [InlineCode] = []
    /// Who approved or rejected the current rendering, and the reviewer's comment.
    public var reviewer: String? = nil
    public var comment: String? = nil
}

/// A unit with everything known about it, as `tarjuman show` prints it.
public struct UnitDetail: Sendable, Equatable {
    public let unit: Unit
    public let documentName: String
    /// Every rendering the unit has had, newest (the current one) first.
    public let history: [Rendering]
    public var current: Rendering? { history.first }
}

/// A rendering to store for a unit.
public struct RenderingInput: Sendable, Equatable {
    public let unit: UnitID
    public let text: String

    public init(unit: UnitID, text: String) {
        self.unit = unit
        self.text = text
    }
}

/// What storing a rendering did.
public struct RenderOutcome: Sendable, Equatable {
    public let unit: UnitID
    public let rendering: Rendering
    /// False when the text and status equal the current rendering and nothing was added.
    public let changed: Bool
}

/// Documents, units and renderings: every operation is one transaction.
public struct TranslationStore: DocumentStoring {
    public let database: TarjumanDatabase

    public init(database: TarjumanDatabase) {
        self.database = database
    }

    /// Stores segmented documents; identical documents (same text) are not stored twice.
    /// All documents are stored, or none.
    public func importDocuments(_ documents: [(source: SourceText, segments: [Segment])], at date: Date = Date()) throws(TarjumanError) -> [ImportOutcome] {
        try database.write { db in
            var outcomes: [ImportOutcome] = []
            let writer = try UnitWriter(db)
            for (source, segments) in documents {
                outcomes.append(try Self.storeDocument(source, segments: segments, at: date, writer: writer, db))
            }
            try writer.finish()
            return outcomes
        }
    }

    /// Units in document order with their current renderings.
    public func units(document: Int64? = nil, untranslatedOnly: Bool = false) throws(TarjumanError) -> [UnitListing] {
        try database.read { db in
            if let document { try Self.requireDocument(document, db) }
            var sql = """
                SELECT u.documentId, u.ordinal, u.paragraph, u.text AS source,
                       r.text AS rendering, r.status, r.translator, r.id AS renderingId, u.codes, r.reviewer, r.comment
                FROM unit u JOIN document d ON d.id = u.documentId
                \(CurrentRendering.leftJoin("r", unit: "u"))
                """
            var conditions = ["d.memoryId IS NULL"]
            var arguments: StatementArguments = []
            if let document {
                conditions.append("u.documentId = ?")
                arguments += [document]
            }
            if untranslatedOnly { conditions.append("r.id IS NULL") }
            sql += " WHERE " + conditions.joined(separator: " AND ")
            sql += " ORDER BY u.documentId, u.ordinal"
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map(Self.listing)
        }
    }

    /// The entries of a memory in the order they were imported, each with its target as its rendering.
    public func entries(ofMemory name: String) throws(TarjumanError) -> [UnitListing] {
        try database.read { db in
            let memory = try MemoryStore.memoryID(named: name, db)
            return try Row.fetchAll(db, sql: """
                SELECT u.documentId, u.ordinal, u.paragraph, u.text AS source,
                       r.text AS rendering, r.status, r.translator, r.id AS renderingId, u.codes, r.reviewer, r.comment
                FROM unit u JOIN document d ON d.id = u.documentId
                \(CurrentRendering.leftJoin("r", unit: "u"))
                WHERE d.memoryId = ? ORDER BY u.id
                """, arguments: [memory]).map(Self.listing)
        }
    }

    static func listing(_ row: Row) -> UnitListing {
        let documentID: Int64 = row["documentId"]
        let status: String? = row["status"]
        var listing = UnitListing(
            id: UnitID(document: documentID, ordinal: row["ordinal"]),
            document: documentID,
            paragraph: row["paragraph"],
            source: row["source"],
            rendering: row["rendering"],
            status: status.flatMap(RenderingStatus.init(rawValue:)),
            translator: row["translator"],
            renderingID: row["renderingId"]
        )
        listing.codes = InlineCode.stored(row["codes"])
        listing.reviewer = row["reviewer"]
        listing.comment = row["comment"]
        return listing
    }

    /// A unit, its document's name and its rendering history.
    public func detail(of id: UnitID) throws(TarjumanError) -> UnitDetail {
        try database.read { db in
            let unit = try Self.fetchUnit(id, db)
            let name = try String.fetchOne(db, sql: "SELECT name FROM document WHERE id = ?", arguments: [unit.documentId]) ?? ""
            let history = try Rendering
                .filter(Column("unitId") == unit.id)
                .order(Column("id").desc)
                .fetchAll(db)
            return UnitDetail(unit: unit, documentName: name, history: history)
        }
    }

    /// Stores renderings: all of them, or none when one names a unit that does not exist.
    /// A rendering equal to the unit's current one (text and status) is not added again;
    /// any other becomes the new current rendering, and the old one stays in the history.
    public func render(_ inputs: [RenderingInput], translator: String?, status: RenderingStatus,
                       origin: String, at date: Date = Date()) throws(TarjumanError) -> [RenderOutcome] {
        for input in inputs where input.text.trimmingWhitespace().isEmpty {
            throw .emptyRendering(unit: input.unit.description)
        }
        return try database.write { db in
            var outcomes: [RenderOutcome] = []
            for input in inputs {
                let unit = try Self.fetchUnit(input.unit, db)
                guard let unitRowID = unit.id else { continue }
                let current = try Self.currentRendering(of: unitRowID, db)
                if let current, MergePolicy.repeatsCurrent(current, text: input.text, status: status) {
                    outcomes.append(RenderOutcome(unit: input.unit, rendering: current, changed: false))
                    continue
                }
                var rendering = Rendering(unitId: unitRowID, text: input.text, translator: translator,
                                          status: status, origin: origin, createdAt: date)
                try rendering.insert(db)
                outcomes.append(RenderOutcome(unit: input.unit, rendering: rendering, changed: true))
            }
            return outcomes
        }
    }

    /// Stores a rendering for one unit as an edit of the rendering `expected` (its id, or nil
    /// for a unit that had none). When the unit's current rendering is another one (someone
    /// saved in between) nothing is stored and `renderingConflict` carries the current rendering;
    /// saving again with that one as `expected` keeps both in the history.
    public func save(_ input: RenderingInput, expected: Int64?, translator: String?, status: RenderingStatus,
                     origin: String, at date: Date = Date(), keepingApproved: Bool = false) throws(TarjumanError) -> RenderOutcome {
        if input.text.trimmingWhitespace().isEmpty {
            throw .emptyRendering(unit: input.unit.description)
        }
        return try database.write { db in
            let unit = try Self.fetchUnit(input.unit, db)
            let current = try Self.currentRendering(of: unit.id ?? 0, db)
            if let current, MergePolicy.repeatsCurrent(current, text: input.text, status: status) {
                return RenderOutcome(unit: input.unit, rendering: current, changed: false)
            }
            if current?.id != expected {
                throw TarjumanError.renderingConflict(unit: input.unit.description, current: current)
            }
            if keepingApproved, current?.status == .approved {
                throw TarjumanError.approvedNeedsReviewer(unit: input.unit.description)
            }
            var rendering = Rendering(unitId: unit.id ?? 0, text: input.text, translator: translator,
                                      status: status, origin: origin, createdAt: date)
            try rendering.insert(db)
            return RenderOutcome(unit: input.unit, rendering: rendering, changed: true)
        }
    }

    /// The sources of the units before and after this one in its document.
    public func neighbours(of id: UnitID) throws(TarjumanError) -> (previous: String?, next: String?) {
        try database.read { db in
            _ = try Self.fetchUnit(id, db)
            let statement = try db.cachedStatement(sql: "SELECT text FROM unit WHERE documentId = ? AND ordinal = ?")
            let previous = try String.fetchOne(statement, arguments: [id.document, id.ordinal - 1])
            let next = try String.fetchOne(statement, arguments: [id.document, id.ordinal + 1])
            return (previous, next)
        }
    }

    /// Stores one segmented document unless an identical one is stored already.
    static func storeDocument(_ source: SourceText, segments: [Segment], at date: Date, writer: UnitWriter, _ db: Database) throws -> ImportOutcome {
        let hash = ContentHash.sha256Hex(source.text)
        if let existing = try existingDocument(hash: hash, db) { return existing }
        let name = source.origin == "-" ? "stdin" : URL(fileURLWithPath: source.origin).lastPathComponent
        var document = Document(name: name, contentHash: hash, importedAt: date, text: source.text)
        try document.insert(db)
        guard let documentID = document.id else { throw TarjumanError.databaseFailure("the document was not stored") }
        for segment in segments {
            try writer.addUnit(document: documentID, ordinal: segment.index, paragraph: segment.paragraph,
                               start: segment.start, end: segment.end, text: segment.text)
        }
        return ImportOutcome(document: documentID, name: name, unitCount: segments.count, alreadyPresent: false)
    }

    /// The document with this content hash, when one is stored.
    static func existingDocument(hash: String, _ db: Database) throws -> ImportOutcome? {
        let statement = try db.cachedStatement(sql: """
            SELECT d.id, d.name, (SELECT count(*) FROM unit u WHERE u.documentId = d.id) FROM document d WHERE d.contentHash = ?
            """)
        guard let row = try Row.fetchOne(statement, arguments: [hash]) else { return nil }
        return ImportOutcome(document: row[0], name: row[1], unitCount: row[2], alreadyPresent: true)
    }

    /// The unit's current rendering, when it has one.
    static func currentRendering(of unit: Int64, _ db: Database) throws -> Rendering? {
        try Rendering.fetchOne(db, sql: "SELECT * FROM \(CurrentRendering.view) WHERE unitId = ?", arguments: [unit])
    }

    /// Throws unless `id` is a document (not a memory's part).
    static func requireDocument(_ id: Int64, _ db: Database) throws {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT m.name FROM document d LEFT JOIN memory m ON m.id = d.memoryId WHERE d.id = ?
            """, arguments: [id]) else { throw TarjumanError.unknownDocument(id) }
        if let memory: String = row[0] { throw TarjumanError.notADocument(id, memory: memory) }
    }

    static func fetchUnit(_ id: UnitID, _ db: Database) throws -> Unit {
        guard let unit = try Unit
            .filter(Column("documentId") == id.document && Column("ordinal") == id.ordinal)
            .fetchOne(db)
        else { throw TarjumanError.unknownUnit(id.description) }
        return unit
    }
}

/// A document with its progress, as `tarjuman documents` lists it.
public struct DocumentSummary: Sendable, Equatable {
    public let id: Int64
    public let name: String
    public let importedAt: Date
    public let unitCount: Int
    /// Units with at least one rendering.
    public let renderedCount: Int
    /// Units whose current rendering is approved.
    public let approvedCount: Int
    /// The format it was imported from, when not a text file; the English document is written in it.
    public var format: DocumentFormat? = nil
    /// The account the document is assigned to, in team mode.
    public var assignee: String? = nil
    /// Units whose current rendering is marked translated (waiting for review), or rejected.
    public var translatedCount = 0
    public var rejectedCount = 0
}

extension TranslationStore {
    /// Every document, oldest first, with how far its translation has come.
    public func documents() throws(TarjumanError) -> [DocumentSummary] {
        try summaries(of: nil)
    }

    /// One document with its progress, counted over its own units only.
    public func document(_ id: Int64) throws(TarjumanError) -> DocumentSummary {
        try database.read { db in try Self.requireDocument(id, db) }
        guard let summary = try summaries(of: id).first else { throw .unknownDocument(id) }
        return summary
    }

    /// Removes a document with its units and their renderings; returns what it held.
    public func removeDocument(_ id: Int64) throws(TarjumanError) -> DocumentSummary {
        let summary = try document(id)
        try database.write { db in
            try Self.requireDocument(id, db)
            try db.execute(sql: "DELETE FROM document WHERE id = ?", arguments: [id])
        }
        return summary
    }

    private func summaries(of id: Int64?) throws(TarjumanError) -> [DocumentSummary] {
        try database.read { db in
            let sql = """
                SELECT d.id, d.name, d.importedAt, (SELECT format FROM documentFile f WHERE f.documentId = d.id) AS format,
                       (SELECT name FROM account a WHERE a.id = d.assigneeId) AS assignee,
                       count(u.id) AS units,
                       count(r.id) AS rendered,
                       count(CASE WHEN r.status = 'approved' THEN 1 END) AS approved,
                       count(CASE WHEN r.status = 'translated' THEN 1 END) AS translated,
                       count(CASE WHEN r.status = 'rejected' THEN 1 END) AS rejected
                FROM document d
                LEFT JOIN unit u ON u.documentId = d.id
                \(CurrentRendering.leftJoin("r", unit: "u"))
                WHERE d.memoryId IS NULL \(id == nil ? "" : "AND d.id = ?")
                GROUP BY d.id
                ORDER BY d.id
                """
            return try Row.fetchAll(db, sql: sql, arguments: id.map { [$0] } ?? []).map { row in
                let format: String? = row["format"]
                return DocumentSummary(id: row["id"], name: row["name"], importedAt: row["importedAt"],
                                       unitCount: row["units"], renderedCount: row["rendered"], approvedCount: row["approved"],
                                       format: format.flatMap(DocumentFormat.init(rawValue:)), assignee: row["assignee"],
                                       translatedCount: row["translated"], rejectedCount: row["rejected"])
            }
        }
    }
}

/// A source sentence with its English rendering, as bilingual files and memories bring them.
public struct TranslationPair: Sendable, Equatable {
    public let source: String
    public let target: String
    public let translator: String?
    public let status: RenderingStatus
    public let date: Date?

    public init(source: String, target: String, translator: String? = nil, status: RenderingStatus = .approved, date: Date? = nil) {
        self.source = source
        self.target = target
        self.translator = translator
        self.status = status
        self.date = date
    }
}

extension TranslationStore {
    /// Stores aligned sentence pairs as one document (named `name`), one unit and one rendering
    /// per pair, in one transaction. The document's text is the sources, one paragraph each.
    public func importPairs(_ pairs: [TranslationPair], name: String, origin: String, at date: Date = Date()) throws(TarjumanError) -> ImportOutcome {
        try database.write { db in
            let writer = try UnitWriter(db)
            let outcome = try Self.storePairs(pairs, name: name, origin: origin, at: date, writer: writer, db)
            try writer.finish()
            return outcome
        }
    }

    /// Stores several documents of pairs in one transaction. Keys and index entries are computed
    /// on a second thread while the first one writes.
    public func importPairDocuments(_ documents: [(name: String, pairs: [TranslationPair])], origin: String,
                                    at date: Date = Date()) throws(TarjumanError) -> [ImportOutcome] {
        try database.writeCheckingReferencesItself { db in
            let writer = try UnitWriter(db, batched: true)
            var outcomes: [ImportOutcome] = []
            try pipelined(documents, batchSize: 16, prepare: { PreparedPairDocument(name: $0.name, pairs: $0.pairs) }) { document in
                outcomes.append(try Self.storePairs(document, origin: origin, at: date, writer: writer, db))
            }
            try writer.finish()
            return outcomes
        }
    }

    static func storePairs(_ pairs: [TranslationPair], name: String, origin: String, at date: Date,
                           writer: UnitWriter, _ db: Database) throws -> ImportOutcome {
        try storePairs(PreparedPairDocument(name: name, pairs: pairs), origin: origin, at: date, writer: writer, db)
    }

    static func storePairs(_ prepared: PreparedPairDocument, origin: String, at date: Date,
                           writer: UnitWriter, _ db: Database) throws -> ImportOutcome {
        // The unit count of an identical document stored earlier in this transaction must see its units.
        if writer.pendingRows > 0, try Self.existingDocument(hash: prepared.contentHash, db) != nil { try writer.flushRows() }
        if let existing = try Self.existingDocument(hash: prepared.contentHash, db) { return existing }
        var document = Document(name: prepared.name, contentHash: prepared.contentHash, importedAt: date, text: prepared.text)
        try document.insert(db)
        guard let documentID = document.id else { throw TarjumanError.databaseFailure("the document was not stored") }
        for (index, pair) in prepared.pairs.enumerated() {
            let unit = try writer.addUnit(document: documentID, ordinal: index + 1, paragraph: index + 1,
                                          start: prepared.offsets[index].start, end: prepared.offsets[index].end,
                                          prepared: prepared.units[index])
            try writer.addRendering(unit: unit, text: pair.target, translator: pair.translator, status: pair.status,
                                    origin: origin, at: pair.date ?? date)
        }
        return ImportOutcome(document: documentID, name: prepared.name, unitCount: prepared.pairs.count, alreadyPresent: false)
    }
}
