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
        var positions: [String: Int] = [:]
        var width = columns.count
        var warnings: [String] = []
        var terms: [Term] = []
        var firstLine: [String: Int] = [:]
        var layout: DelimitedLayout?
        while let row = try reader.next() {
            if layout == nil {
                var found = reader.layout
                if let names = DelimitedRecords.header(row, columns: columns, aliases: aliases) {
                    for (index, name) in names.enumerated() {
                        if let name {
                            positions[name] = index
                        } else if !row[index].value.isEmpty {
                            warnings.append("\(origin):\(row[index].line):\(row[index].column): '\(row[index].value)' is not a glossary column (\(columns.joined(separator: ", "))); that column was left out")
                        }
                    }
                    for required in ["arabic", "english"] where positions[required] == nil {
                        throw .malformedFile(file: origin, line: row[0].line, column: 1,
                                             reason: "the header row has no '\(required)' column; the columns are \(columns.joined(separator: ", "))")
                    }
                    width = row.count
                    found.header = row.map(\.value)
                    found.columns = names.enumerated().map { $0.element ?? row[$0.offset].value }
                    layout = found
                    continue
                }
                for (index, name) in columns.enumerated() { positions[name] = index }
                found.columns = Array(columns.prefix(min(columns.count, max(2, row.count))))
                layout = found
            }
            let line = row.first?.line ?? 0
            if row.count > width, !row[width...].allSatisfy({ $0.value.trimmingWhitespace().isEmpty }) {
                let extra = row[width]
                throw .malformedFile(file: origin, line: extra.line, column: extra.column,
                                     reason: "\(row.count) fields where \(layout?.header == nil ? "a glossary row" : "the header") has \(width)")
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
        guard var found = layout else { throw .emptyInput(file: origin) }
        let final = reader.layout
        found.quotedFields = final.quotedFields
        found.quotesKeptAsText = final.quotesKeptAsText
        return (terms, warnings, found.summary)
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
