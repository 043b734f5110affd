/// An annotated document as one self-contained HTML page: Arabic right to left beside what the
/// memory and the glossary offer, with the analysis at the top.
public enum AnnotationHTML {
    public static func page(_ annotation: Annotation) -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>\(HTMLEscaping.escape(annotation.name)) — Tarjuman analysis</title>
            <style>
            body { font-family: system-ui, sans-serif; margin: 2em; color: #222; }
            table { border-collapse: collapse; width: 100%; }
            th, td { border-bottom: 1px solid #ddd; padding: .5em; vertical-align: top; }
            th { text-align: left; background: #f4f4f4; }
            td.ar { direction: rtl; text-align: right; font-size: 1.15em; width: 45%; font-family: "Noto Naskh Arabic", "Amiri", serif; }
            td.n { color: #888; width: 2em; }
            .band { display: inline-block; padding: 0 .4em; border-radius: .3em; font-size: .85em; font-weight: bold; }
            .context, .exact { background: #c8f0c8; } .b95-99 { background: #dff3c4; } .b85-94 { background: #f3efc4; }
            .b75-84 { background: #f6dfc0; } .b50-74 { background: #f6cfc0; } .new { background: #e4e4e4; }
            .terms { font-size: .9em; color: #345; } .diff { font-size: .85em; color: #666; }
            .src { direction: rtl; color: #666; font-size: .9em; }
            </style>
            </head>
            <body>
            <h1>\(HTMLEscaping.escape(annotation.name))</h1>
            <p>\(HTMLEscaping.escape(summaryLine(annotation.summary)))</p>
            <table>
            <tr><th>#</th><th>Arabic</th><th>Memory and glossary</th></tr>

            """
        for unit in annotation.units {
            let bandClass = unit.band == .context || unit.band == .exact || unit.band == .new ? unit.band.rawValue : "b" + unit.band.rawValue
            html += "<tr><td class=\"n\">\(unit.segment.index)</td><td class=\"ar\" dir=\"rtl\" lang=\"ar\">\(HTMLEscaping.escape(unit.segment.text))</td><td>"
            if let match = unit.match {
                html += "<span class=\"band \(bandClass)\">\(match.score)% \(HTMLEscaping.escape(match.kind.rawValue))</span> "
                html += HTMLEscaping.escape(match.target)
                html += "<div class=\"src\" lang=\"ar\">\(HTMLEscaping.escape(match.source)) <span dir=\"ltr\">(\(HTMLEscaping.escape(match.memory.map { "memory \($0), entry \(match.unit)" } ?? "unit \(match.unit)")))</span></div>"
                if !match.differences.isEmpty {
                    let text = match.differences.map(\.description).joined(separator: "; ")
                    html += "<div class=\"diff\">\(HTMLEscaping.escape(text))</div>"
                }
            } else {
                html += "<span class=\"band new\">new</span>"
            }
            if !unit.terms.isEmpty {
                let terms = unit.terms.map { "\($0.surface) → \($0.term.english)" }.joined(separator: "; ")
                html += "<div class=\"terms\">\(HTMLEscaping.escape(terms))</div>"
            }
            html += "</td></tr>\n"
        }
        html += "</table>\n</body>\n</html>\n"
        return html
    }

    /// The analysis in one line: units, words, and units (words) per band.
    public static func summaryLine(_ summary: AnalysisSummary) -> String {
        let bands = AnalysisBand.allCases.map { band in
            "\(band.rawValue) \(summary.unitsByBand[band] ?? 0) (\(summary.wordsByBand[band] ?? 0) words)"
        }
        return "\(counted(summary.units, "unit")), \(counted(summary.words, "word")): " + bands.joined(separator: ", ")
    }
}
