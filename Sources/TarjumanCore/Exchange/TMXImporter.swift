import Foundation
import GRDB

/// What importing a TMX file did.
public struct TMXImportOutcome: Sendable, Equatable {
    public var file: String
    /// `tu` elements read.
    public var read = 0
    /// New units stored, each with its rendering.
    public var added = 0
    /// Renderings added to units already stored with the same source but another rendering.
    public var newRenderings = 0
    /// Units already stored with the same source and rendering: nothing added.
    public var duplicates = 0
    public var skipped: [TMXSkipReason: Int] = [:]
    /// Inline codes left out of the texts.
    public var droppedCodes = 0
    /// The documents created for the new units.
    public var documents: [Int64] = []
}

/// Imports TMX files into the store in one transaction, streamed: new sources become units of
/// documents named after the file (a new document every 1,000 units, or when the `x-document`
/// property changes), a known source with a new rendering gets it as another rendering, and a
/// known source with the same rendering is counted as a duplicate.
public struct TMXImporter: Sendable {
    public let database: TarjumanDatabase
    /// Units per document.
    public var documentSize = 1000

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    public init(database: TarjumanDatabase) {
        self.database = database
    }

    public func importFile(_ path: String, at date: Date = Date()) throws(TarjumanError) -> TMXImportOutcome {
        try importFiles([path], at: date)[0]
    }

    /// Imports several files in one transaction: all of them, or none.
    public func importFiles(_ paths: [String], at date: Date = Date()) throws(TarjumanError) -> [TMXImportOutcome] {
        try database.write { db in
            let writer = try UnitWriter(db)
            var outcomes: [TMXImportOutcome] = []
            for path in paths { outcomes.append(try importFile(path, at: date, writer: writer, db)) }
            try writer.finish()
            return outcomes
        }
    }

    func importFile(_ path: String, at date: Date, writer: UnitWriter, _ db: Database) throws -> TMXImportOutcome {
        let name = URL(fileURLWithPath: path).lastPathComponent
        let reader = TMXReader()
        let documentSize = self.documentSize
        var outcome = try { () throws -> TMXImportOutcome in
            var outcome = TMXImportOutcome(file: name)
            var document = OpenDocument?.none
            let existing = try db.cachedStatement(sql: """
                SELECT id FROM unit WHERE keyHash = ? AND searchKey = ? ORDER BY id DESC
                """)
            let sameRendering = try db.cachedStatement(sql: "SELECT 1 FROM rendering WHERE unitId = ? AND text = ? LIMIT 1")
            try reader.parse(path: path) { unit in
                let prepared = PreparedUnit(unit.source)
                let status: RenderingStatus = unit.properties.first { $0.type == "x-status" }
                    .flatMap { RenderingStatus(rawValue: $0.value) } ?? .approved
                let kept = unit.properties.filter { !["x-status", "x-document", "x-context-prev", "x-context-next"].contains($0.type) }
                let properties = kept.isEmpty ? nil : String(decoding: try Self.encoder.encode(kept), as: UTF8.self)
                let note = unit.notes.isEmpty ? nil : unit.notes.joined(separator: "\n")
                let origin = "tmx \(name)"
                let known = try Int64.fetchAll(existing, arguments: [prepared.keyHash, prepared.key])
                if let newest = known.first {
                    for id in known where try Bool.fetchOne(sameRendering, arguments: [id, unit.target]) == true {
                        outcome.duplicates += 1
                        return
                    }
                    try writer.addRendering(unit: newest, text: unit.target, translator: unit.translator, status: status,
                                            origin: origin, at: unit.date ?? date, note: note, properties: properties)
                    outcome.newRenderings += 1
                    return
                }
                let group = unit.properties.first { $0.type == "x-document" }?.value
                if let open = document, open.group != group || open.count >= documentSize {
                    try open.close(db)
                    document = nil
                }
                if document == nil {
                    let label = group.map { "\(name): \($0)" } ?? name
                    document = try OpenDocument(name: label, group: group, at: date, db)
                    outcome.documents.append(document!.id)
                }
                let offsets = document!.append(unit.source)
                let id = try writer.addUnit(document: document!.id, ordinal: document!.count, paragraph: document!.count,
                                            start: offsets.lowerBound, end: offsets.upperBound, prepared: prepared)
                try writer.addRendering(unit: id, text: unit.target, translator: unit.translator, status: status,
                                        origin: origin, at: unit.date ?? date, note: note, properties: properties)
                outcome.added += 1
            }
            try document?.close(db)
            return outcome
        }()
        outcome.read = reader.read
        outcome.skipped = reader.skipped
        outcome.droppedCodes = reader.droppedCodes
        return outcome
    }

    /// A document being filled: its text grows by one paragraph per unit and is written when
    /// it is closed.
    struct OpenDocument {
        let id: Int64
        let group: String?
        var text = ""
        var length = 0
        var count = 0

        init(name: String, group: String?, at date: Date, _ db: Database) throws {
            var document = Document(name: name, contentHash: "pending:\(UUID().uuidString)", importedAt: date, text: "")
            try document.insert(db)
            guard let id = document.id else { throw TarjumanError.databaseFailure("the document was not stored") }
            self.id = id
            self.group = group
        }

        /// Adds a unit's text; returns its offsets in the document.
        mutating func append(_ source: String) -> Range<Int> {
            if count > 0 {
                text += "\n\n"
                length += 2
            }
            let start = length
            text += source
            length += source.unicodeScalars.count
            count += 1
            return start ..< length
        }

        func close(_ db: Database) throws {
            let hash = ContentHash.sha256Hex(text)
            let taken = try Bool.fetchOne(db, sql: "SELECT 1 FROM document WHERE contentHash = ?", arguments: [hash]) ?? false
            try db.execute(sql: "UPDATE document SET text = ?, contentHash = ? WHERE id = ?",
                           arguments: [text, taken ? "\(hash):\(id)" : hash, id])
        }
    }
}

extension TMXImporter {
    /// Whether a file is TMX: by its extension, or an XML file whose root is `tmx`.
    public static func isTMX(path: String) -> Bool {
        if path.lowercased().hasSuffix(".tmx") { return true }
        guard path != "-", let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        guard let prefix = try? handle.read(upToCount: 4096), !prefix.isEmpty else { return false }
        let bytes = [UInt8](prefix)
        let text: String
        if bytes.count >= 2, bytes[0] == 0xFF && bytes[1] == 0xFE {
            text = String(decoding: stride(from: 2, to: bytes.count - 1, by: 2).map { UInt16(bytes[$0]) | UInt16(bytes[$0 + 1]) << 8 }, as: UTF16.self)
        } else if bytes.count >= 2, bytes[0] == 0xFE && bytes[1] == 0xFF {
            text = String(decoding: stride(from: 2, to: bytes.count - 1, by: 2).map { UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]) }, as: UTF16.self)
        } else {
            text = String(decoding: bytes, as: UTF8.self)
        }
        let trimmed = text.drop { $0 == "\u{FEFF}" || $0.isWhitespace }
        return trimmed.hasPrefix("<?xml") && text.contains("<tmx")
    }
}
