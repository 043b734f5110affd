import Foundation
import GRDB

/// What importing a memory file did.
public struct MemoryImportOutcome: Sendable, Equatable {
    public var file: String
    /// The memory the entries went into.
    public var memory: String
    /// Entries read (`tu` elements, rows).
    public var read = 0
    /// New entries stored: a new source, another spelling of one, or another target for one.
    public var added = 0
    /// Entries the memory held already (the same source and target): merged, the newer metadata kept.
    public var merged = 0
    public var skipped: [MemorySkipReason: Int] = [:]
    /// Inline codes left out of the texts.
    public var droppedCodes = 0
    /// How a TSV or CSV file was read (header row or columns by position, quoting).
    public var reading: String?
}

/// Imports memory files (TMX, TSV, CSV) into a named memory, in one transaction, streamed.
/// Every entry is kept as written: one with the same source and target as an entry of the
/// memory is merged into it (the newer metadata wins); any other is a new entry, so a second
/// target for a source is an alternative and another spelling of a source is its own entry.
/// A memory import never touches a document's renderings.
public struct MemoryImporter: Sendable {
    public let database: TarjumanDatabase
    /// Entries per part of a memory (a new part also starts when the `x-document` property or
    /// `document` column changes); parts keep the file's order, for context matches.
    public var documentSize = 1000
    /// How quotes in TSV and CSV files are read.
    public var quoting: DelimitedQuoting = .auto
    /// The memory to import into; each file's own name when nil.
    public var memory: String?

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    public init(database: TarjumanDatabase, memory: String? = nil) {
        self.database = database
        self.memory = memory
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
        if let memory { _ = try MemoryStore.validName(memory) }
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
        /// Entries left out for a side longer than `MemoryEntry.maximumBytes`.
        var tooLong = 0
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
                    if unit.source.utf8.count > MemoryEntry.maximumBytes || unit.target.utf8.count > MemoryEntry.maximumBytes {
                        state.tooLong += 1
                        return
                    }
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
            } catch is Cancelled {
            } catch {
                state.error = .databaseFailure("reading \(path) failed: \(error)")
            }
            _ = queue.put(nil)
            state.done.signal()
        }
        producer.start()
        let memoryName = memory ?? name
        let memoryID = try MemoryStore.memoryID(creating: memoryName, at: date, db)
        var outcome = MemoryImportOutcome(file: name, memory: memoryName)
        var producerEnded = false
        do {
            var document = OpenPart?.none
            let existing = try db.cachedStatement(sql: """
                SELECT u.text, r.id, r.text FROM unit u JOIN document d ON d.id = u.documentId
                \(CurrentRendering.join("r", unit: "u"))
                WHERE u.keyHash = ? AND d.memoryId = ?
                """)
            let merge = try db.cachedStatement(sql: """
                UPDATE rendering SET translator = ?, status = ?, createdAt = ?, note = ?, properties = ?
                WHERE id = ? AND createdAt < ?
                """)
            var stored = try KeyHashFilter(memory: memoryID, db)
            let parts = try PartStatements(db, memory: memoryID, at: date)
            // Key hashes of the entries the writer still holds back, which the query above would not see.
            var heldBack = Set<Int64>()
            while let taken = queue.take(), let batch = taken {
                for item in batch {
                    let unit = item.unit
                    let prepared = item.prepared ?? PreparedUnit(unit.source)
                    if writer.pendingRows == 0 { heldBack.removeAll(keepingCapacity: true) }
                    if stored.mayContain(prepared.keyHash) {
                        if heldBack.contains(prepared.keyHash) {
                            try writer.flushRows()
                            heldBack.removeAll(keepingCapacity: true)
                        }
                        let same = try Row.fetchAll(existing, arguments: [prepared.keyHash, memoryID]).first { row in
                            MergePolicy.sameEntry(source: unit.source, target: unit.target, asSource: row[0], target: row[2])
                        }
                        if let same {
                            let rendering: Int64 = same[1]
                            let when = unit.date ?? date
                            try merge.execute(arguments: [unit.translator, item.status, when, item.note, item.properties, rendering, when])
                            outcome.merged += 1
                            continue
                        }
                    }
                    heldBack.insert(prepared.keyHash)
                    if let open = document, open.group != item.group || open.count >= documentSize {
                        document = nil
                    }
                    if document == nil {
                        document = try parts.open(name: item.group.map { "\(name): \($0)" } ?? name, group: item.group)
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
        } catch {
            if !producerEnded {
                queue.cancel()
                state.done.wait()
            }
            throw error
        }
        outcome.read = state.reader.read
        outcome.skipped = state.reader.skipped
        if state.tooLong > 0 { outcome.skipped[.tooLong, default: 0] += state.tooLong }
        outcome.droppedCodes = state.reader.droppedCodes
        outcome.reading = state.reader.reading
        try db.execute(sql: """
            INSERT INTO memoryImport (memoryId, file, importedAt, read, added, merged) VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [memoryID, name, date, outcome.read, outcome.added, outcome.merged])
        return outcome
    }

    /// The key hashes of a memory's entries, as bits: a clear bit means no entry has that
    /// hash, so the lookup of a known source can be skipped; a set bit means maybe.
    struct KeyHashFilter {
        private var bits = [UInt64](repeating: 0, count: 1 << 17)
        private static let mask = UInt64(1 << 23 - 1)

        init(memory: Int64, _ db: Database) throws {
            let hashes = try FastStatement(db, sql: """
                SELECT u.keyHash FROM document d JOIN unit u ON u.documentId = d.id WHERE d.memoryId = ?
                """)
            hashes.reset()
            hashes.bind(memory, at: 1)
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

    /// A part of a memory being filled. Entries are numbered and placed as paragraphs of a text
    /// that is not stored (a memory's entries have no document text), for context matches.
    struct OpenPart {
        let id: Int64
        let group: String?
        private(set) var count = 0
        private var length = 0

        init(id: Int64, group: String?) {
            self.id = id
            self.group = group
        }

        /// Adds an entry's source; returns its offsets.
        mutating func append(_ unit: PreparedUnit) -> Range<Int> {
            let start = count == 0 ? 0 : length + 2
            length = start + unit.length
            count += 1
            return start ..< length
        }
    }

    /// Stores the parts an import adds to a memory.
    final class PartStatements {
        private let insert: FastStatement
        private var parts: Int
        private let db: Database
        private let importedAt: String
        private let memory: Int64
        /// Parts have no text to hash: their content hash is unique by this import's id.
        private let importID = UUID().uuidString

        init(_ db: Database, memory: Int64, at date: Date) throws {
            self.db = db
            self.memory = memory
            importedAt = String.fromDatabaseValue(date.databaseValue) ?? ""
            insert = try FastStatement(db, sql: "INSERT INTO document (name, contentHash, importedAt, text, memoryId) VALUES (?, ?, ?, '', ?)")
            parts = try Int.fetchOne(db, sql: "SELECT count(*) FROM document WHERE memoryId = ?", arguments: [memory]) ?? 0
        }

        func open(name: String, group: String?) throws -> OpenPart {
            parts += 1
            insert.reset()
            insert.bind(name, at: 1)
            insert.bind("memory \(memory) part \(parts) \(importID)", at: 2)
            insert.bind(importedAt, at: 3)
            insert.bind(memory, at: 4)
            try insert.step()
            return OpenPart(id: db.lastInsertedRowID, group: group)
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
