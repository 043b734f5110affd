import Foundation
import GRDB

/// Which units a TMX export takes.
public struct TMXExportOptions: Sendable {
    /// Only these documents; all when empty.
    public var documents: [Int64] = []
    /// Only approved renderings (units without one are left out).
    public var approvedOnly = false
    /// Only units whose exported rendering was made at or after this date.
    public var since: Date?

    public init(documents: [Int64] = [], approvedOnly: Bool = false, since: Date? = nil) {
        self.documents = documents
        self.approvedOnly = approvedOnly
        self.since = since
    }
}

/// What a TMX export wrote.
public struct TMXExportOutcome: Sendable, Equatable {
    public let units: Int
    /// Units in which characters that XML 1.0 forbids were dropped, with how many.
    public let droppedCharacters: [(unit: UnitID, count: Int)]

    public static func == (lhs: TMXExportOutcome, rhs: TMXExportOutcome) -> Bool {
        lhs.units == rhs.units && lhs.droppedCharacters.map(\.unit) == rhs.droppedCharacters.map(\.unit)
            && lhs.droppedCharacters.map(\.count) == rhs.droppedCharacters.map(\.count)
    }
}

/// Writes rendered units as TMX 1.4b, streamed: one `tu` per unit with its current rendering
/// (the newest approved one first, else the newest), read from the database with a cursor and
/// written in blocks, so memory stays flat whatever the size.
public struct TMXWriter: Sendable {
    public let database: TarjumanDatabase
    public var toolVersion = "0.1.0"

    public init(database: TarjumanDatabase) {
        self.database = database
    }

