import Foundation
import GRDB

/// What importing a memory file did.
public struct MemoryImportOutcome: Sendable, Equatable {
    public var file: String
    /// Entries read (`tu` elements, rows).
    public var read = 0
    /// New units stored, each with its rendering.
    public var added = 0
    /// Renderings added to units already stored with the same source but another rendering.
    public var newRenderings = 0
    /// Units already stored with the same source and rendering: nothing added.
    public var duplicates = 0
    public var skipped: [MemorySkipReason: Int] = [:]
    /// Inline codes left out of the texts.
    public var droppedCodes = 0
    /// The documents created for the new units.
    public var documents: [Int64] = []
    /// How a TSV or CSV file was read (header row or columns by position, quoting).
    public var reading: String?
}

/// Imports memory files (TMX, TSV, CSV) into the store in one transaction, streamed: new
/// sources become units of documents named after the file (a new document every 1,000 units, or when the `x-document`
/// property or `document` column changes), a known source with a new rendering gets it as another rendering, and a
/// known source with the same rendering is counted as a duplicate.
public struct MemoryImporter: Sendable {
    public let database: TarjumanDatabase
    /// Units per document.
    public var documentSize = 1000
    /// How quotes in TSV and CSV files are read.
    public var quoting: DelimitedQuoting = .auto

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    public init(database: TarjumanDatabase) {
        self.database = database
    }

    public func importFile(_ path: String, at date: Date = Date()) throws(TarjumanError) -> MemoryImportOutcome {
        try importFiles([path], at: date)[0]
    }

