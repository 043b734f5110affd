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
    static func quote(_ value: String, separator: Unicode.Scalar) -> String {
        let needsQuotes = value.unicodeScalars.contains { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || value.hasPrefix(" ") || value.hasSuffix(" ")
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
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

    /// Whether `text` holds a letter of the Arabic script.
    static func containsArabic(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            switch scalar.value {
            case 0x0620 ... 0x064A, 0x066E ... 0x06D3, 0x0750 ... 0x077F, 0x08A0 ... 0x08FF, 0xFB50 ... 0xFDFF, 0xFE70 ... 0xFEFC: true
            default: false
            }
        }
    }
}
