/// Glossaries as TSV or CSV: one entry per row, after a header row naming the columns or with
/// none.
///
/// Columns, in this order when written and when a file has no header row: `arabic`, `english`,
/// `alternatives`, `forbidden`, `note`, `domain`. With a header only `arabic` and `english` are
/// required, in any order. Several alternatives or forbidden renderings are separated by `|`.
/// Quotes are read as `DelimitedQuoting` says.
public enum DelimitedGlossary {
    public static let columns = ["arabic", "english", "alternatives", "forbidden", "note", "domain"]
    static let aliases: [String: String] = [
        "ar": "arabic", "source": "arabic", "term": "arabic",
        "en": "english", "target": "english", "rendering": "english", "translation": "english",
        "alternative": "alternatives", "alt": "alternatives", "forbid": "forbidden", "notes": "note",
    ]

    /// The entries of a TSV (`separator` tab) or CSV (`separator` comma) file, warnings about
    /// it, and how it was read.
    static func read(_ bytes: TextFileBytes, separator: Unicode.Scalar, quoting: DelimitedQuoting = .auto,
                     sourceName: String) throws(TarjumanError) -> (terms: [Term], warnings: [String], reading: String) {
        let origin = bytes.origin
        let reader = try DelimitedReader(source: bytes, separator: separator, quoting: quoting)
        var warnings: [String] = []
        var terms: [Term] = []
        var firstLine: [String: Int] = [:]
        var found: DelimitedRecords.Columns?
        while let row = try reader.next() {
            if found == nil {
                let columns = try DelimitedRecords.Columns(first: row, columns: Self.columns, aliases: aliases, required: ["arabic", "english"], file: origin)
                found = columns
                for (field, _) in columns.unknown {
                    warnings.append("\(origin):\(field.line):\(field.column): '\(field.value)' is not a glossary column (\(Self.columns.joined(separator: ", "))); that column was left out")
                }
                if columns.header != nil { continue }
            }
            guard let columns = found else { continue }
            let positions = columns.positions, width = columns.width
            let line = row.first?.line ?? 0
            if row.count > width, !row[width...].allSatisfy({ $0.value.trimmingWhitespace().isEmpty }) {
                let extra = row[width]
                throw .malformedFile(file: origin, line: extra.line, column: extra.column,
                                     reason: "\(row.count) fields where \(columns.header == nil ? "a glossary row" : "the header") has \(width)")
            }
            func value(_ column: String) -> String {
                guard let position = positions[column], position < row.count else { return "" }
                return row[position].value.trimmingWhitespace()
            }
            let term = Term(
                arabic: value("arabic"), english: value("english"),
                alternatives: splitList(value("alternatives")), forbidden: splitList(value("forbidden")),
                note: value("note"), domain: value("domain"), source: sourceName)
            try GlossaryStore.validate(term, at: "\(origin):\(line)")
            let identity = "\(term.searchKey)\t\(term.english)\t\(term.domain)"
            if let earlier = firstLine[identity] {
                throw .malformedFile(file: origin, line: line, column: 1,
                                     reason: "repeats the entry of line \(earlier) ('\(term.arabic)' = '\(term.english)'); keep one")
            }
            firstLine[identity] = line
            terms.append(term)
        }
        guard let columns = found else { throw .emptyInput(file: origin) }
        return (terms, warnings, reader.layout.described(by: columns).summary)
    }

    static func splitList(_ text: String) -> [String] {
        text.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
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
