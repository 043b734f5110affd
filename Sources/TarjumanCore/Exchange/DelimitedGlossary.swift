/// Glossaries as TSV or CSV: a header row naming the columns, then one entry per row.
///
/// Columns, in this order when written: `arabic`, `english`, `alternatives`, `forbidden`, `note`,
/// `domain`. Only `arabic` and `english` are required when reading, in any order. Several
/// alternatives or forbidden renderings are separated by `|`. Fields may be quoted as RFC 4180
/// says (a field in double quotes may hold the separator, line breaks and doubled quotes), in
/// TSV as in CSV.
public enum DelimitedGlossary {
    public static let columns = ["arabic", "english", "alternatives", "forbidden", "note", "domain"]
    static let aliases: [String: String] = [
        "ar": "arabic", "source": "arabic", "term": "arabic",
        "en": "english", "target": "english", "rendering": "english", "translation": "english",
        "alternative": "alternatives", "alt": "alternatives", "forbid": "forbidden", "notes": "note",
    ]

    /// Reads the entries of a TSV (`separator` tab) or CSV (`separator` comma) file.
    public static func read(_ source: SourceText, separator: Unicode.Scalar, sourceName: String) throws(TarjumanError) -> [Term] {
        let rows = try parse(source.text, separator: separator, file: source.origin)
        guard let header = rows.first else { throw .emptyInput(file: source.origin) }
        var positions: [String: Int] = [:]
        for (index, field) in header.enumerated() {
            let name = field.value.trimmingCharacters(in: .whitespaces).lowercased()
            let column = aliases[name] ?? name
            guard columns.contains(column) else {
                throw .malformedFile(file: source.origin, line: field.line, column: field.column,
                                     reason: "unknown column '\(field.value)'; the columns are \(columns.joined(separator: ", "))")
            }
            positions[column] = index
        }
        for required in ["arabic", "english"] where positions[required] == nil {
            throw .malformedFile(file: source.origin, line: 1, column: 1,
                                 reason: "the header row has no '\(required)' column; the columns are \(columns.joined(separator: ", "))")
        }
        var terms: [Term] = []
        var firstLine: [String: Int] = [:]
        for row in rows.dropFirst() {
            let line = row.first?.line ?? 0
            if row.count > header.count {
                let extra = row[header.count]
                throw .malformedFile(file: source.origin, line: extra.line, column: extra.column,
                                     reason: "\(row.count) fields where the header has \(header.count)")
            }
            func value(_ column: String) -> String {
                guard let position = positions[column], position < row.count else { return "" }
                return row[position].value.trimmingWhitespace()
            }
            let term = Term(
                arabic: value("arabic"), english: value("english"),
                alternatives: splitList(value("alternatives")), forbidden: splitList(value("forbidden")),
                note: value("note"), domain: value("domain"), source: sourceName)
            try GlossaryStore.validate(term, at: "\(source.origin):\(line)")
            let identity = "\(term.searchKey)\t\(term.english)\t\(term.domain)"
            if let earlier = firstLine[identity] {
                throw .malformedFile(file: source.origin, line: line, column: 1,
                                     reason: "repeats the entry of line \(earlier) ('\(term.arabic)' = '\(term.english)'); keep one")
            }
            firstLine[identity] = line
            terms.append(term)
        }
        return terms
    }

    static func splitList(_ text: String) -> [String] {
        text.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The rows of a delimited text; blank lines are skipped.
    static func parse(_ text: String, separator: Unicode.Scalar, file: String) throws(TarjumanError) -> [[DelimitedRecords.Field]] {
        var rows: [[DelimitedRecords.Field]] = []
        try DelimitedRecords.parse(text, separator: separator, file: file) { rows.append($0) }
        return rows
    }

    /// The entries as TSV (`separator` tab, LF line ends) or CSV (`separator` comma, CRLF as RFC 4180
    /// says), header first.
    public static func write(_ terms: [Term], separator: Unicode.Scalar) -> String {
        var lines = [columns.map { DelimitedRecords.quote($0, separator: separator) }.joined(separator: String(separator))]
        for term in terms {
            let fields = [term.arabic, term.english, term.alternatives.joined(separator: " | "),
                          term.forbidden.joined(separator: " | "), term.note, term.domain]
            lines.append(fields.map { DelimitedRecords.quote($0, separator: separator) }.joined(separator: String(separator)))
        }
        let newline = separator == "," ? "\r\n" : "\n"
        return lines.joined(separator: newline) + newline
    }
}
