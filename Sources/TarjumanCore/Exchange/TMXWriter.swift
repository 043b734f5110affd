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
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if !options.documents.isEmpty {
            conditions.append("u.documentId IN (\(options.documents.map { _ in "?" }.joined(separator: ", ")))")
            for document in options.documents { arguments += [document] }
        }
        if let since = options.since {
            conditions.append("r.createdAt >= ?")
            arguments += [since]
        }
        let approvedFilter = options.approvedOnly ? "AND status = 'approved'" : ""
        let sql = """
            SELECT u.documentId, u.ordinal, u.text, d.name, r.text, r.translator, r.status, r.createdAt,
                   first.createdAt, first.translator, previous.text, next.text
            FROM unit u
            JOIN document d ON d.id = u.documentId
            JOIN rendering r ON r.id = (SELECT id FROM rendering WHERE unitId = u.id \(approvedFilter)
                                        ORDER BY status = 'approved' DESC, id DESC LIMIT 1)
            JOIN rendering first ON first.id = (SELECT min(id) FROM rendering WHERE unitId = u.id)
            LEFT JOIN unit previous ON previous.documentId = u.documentId AND previous.ordinal = u.ordinal - 1
            LEFT JOIN unit next ON next.documentId = u.documentId AND next.ordinal = u.ordinal + 1
            \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
            ORDER BY u.documentId, u.ordinal
            """
        var count = 0
        var dropped: [(unit: UnitID, count: Int)] = []
        let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let row = try rows.next() {
            let unit = UnitID(document: row[0], ordinal: row[1])
            var droppedHere = 0
            output += Array("    <tu tuid=\"\(unit)\" creationdate=\"\(Self.timestamp(row[8]))\"".utf8)
            if let creator: String = row[9] {
                output += Array(" creationid=\"".utf8)
                droppedHere += XMLText.append(creator, attribute: true, to: &output)
                output.append(0x22)
            }
            output += Array(" changedate=\"\(Self.timestamp(row[7]))\"".utf8)
            if let changer: String = row[5] {
                output += Array(" changeid=\"".utf8)
                droppedHere += XMLText.append(changer, attribute: true, to: &output)
                output.append(0x22)
            }
            output += Array(">\n".utf8)
            let props: [(String, String?)] = [("x-document", row[3]), ("x-status", row[6]),
                                              ("x-context-prev", row[10]), ("x-context-next", row[11])]
            for case let (type, value?) in props {
                output += Array("      <prop type=\"\(type)\">".utf8)
                droppedHere += XMLText.append(value, to: &output)
                output += Array("</prop>\n".utf8)
            }
            output += Array("      <tuv xml:lang=\"ar\"><seg>".utf8)
            droppedHere += XMLText.append(row[2], to: &output)
            output += Array("</seg></tuv>\n      <tuv xml:lang=\"en\"><seg>".utf8)
            droppedHere += XMLText.append(row[4], to: &output)
            output += Array("</seg></tuv>\n    </tu>\n".utf8)
            if droppedHere > 0 { dropped.append((unit, droppedHere)) }
            count += 1
            try flush()
        }
        output += Array("  </body>\n</tmx>\n".utf8)
        try flush(force: true)
        return TMXExportOutcome(units: count, droppedCharacters: dropped)
    }

    /// `YYYYMMDDThhmmssZ` in UTC, as TMX wants its dates.
    static func timestamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!, parts.second!)
    }
}