    /// Imports several files in one transaction: all of them, or none.
    public func importFiles(_ paths: [String], at date: Date = Date()) throws(TarjumanError) -> [MemoryImportOutcome] {
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .fileNotFound(path) }
            if isDirectory.boolValue { throw .notAFile(path) }
        }
        return try database.writeCheckingReferencesItself { db in
            let writer = try UnitWriter(db, batched: true)
            var outcomes: [MemoryImportOutcome] = []
            for path in paths { outcomes.append(try importFile(path, at: date, writer: writer, db)) }
            try writer.finish()
            return outcomes
        }
    }

    /// Properties Tarjuman writes into its own TMX: status and document are read back, the
    /// neighbouring units are not (they are in the memory already).
    static let ownProperties: Set<String> = ["x-status", "x-document", "x-context-prev", "x-context-next"]
    static let contextProperties: Set<String> = ["x-context-prev", "x-context-next"]

    /// A unit read on the parsing thread, and prepared there unless the storing thread was
    /// waiting for work (then it prepares the unit itself).
    struct ParsedUnit: Sendable {
        let unit: MemoryEntry
        let prepared: PreparedUnit?
        let status: RenderingStatus
        let properties: String?
        let note: String?
        let group: String?
    }

    /// The parsing thread's reader and its error, read by the writing thread once it has ended.
    final class ParsingState: @unchecked Sendable {
        let reader: any MemoryFileReader
        init(reader: any MemoryFileReader) { self.reader = reader }
        var error: TarjumanError?
        let done = DispatchSemaphore(value: 0)
    }

    struct Cancelled: Error {}

    /// Parses on a second thread (the file, search keys, tokens) while this one stores.
    func importFile(_ path: String, at date: Date, writer: UnitWriter, _ db: Database) throws -> MemoryImportOutcome {
        let name = URL(fileURLWithPath: path).lastPathComponent
        let format = try MemoryFileFormat(path: path)
        let origin = "\(format.rawValue) \(name)"
        let state = ParsingState(reader: format.reader(ignoringProperties: Self.contextProperties, quoting: quoting))
        let queue = PipelineQueue<[ParsedUnit]?>(capacity: 4)
        let spent = Recycling<[ParsedUnit]>()
        let producer = Thread {
            var batch: [ParsedUnit] = []
            var prepareHere = true
            do {
                try state.reader.parse(path: path) { unit in
                    let kept = unit.properties.filter { !Self.ownProperties.contains($0.type) }
                    batch.append(ParsedUnit(
                        unit: unit, prepared: prepareHere ? PreparedUnit(unit.source) : nil,
                        status: unit.properties.first { $0.type == "x-status" }.flatMap { RenderingStatus(rawValue: $0.value) } ?? .approved,
                        properties: kept.isEmpty ? nil : String(decoding: try Self.encoder.encode(kept), as: UTF8.self),
                        note: unit.notes.isEmpty ? nil : unit.notes.joined(separator: "\n"),
                        group: unit.properties.first { $0.type == "x-document" }?.value))
                    if batch.count >= 256 {
                        guard queue.put(batch) else { throw Cancelled() }
                        batch = []
                        spent.drain()
                        // Share the preparing with the storing thread when it has nothing queued.
                        prepareHere = queue.count > 0
                    }
                }
                if !batch.isEmpty { _ = queue.put(batch) }
            } catch let error as TarjumanError {
                state.error = error
            } catch {}
            _ = queue.put(nil)
            state.done.signal()
        }
        producer.start()
        var outcome = MemoryImportOutcome(file: name)
        var producerEnded = false
        do {
            var document = OpenDocument?.none
            let existing = try db.cachedStatement(sql: "SELECT id FROM unit WHERE keyHash = ? AND searchKey = ? ORDER BY id DESC")
            let sameRendering = try db.cachedStatement(sql: "SELECT 1 FROM rendering WHERE unitId = ? AND text = ? LIMIT 1")
            var stored = try KeyHashFilter(db)
            let documents = try DocumentStatements(db, at: date)
            // Key hashes of the units and renderings the writer still holds back, which the
            // queries below would not see.
            var heldBack = Set<Int64>()
            while let taken = queue.take(), let batch = taken {
                for item in batch {
                    let unit = item.unit
                    let prepared = item.prepared ?? PreparedUnit(unit.source)
                    if writer.pendingRows == 0 { heldBack.removeAll(keepingCapacity: true) }
                    var known: [Int64] = []
                    if stored.mayContain(prepared.keyHash) {
                        if heldBack.contains(prepared.keyHash) {
                            try writer.flushRows()
                            heldBack.removeAll(keepingCapacity: true)
                        }
                        known = try Int64.fetchAll(existing, arguments: [prepared.keyHash, prepared.key])
                    }
                    heldBack.insert(prepared.keyHash)
                    if let newest = known.first {
                        if try known.contains(where: { try Bool.fetchOne(sameRendering, arguments: [$0, unit.target]) == true }) {
                            outcome.duplicates += 1
                        } else {
                            try writer.addRendering(unit: newest, text: unit.target, translator: unit.translator, status: item.status,
                                                    origin: origin, at: unit.date ?? date, note: item.note, properties: item.properties)
                            outcome.newRenderings += 1
                        }
                        continue
                    }
                    if let open = document, open.group != item.group || open.count >= documentSize {
                        try documents.close(open)
                        document = nil
                    }
                    if document == nil {
                        document = try documents.open(name: item.group.map { "\(name): \($0)" } ?? name, group: item.group)
                        outcome.documents.append(document!.id)
                    }
                    stored.insert(prepared.keyHash)
                    let offsets = document!.append(prepared)
                    let id = try writer.addUnit(document: document!.id, ordinal: document!.count, paragraph: document!.count,
                                                start: offsets.lowerBound, end: offsets.upperBound, prepared: prepared)
                    try writer.addRendering(unit: id, text: unit.target, translator: unit.translator, status: item.status,
                                            origin: origin, at: unit.date ?? date, note: item.note, properties: item.properties)
                    outcome.added += 1
                }
                spent.put(batch)
            }
            state.done.wait()
            producerEnded = true
            if let error = state.error { throw error }
            if let document { try documents.close(document) }
        } catch {
            if !producerEnded {
                queue.cancel()
                state.done.wait()
            }
            throw error
        }
        outcome.read = state.reader.read
        outcome.skipped = state.reader.skipped
        outcome.droppedCodes = state.reader.droppedCodes
        outcome.reading = state.reader.reading
        return outcome
    }

    /// The key hashes of the stored units, as bits: a clear bit means no stored unit has that
    /// hash, so the lookup of a known source can be skipped; a set bit means maybe.
    struct KeyHashFilter {
        private var bits = [UInt64](repeating: 0, count: 1 << 17)
        private static let mask = UInt64(1 << 23 - 1)

        init(_ db: Database) throws {
            let hashes = try FastStatement(db, sql: "SELECT keyHash FROM unit")
            hashes.reset()
            while try hashes.step() { insert(hashes.int64(at: 0)) }
        }

        mutating func insert(_ hash: Int64) {
            let bit = UInt64(bitPattern: hash) & Self.mask
            bits[Int(bit >> 6)] |= 1 << (bit & 63)
        }

        func mayContain(_ hash: Int64) -> Bool {
            let bit = UInt64(bitPattern: hash) & Self.mask
            return bits[Int(bit >> 6)] & (1 << (bit & 63)) != 0
        }
    }

    /// A document being filled: its text grows by one paragraph per unit and is written when
    /// it is closed.
    struct OpenDocument {
        let id: Int64
        let group: String?
        var paragraphs = ParagraphText()
        var count: Int { paragraphs.count }

        /// Adds a unit's text; returns its offsets in the document.
        mutating func append(_ unit: PreparedUnit) -> Range<Int> {
            paragraphs.append(unit.text, length: unit.length)
        }
    }

    /// Stores the documents an import creates: a row when one opens, its text and content hash
    /// when it closes (a text stored before gets the document id after its hash, which must be unique).
    struct DocumentStatements {
        private let insert: FastStatement
        private let update: FastStatement
        private let hashTaken: FastStatement
        private let db: Database
        private let importedAt: String
        /// The content hash of the one document open at a time, until it closes.
        private let placeholder = "pending:\(UUID().uuidString)"

        init(_ db: Database, at date: Date) throws {
            self.db = db
            importedAt = String.fromDatabaseValue(date.databaseValue) ?? ""
            insert = try FastStatement(db, sql: "INSERT INTO document (name, contentHash, importedAt, text) VALUES (?, ?, ?, '')")
            update = try FastStatement(db, sql: "UPDATE document SET text = ?, contentHash = ? WHERE id = ?")
            hashTaken = try FastStatement(db, sql: "SELECT 1 FROM document WHERE contentHash = ?")
        }

        func open(name: String, group: String?) throws -> OpenDocument {
            insert.reset()
            insert.bind(name, at: 1)
            insert.bind(placeholder, at: 2)
            insert.bind(importedAt, at: 3)
            try insert.step()
            return OpenDocument(id: db.lastInsertedRowID, group: group)
        }

        func close(_ document: OpenDocument) throws {
            let text = document.paragraphs.text
            let hash = ContentHash.sha256Hex(text)
            hashTaken.reset()
            hashTaken.bind(hash, at: 1)
            let taken = try hashTaken.step()
            hashTaken.reset()
            update.reset()
            update.bind(text, at: 1)
            update.bind(taken ? "\(hash):\(document.id)" : hash, at: 2)
            update.bind(document.id, at: 3)
            try update.step()
        }
    }
}