    public func export(to path: String, options: TMXExportOptions = TMXExportOptions(), at date: Date = Date()) throws(TarjumanError) -> TMXExportOutcome {
        for document in options.documents {
            let exists = try database.read { db in try Bool.fetchOne(db, sql: "SELECT 1 FROM document WHERE id = ?", arguments: [document]) ?? false }
            if !exists { throw TarjumanError.unknownDocument(document) }
        }
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw TarjumanError.unreadableFile(path, reason: "cannot be written; check the folder exists and is writable")
        }
        defer { try? handle.close() }
        do {
            return try database.read { db in try write(to: handle, options: options, at: date, db) }
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw error
        }
    }

    func write(to handle: FileHandle, options: TMXExportOptions, at date: Date, _ db: Database) throws -> TMXExportOutcome {
        var output: [UInt8] = []
        output.reserveCapacity(1 << 17)
        func flush(force: Bool = false) throws {
            if force || output.count >= 1 << 16 {
                try handle.write(contentsOf: output)
                output.removeAll(keepingCapacity: true)
            }
        }
        output += Array("""
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE tmx SYSTEM "tmx14.dtd">
            <tmx version="1.4">
              <header creationtool="Tarjuman" creationtoolversion="
            """.utf8)
        XMLText.append(toolVersion, attribute: true, to: &output)
        output += Array("""
            " segtype="sentence" o-tmf="Tarjuman" adminlang="en" srclang="ar" datatype="plaintext" creationdate="\(Self.timestamp(date))"/>
              <body>

            """.utf8)
        // Two ordered scans merged here, no lookups per unit: units in document order (their
        // neighbours give the context), and renderings in unit order.
        let documentFilter = options.documents.isEmpty ? "" : "WHERE documentId IN (\(options.documents.map { _ in "?" }.joined(separator: ", ")))"
        var names: [Int64: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, name FROM document") { names[row[0]] = row[1] }
        let units = try FastStatement(db, sql: "SELECT id, documentId, ordinal, text FROM unit \(documentFilter) ORDER BY id")
        units.reset()
        units.bind(all: options.documents)
        let renderings = try FastStatement(db, sql: """
            SELECT unitId, text, translator, status, createdAt, note, properties FROM rendering
            \(options.documents.isEmpty ? "" : "WHERE unitId IN (SELECT id FROM unit \(documentFilter))")
            ORDER BY unitId, id
            """)
        renderings.reset()
        renderings.bind(all: options.documents)
        let since = options.since.map { String.fromDatabaseValue($0.databaseValue) ?? "" }
        var renderingsLeft = try renderings.step()

        struct Stored {
            let text: String
            let translator: String?
            let status: String
            let createdAt: String
            let note: String?
            let properties: String?
        }
        struct Pending {
            let id: Int64
            let document: Int64
            let ordinal: Int
            let text: String
            var history: [Stored]
        }
        var count = 0
        var dropped: [(unit: UnitID, count: Int)] = []
        var previous: Pending?
        var current: Pending?

        func emit(_ unit: Pending, previous: Pending?, next: Pending?) throws {
            let candidates = options.approvedOnly ? unit.history.filter { $0.status == "approved" } : unit.history
            guard let chosen = candidates.last(where: { $0.status == "approved" }) ?? candidates.last,
                  let first = unit.history.first else { return }
            if let since, chosen.createdAt < since { return }
            let id = UnitID(document: unit.document, ordinal: unit.ordinal)
            var droppedHere = 0
            XMLText.put("    <tu tuid=\"", to: &output)
            output.append(contentsOf: id.description.utf8)
            XMLText.put("\" creationdate=\"", to: &output)
            Self.appendTimestamp(stored: first.createdAt, to: &output)
            output.append(0x22)
            droppedHere += Self.appendAttribute(" creationid=\"", first.translator, to: &output)
            XMLText.put(" changedate=\"", to: &output)
            Self.appendTimestamp(stored: chosen.createdAt, to: &output)
            output.append(0x22)
            droppedHere += Self.appendAttribute(" changeid=\"", chosen.translator, to: &output)
            XMLText.put(">\n", to: &output)
            if let note = chosen.note {
                for line in note.split(separator: "\n", omittingEmptySubsequences: false) {
                    XMLText.put("      <note>", to: &output)
                    droppedHere += XMLText.append(String(line), to: &output)
                    XMLText.put("</note>\n", to: &output)
                }
            }
            if let json = chosen.properties, let properties = try? JSONDecoder().decode([TMXProperty].self, from: Data(json.utf8)) {
                for property in properties {
                    XMLText.put("      <prop type=\"", to: &output)
                    droppedHere += XMLText.append(property.type, attribute: true, to: &output)
                    XMLText.put("\">", to: &output)
                    droppedHere += XMLText.append(property.value, to: &output)
                    XMLText.put("</prop>\n", to: &output)
                }
            }
            let neighbours: [(StaticString, String?)] = [
                ("x-document", names[unit.document]), ("x-status", chosen.status),
                ("x-context-prev", previous.flatMap { $0.document == unit.document && $0.ordinal == unit.ordinal - 1 ? $0.text : nil }),
                ("x-context-next", next.flatMap { $0.document == unit.document && $0.ordinal == unit.ordinal + 1 ? $0.text : nil }),
            ]
            for case let (type, value?) in neighbours {
                XMLText.put("      <prop type=\"", to: &output)
                XMLText.put(type, to: &output)
                XMLText.put("\">", to: &output)
                droppedHere += XMLText.append(value, to: &output)
                XMLText.put("</prop>\n", to: &output)
            }
            XMLText.put("      <tuv xml:lang=\"ar\"><seg>", to: &output)
            droppedHere += XMLText.append(unit.text, to: &output)
            XMLText.put("</seg></tuv>\n      <tuv xml:lang=\"en\"><seg>", to: &output)
            droppedHere += XMLText.append(chosen.text, to: &output)
            XMLText.put("</seg></tuv>\n    </tu>\n", to: &output)
            if droppedHere > 0 { dropped.append((id, droppedHere)) }
            count += 1
            try flush()
        }

        while true {
            var next: Pending?
            if try units.step() {
                let id = units.int64(at: 0)
                var history: [Stored] = []
                while renderingsLeft, renderings.int64(at: 0) <= id {
                    if renderings.int64(at: 0) == id {
                        history.append(Stored(text: renderings.text(at: 1), translator: renderings.optionalText(at: 2),
                                              status: renderings.text(at: 3), createdAt: renderings.text(at: 4),
                                              note: renderings.optionalText(at: 5), properties: renderings.optionalText(at: 6)))
                    }
                    renderingsLeft = try renderings.step()
                }
                next = Pending(id: id, document: units.int64(at: 1), ordinal: Int(units.int64(at: 2)), text: units.text(at: 3), history: history)
            }
            if let unit = current { try emit(unit, previous: previous, next: next) }
            guard next != nil else { break }
            previous = current
            current = next
        }
        XMLText.put("  </body>\n</tmx>\n", to: &output)
        try flush(force: true)
        return TMXExportOutcome(units: count, droppedCharacters: dropped)
    }

    /// Appends ` name="value"` (given with its opening quote) when there is a value; returns the
    /// characters dropped from it.
    static func appendAttribute(_ opening: StaticString, _ value: String?, to output: inout [UInt8]) -> Int {
        guard let value else { return 0 }
        XMLText.put(opening, to: &output)
        let dropped = XMLText.append(value, attribute: true, to: &output)
        output.append(0x22)
        return dropped
    }

    /// Appends a date as stored by GRDB (`YYYY-MM-DD hh:mm:ss.SSS`, UTC) in TMX form.
    static func appendTimestamp(stored: String, to output: inout [UInt8]) {
        var digits = 0
        for byte in stored.utf8 where byte >= 0x30 && byte <= 0x39 {
            if digits == 8 { output.append(0x54) }
            output.append(byte)
            digits += 1
            if digits == 14 { break }
        }
        output.append(0x5A)
    }

    /// `YYYYMMDDThhmmssZ` in UTC, as TMX wants its dates.
    static func timestamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!, parts.second!)
    }
}
