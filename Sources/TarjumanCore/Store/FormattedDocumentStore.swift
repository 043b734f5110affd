import Foundation
import GRDB

/// A formatted document ready to store: the file, its text and its units with their codes.
public struct PreparedFormattedDocument: Sendable {
    public let document: FormattedDocument
    public let units: [DocumentUnit]

    public init(_ document: FormattedDocument, units: [DocumentUnit]) {
        self.document = document
        self.units = units
    }
}

/// A document for `importDocuments`: a segmented text, or a DOCX or HTML file.
public enum DocumentToStore: Sendable {
    case text(SourceText, [Segment])
    case formatted(PreparedFormattedDocument)
}

/// What the English document of a stored document is written from.
struct StoredDocumentContent {
    struct Unit {
        var start: Int
        var end: Int
        var text: String
        /// The current rendering's text, when the unit has one.
        var rendering: String?
    }

    var name: String
    var text: String
    var format: DocumentFormat?
    var bytes: Data?
    var units: [Unit]
}

extension TranslationStore {
    /// Stores DOCX and HTML documents (the file kept beside the units, so that the English
    /// document can be written later), all in one transaction; a file imported before (the same
    /// bytes) is not stored again.
    public func importFormattedDocuments(_ documents: [PreparedFormattedDocument], at date: Date = Date()) throws(TarjumanError) -> [ImportOutcome] {
        try importDocuments(documents.map { .formatted($0) }, at: date)
    }

    /// Stores text, DOCX and HTML documents in the order given, all in one transaction, or none.
    public func importDocuments(_ documents: [DocumentToStore], at date: Date = Date()) throws(TarjumanError) -> [ImportOutcome] {
        try database.write { db in
            var outcomes: [ImportOutcome] = []
            let writer = try UnitWriter(db)
            for document in documents {
                switch document {
                case .text(let source, let segments):
                    outcomes.append(try Self.storeDocument(source, segments: segments, at: date, writer: writer, db))
                case .formatted(let prepared):
                    outcomes.append(try Self.storeFormatted(prepared, at: date, writer: writer, db))
                }
            }
            try writer.finish()
            return outcomes
        }
    }

    static func storeFormatted(_ prepared: PreparedFormattedDocument, at date: Date, writer: UnitWriter, _ db: Database) throws -> ImportOutcome {
        let file = prepared.document
        let hash = ContentHash.sha256Hex([UInt8](file.bytes))
        if let existing = try Self.existingDocument(hash: hash, db) { return existing }
        let name = URL(fileURLWithPath: file.origin).lastPathComponent
        var document = Document(name: name, contentHash: hash, importedAt: date, text: file.text)
        try document.insert(db)
        guard let documentID = document.id else { throw TarjumanError.databaseFailure("the document was not stored") }
        try db.execute(sql: "INSERT INTO documentFile (documentId, format, bytes) VALUES (?, ?, ?)",
                       arguments: [documentID, file.format.rawValue, file.bytes])
        let encoder = JSONEncoder()
        for unit in prepared.units {
            let segment = unit.segment
            let id = try writer.addUnit(document: documentID, ordinal: segment.index, paragraph: segment.paragraph,
                                        start: segment.start, end: segment.end, text: segment.text)
            if !unit.codes.isEmpty {
                let codes = String(decoding: try encoder.encode(unit.codes), as: UTF8.self)
                try db.execute(sql: "UPDATE unit SET codes = ? WHERE id = ?", arguments: [codes, id])
            }
        }
        return ImportOutcome(document: documentID, name: name, unitCount: prepared.units.count, alreadyPresent: false)
    }

    /// A document's text, file and units with their current renderings, read in one transaction.
    func documentContent(_ id: Int64) throws(TarjumanError) -> StoredDocumentContent {
        try database.read { db in
            try Self.requireDocument(id, db)
            guard let row = try Row.fetchOne(db, sql: """
                SELECT d.name, d.text, f.format, f.bytes FROM document d LEFT JOIN documentFile f ON f.documentId = d.id WHERE d.id = ?
                """, arguments: [id]) else { throw TarjumanError.unknownDocument(id) }
            let units = try Row.fetchAll(db, sql: """
                SELECT u.startOffset, u.endOffset, u.text, r.text AS rendering
                FROM unit u \(CurrentRendering.leftJoin("r", unit: "u"))
                WHERE u.documentId = ? ORDER BY u.ordinal
                """, arguments: [id]).map { row in
                StoredDocumentContent.Unit(start: row["startOffset"], end: row["endOffset"], text: row["text"], rendering: row["rendering"])
            }
            let format: String? = row["format"]
            return StoredDocumentContent(name: row["name"], text: row["text"], format: format.flatMap(DocumentFormat.init(rawValue:)),
                                         bytes: row["bytes"], units: units)
        }
    }

    /// The inline codes of the units that have any, by unit row id.
    static func unitCodes(_ ids: [Int64], _ db: Database) throws -> [Int64: [InlineCode]] {
        guard !ids.isEmpty else { return [:] }
        var codes: [Int64: [InlineCode]] = [:]
        for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0 ..< min($0 + 500, ids.count)]) }) {
            let rows = try Row.fetchAll(db, sql: "SELECT id, codes FROM unit WHERE codes IS NOT NULL AND id IN (\(chunk.map { _ in "?" }.joined(separator: ",")))",
                                        arguments: StatementArguments(chunk))
            for row in rows {
                codes[row["id"]] = InlineCode.stored(row["codes"])
            }
        }
        return codes
    }
}
