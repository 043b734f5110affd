import Foundation

/// What must hold for any input read as a DOCX part, a DOCX file or an HTML page, for the fuzz
/// targets: codes lie inside their paragraph's text, and a part written again (unchanged, or every
/// paragraph rebuilt from its own text and codes) reads back with the same paragraphs.
package enum DocumentInvariants {
    package static func problems(_ data: Data) -> [String] {
        var problems: [String] = []
        problems += wordPart(data)
        if let page = try? HTMLPage(data: data, origin: "fuzz.html") {
            problems += bounds(page.paragraphs, "HTML")
            let rebuilt = page.write { _, paragraph in whole(paragraph) }
            if (try? HTMLPage(data: rebuilt, origin: "again.html")) == nil, !page.paragraphs.isEmpty {
                problems.append("HTML: the page written again cannot be read")
            }
        }
        if let document = try? FormattedDocument(bytes: data, format: .docx, origin: "fuzz.docx") {
            problems += bounds(document.paragraphs, "DOCX")
        }
        return problems
    }

    /// The paragraph's own text and codes as pieces: what writing it unchanged from its units gives.
    static func whole(_ paragraph: FormattedParagraph) -> [ParagraphPiece] {
        let count = paragraph.text.unicodeScalars.count
        guard count > 0 else { return [] }
        let plan = UnitCodePlan.plans(paragraph, units: [0 ..< count])[0]
        return ParagraphPiece.unit(plan, rendering: nil, source: paragraph.text)
    }

    static func bounds(_ paragraphs: [FormattedParagraph], _ format: String) -> [String] {
        var problems: [String] = []
        for paragraph in paragraphs {
            let count = paragraph.text.unicodeScalars.count
            for code in paragraph.codes where code.start < 0 || code.start > code.end || code.end > count {
                problems.append("\(format): a code at \(code.start)..<\(code.end) outside a paragraph of \(count)")
            }
        }
        return problems
    }

    static func wordPart(_ data: Data) -> [String] {
        func read(_ data: Data) -> [String]? {
            var texts: [String] = []
            guard (try? WordDocument.process(data, origin: "fuzz.xml", writes: false, paragraph: { texts.append($0.paragraph.text) })) != nil else { return nil }
            return texts
        }
        func written(rebuild: Bool) -> Data? {
            var paragraphs: [WordParagraph] = []
            return try? WordDocument.process(data, origin: "fuzz.xml", writes: true, paragraph: { paragraphs.append($0) }) {
                if rebuild { for paragraph in paragraphs.reversed() { paragraph.rebuild(whole(paragraph.paragraph)) } }
                paragraphs.removeAll()
            } ?? nil
        }
        guard let original = read(data) else { return [] }
        var problems: [String] = []
        for rebuild in [false, true] {
            guard let output = written(rebuild: rebuild) else {
                problems.append("DOCX part: read but not written again (rebuilt: \(rebuild))")
                continue
            }
            let again = read(output)
            if again != original {
                problems.append("DOCX part: written again (rebuilt: \(rebuild)), it reads \(again.map { "\($0.count) different paragraphs" } ?? "as malformed") instead of \(original.count)")
            }
        }
        return problems
    }
}
