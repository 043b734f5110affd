import Foundation

/// Renderings supplied as tab-separated lines: unit id, tab, English text.
///
/// Read by the one TSV reader (quotes as `DelimitedQuoting` says). Blank lines and lines
/// starting with `#` are skipped, and so is a first line that names the columns (`unit` or
/// `id`, then `english`, `target`, `rendering` or `translation`). Tabs after the first belong to
/// the English text.
public enum RenderingTSV {
    static let columns = ["unit", "english"]
    static let aliases: [String: String] = [
        "id": "unit", "unit id": "unit", "unit_id": "unit", "unitid": "unit",
        "en": "english", "target": "english", "rendering": "english", "translation": "english", "text": "english",
    ]

    /// The renderings of a file, or of standard input for "-".
    public static func parse(path: String, quoting: DelimitedQuoting = .auto) throws(TarjumanError) -> [RenderingInput] {
        try parse(TextFileBytes(path: path), quoting: quoting)
    }

    public static func parse(_ source: SourceText, quoting: DelimitedQuoting = .auto) throws(TarjumanError) -> [RenderingInput] {
        try parse(TextFileBytes(data: Data(source.text.utf8), origin: source.origin), quoting: quoting)
    }

    static func parse(_ bytes: TextFileBytes, quoting: DelimitedQuoting) throws(TarjumanError) -> [RenderingInput] {
        let reader = try DelimitedReader(source: bytes, separator: "\t", quoting: quoting)
        var inputs: [RenderingInput] = []
        var first = true
        while let row = try reader.next() {
            let idText = row[0].value.trimmingWhitespace()
            let line = row[0].line
            if idText.hasPrefix("#") { continue }
            defer { first = false }
            if first, DelimitedRecords.header(row, columns: columns, aliases: aliases)?.first == "unit" { continue }
            guard row.count > 1 else {
                throw .malformedTSVLine(file: bytes.origin, line: line, reason: "no tab on this line")
            }
            let english = row.dropFirst().map(\.value).joined(separator: "\t")
            let unit: UnitID
            do {
                unit = try UnitID(parsing: idText)
            } catch {
                throw .malformedTSVLine(file: bytes.origin, line: line, reason: "'\(idText)' is not a unit id such as 3.12")
            }
            if english.allSatisfy({ $0.isWhitespace }) {
                throw .malformedTSVLine(file: bytes.origin, line: line, reason: "the English text is empty")
            }
            inputs.append(RenderingInput(unit: unit, text: english))
        }
        return inputs
    }
}