/// The memory file formats that `import` reads.
public enum MemoryFileFormat: String, Sendable, CaseIterable {
    case tmx
    case tsv
    case csv

    /// The format of a file: by its extension (`.tmx`, `.tsv`, `.tab`, `.csv`), or TMX by content.
    public init(path: String) throws(TarjumanError) {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "tmx": self = .tmx
        case "tsv", "tab": self = .tsv
        case "csv": self = .csv
        default:
            guard Self.isTMX(path: path) else { throw .unknownFormat(file: path, hint: "name it .tmx, .tsv or .csv") }
            self = .tmx
        }
    }

    /// Whether a file holds a memory in one of these formats.
    public static func recognises(path: String) -> Bool {
        (try? MemoryFileFormat(path: path)) != nil
    }

    /// A reader of this format that leaves out properties of the types given (TMX only).
    func reader(ignoringProperties ignored: Set<String> = [], quoting: DelimitedQuoting = .auto) -> any MemoryFileReader {
        switch self {
        case .tmx: return TMXReader(ignoredPropertyTypes: ignored)
        case .tsv: return DelimitedMemory.Reader(separator: "\t", quoting: quoting)
        case .csv: return DelimitedMemory.Reader(separator: ",", quoting: quoting)
        }
    }

    /// Whether a file is TMX: by its extension, or an XML file whose root is `tmx`.
    public static func isTMX(path: String) -> Bool {
        path.lowercased().hasSuffix(".tmx") || XMLProlog.fileStarts(path: path, withRoot: "tmx")
    }
}
