import Foundation
import GRDB

/// Translation memory as TSV or CSV, for spreadsheets: a header row, then one unit per row.
///
/// Columns, in this order when written: `source`, `target`, `status`, `translator`, `date`,
/// `note`, `document`, `unit`. When reading only `source` and `target` are required, in any
/// order (`arabic`/`ar` and `english`/`en`/`translation` are accepted too); other named columns
/// are kept as properties of the rendering. A first row with no Arabic that names a column is a
/// header; otherwise the rows are read as the columns above in that order. Quotes are read as
/// `DelimitedQuoting` says; fields are written quoted as RFC 4180 says.
public enum DelimitedMemory {
    public static let columns = ["source", "target", "status", "translator", "date", "note", "document", "unit"]
    static let aliases: [String: String] = [
        "arabic": "source", "ar": "source", "english": "target", "en": "target", "translation": "target",
        "rendering": "target", "author": "translator", "changeid": "translator", "changedate": "date",
        "notes": "note", "x-document": "document", "id": "unit", "tuid": "unit",
    ]
    static let approvedWords: Set<String> = ["approved", "final", "signed-off", "confirmed", "reviewed"]
    static let draftWords: Set<String> = ["draft", "unreviewed", "needs-review"]

    /// Writes the selected units with their chosen renderings; the file is complete or absent.
    public static func export(_ database: TarjumanDatabase, to path: String, separator: Unicode.Scalar,
                              options: ExportOptions = ExportOptions()) throws(TarjumanError) -> ExportOutcome {
        let newline = separator == "," ? "\r\n" : "\n"
        let joiner = String(separator)
        return try ExportFile.write(to: path) { file in
            try database.read { db in
                try ExportSelection.checkDocuments(options, db)
                var output = ExportFile.buffer()
                output += Array((columns.joined(separator: joiner) + newline).utf8)
                var count = 0
                try ExportSelection.scan(options, includeUnrendered: false, db) { unit in
                    guard let chosen = unit.chosen else { return }
                    let fields = [unit.text, chosen.text, chosen.status, chosen.translator ?? "", isoDate(stored: chosen.createdAt),
                                  chosen.note ?? "", unit.documentName, unit.id.description]
                    output += Array((fields.map { DelimitedRecords.quote($0, separator: separator) }.joined(separator: joiner) + newline).utf8)
                    count += 1
                    try file.flush(&output)
                }
                try file.flush(&output, force: true)
                return ExportOutcome(units: count)
            }
        }
    }

    /// A date as stored (`YYYY-MM-DD hh:mm:ss.SSS`, UTC) in ISO 8601: `YYYY-MM-DDThh:mm:ssZ`.
    static func isoDate(stored: String) -> String {
        guard stored.count >= 19 else { return stored }
        return String(stored.prefix(10)) + "T" + String(stored.dropFirst(11).prefix(8)) + "Z"
    }

    /// Reads a TSV or CSV memory file row by row, streamed.
    public final class Reader: MemoryFileReader {
        public private(set) var read = 0
        public private(set) var skipped: [MemorySkipReason: Int] = [:]
        public let droppedCodes = 0
        public private(set) var layout: DelimitedLayout?
        let separator: Unicode.Scalar
        let quoting: DelimitedQuoting

        public init(separator: Unicode.Scalar, quoting: DelimitedQuoting = .auto) {
            self.separator = separator
            self.quoting = quoting
        }

        public var reading: String? { layout?.summary }

        public func parse(path: String, unit: (MemoryEntry) throws -> Void) throws(TarjumanError) {
            let reader = try DelimitedReader(path: path, separator: separator, quoting: quoting)
            var found: DelimitedRecords.Columns?
            var extra: [(name: String, position: Int)] = []
            while let row = try reader.next() {
                guard let columns = found else {
                    let columns = try DelimitedRecords.Columns(first: row, columns: DelimitedMemory.columns, aliases: aliases,
                                                               required: ["source", "target"], file: path)
                    found = columns
                    extra = columns.unknown.map { ($0.field.value, $0.position) }
                    layout = reader.layout.described(by: columns)
                    if columns.header == nil {
                        try take(row, positions: columns.positions, extra: extra, width: columns.width, path: path, unit: unit)
                    }
                    continue
                }
                try take(row, positions: columns.positions, extra: extra, width: columns.width, path: path, unit: unit)
            }
            guard let columns = found else { throw .emptyInput(file: path) }
            layout = reader.layout.described(by: columns)
        }

        func take(_ row: [DelimitedRecords.Field], positions: [String: Int], extra: [(name: String, position: Int)], width: Int,
                  path: String, unit: (MemoryEntry) throws -> Void) throws(TarjumanError) {
            read += 1
            let line = row.first?.line ?? 0
            if row.count > width, !row[width...].allSatisfy({ $0.value.isEmpty }) {
                throw .malformedFile(file: path, line: row[width].line, column: row[width].column,
                                     reason: "\(row.count) fields where the header has \(width)")
            }
            func value(_ column: String) -> String {
                guard let position = positions[column], position < row.count else { return "" }
                return row[position].value.trimmingWhitespace()
            }
            let source = value("source"), target = value("target")
            guard !source.isEmpty, !target.isEmpty else { return skip(.emptySegment) }
            guard TMXReader.isMostlyArabic(source) else { return skip(.noArabic) }
            guard !TMXReader.isMostlyArabic(target) else { return skip(.noEnglish) }
            var properties: [MemoryProperty] = []
            let status = value("status").lowercased()
            if Self.isApproved(status) {
                properties.append(MemoryProperty(type: "x-status", value: RenderingStatus.approved.rawValue))
            } else if draftWords.contains(status) {
                properties.append(MemoryProperty(type: "x-status", value: RenderingStatus.draft.rawValue))
            } else if let kept = [RenderingStatus.translated, .rejected, .aligned].first(where: { $0.rawValue == status }) {
                properties.append(MemoryProperty(type: "x-status", value: kept.rawValue))
            } else {
                throw .malformedFile(file: path, line: line, column: row[positions["status"]!].column,
                                     reason: "unknown status '\(status)'; write approved, translated, draft, rejected or aligned (or leave it empty for approved)")
            }
            let document = value("document")
            if !document.isEmpty { properties.append(MemoryProperty(type: "x-document", value: document)) }
            for column in extra where column.position < row.count && !row[column.position].value.isEmpty {
                properties.append(MemoryProperty(type: column.name, value: row[column.position].value))
            }
            var date: Date?
            let dateText = value("date")
            if !dateText.isEmpty {
                guard let parsed = TMXReader.date(dateText) else {
                    throw .malformedFile(file: path, line: line, column: row[positions["date"]!].column,
                                         reason: "'\(dateText)' is not a date; write it as 2026-11-25 or 2026-11-25T09:30:00Z")
                }
                date = parsed
            }
            let note = value("note")
            let translator = value("translator")
            let entry = MemoryEntry(tuid: value("unit").isEmpty ? nil : value("unit"), source: source, target: target,
                                    translator: translator.isEmpty ? nil : translator, date: date,
                                    notes: note.isEmpty ? [] : [note], properties: properties)
            do {
                try unit(entry)
            } catch let error as TarjumanError {
                throw error
            } catch {
                throw TarjumanDatabase.translate(error, path: path)
            }
        }

        static func isApproved(_ status: String) -> Bool {
            status.isEmpty || approvedWords.contains(status)
        }

        func skip(_ reason: MemorySkipReason) {
            skipped[reason, default: 0] += 1
        }
    }
}
