/// Fields of TSV and CSV rows as read and written: `DelimitedReader` reads them, `quote`
/// writes them as RFC 4180 says, and `header` tells a header row from data.
enum DelimitedRecords {
    /// One field and where it started (line and column from 1).
    struct Field {
        var value: String
        let line: Int
        let column: Int
    }

    /// A field as written: quoted when it holds the separator, a quote, a line break, or
    /// leading or trailing spaces.
    /// Works on Unicode scalars: a quote followed by a combining mark is one character to
    /// `String`, but still a quote to be doubled.
    static func quote(_ value: String, separator: Unicode.Scalar) -> String {
        let scalars = value.unicodeScalars
        let needsQuotes = scalars.contains { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || scalars.first == " " || scalars.last == " "
        guard needsQuotes else { return value }
        var quoted = String.UnicodeScalarView()
        quoted.append("\"")
        for scalar in scalars {
            quoted.append(scalar)
            if scalar == "\"" { quoted.append("\"") }
        }
        quoted.append("\"")
        return String(quoted)
    }

    /// The column each field of `row` names when `row` is a header row (nil for a field that
    /// names none), or nil when `row` is data. A row is a header when it holds no Arabic script
    /// and at least one of its fields is one of `columns` or of their `aliases`, in any case.
    static func header(_ row: [Field], columns: [String], aliases: [String: String]) -> [String?]? {
        guard !row.contains(where: { containsArabic($0.value) }) else { return nil }
        let names = row.map { field -> String? in
            let name = field.value.trimmingWhitespace().lowercased()
            let column = aliases[name] ?? name
            return columns.contains(column) ? column : nil
        }
        return names.contains(where: { $0 != nil }) ? names : nil
    }

    /// Where each column is in the rows of a file: from its header row, or in the documented order.
    struct Columns {
        var positions: [String: Int] = [:]
        /// Header fields that name no known column, and where they are.
        var unknown: [(field: Field, position: Int)] = []
        /// The most fields a row may have.
        var width: Int
        /// The header row as written; nil when the first row is data.
        var header: [String]?
        /// The columns in order, as the report names them.
        var names: [String]

        /// The columns a file's `first` row gives: a header (which must name every `required`
        /// column) or, when it is data, `columns` in order.
        init(first row: [Field], columns: [String], aliases: [String: String], required: [String], file: String) throws(TarjumanError) {
            guard let names = DelimitedRecords.header(row, columns: columns, aliases: aliases) else {
                for (index, name) in columns.enumerated() { positions[name] = index }
                width = columns.count
                self.names = Array(columns.prefix(min(columns.count, max(required.count, row.count))))
                return
            }
            for (index, name) in names.enumerated() {
                if let name { positions[name] = index } else if !row[index].value.isEmpty { unknown.append((row[index], index)) }
            }
            for column in required where positions[column] == nil {
                throw .malformedFile(file: file, line: row[0].line, column: 1,
                                     reason: "the header row has no '\(column)' column; the columns are \(columns.joined(separator: ", "))")
            }
            width = row.count
            header = row.map(\.value)
            self.names = names.enumerated().map { $0.element ?? row[$0.offset].value }
        }
    }

    /// Whether `text` holds a letter of the Arabic script.
    static func containsArabic(_ text: String) -> Bool {
        text.unicodeScalars.contains { ScalarClass.isArabicScriptLetter($0.value) }
    }
}
