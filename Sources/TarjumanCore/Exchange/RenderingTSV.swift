/// Renderings supplied as tab-separated lines: unit id, tab, English text.
///
/// Blank lines and lines starting with `#` are skipped, and so is a first line whose first
/// field is `unit` or `id` (a header).
public enum RenderingTSV {
    public static func parse(_ source: SourceText) throws(TarjumanError) -> [RenderingInput] {
        var inputs: [RenderingInput] = []
        var sawContent = false
        for (offset, rawLine) in source.text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let lineNumber = offset + 1
            let line = rawLine
            if line.allSatisfy({ $0.isWhitespace }) || line.hasPrefix("#") { continue }
            let isFirst = !sawContent
            sawContent = true
            guard let tab = line.firstIndex(of: "\t") else {
                if isFirst, ["unit", "id"].contains(line.lowercased()) { continue }
                throw .malformedTSVLine(file: source.origin, line: lineNumber, reason: "no tab on this line")
            }
            let idText = String(line[..<tab])
            if isFirst, ["unit", "id", "unit id", "unit_id"].contains(idText.lowercased()) { continue }
            let english = String(line[line.index(after: tab)...])
            let unit: UnitID
            do {
                unit = try UnitID(parsing: idText)
            } catch {
                throw .malformedTSVLine(file: source.origin, line: lineNumber, reason: "'\(idText)' is not a unit id such as 3.12")
            }
            if english.allSatisfy({ $0.isWhitespace }) {
                throw .malformedTSVLine(file: source.origin, line: lineNumber, reason: "the English text is empty")
            }
            inputs.append(RenderingInput(unit: unit, text: english))
        }
        return inputs
    }
}
