import Foundation

/// What to write for a unit that has no rendering yet.
public enum UntranslatedUnits: String, Sendable, CaseIterable {
    /// Its Arabic, as it was.
    case source
    /// Nothing.
    case skip
}

/// What writing an English document did.
public struct EnglishDocumentOutcome: Sendable, Equatable {
    public var paragraphs = 0
    public var translated = 0
    public var untranslated = 0
}

/// A stored document written in English in its original format (DOCX, HTML) or as plain text:
/// every original paragraph in order, each unit replaced by its current rendering with its codes
/// where the rendering put them, everything else as it was.
public enum EnglishDocument {
    public enum Format: String, Sendable {
        case docx, html, text

        /// The format a file name's extension names (.docx, .html/.htm/.xhtml, .txt).
        public init?(path: String) {
            switch URL(fileURLWithPath: path).pathExtension.lowercased() {
            case "docx": self = .docx
            case "html", "htm", "xhtml": self = .html
            case "txt", "text": self = .text
            default: return nil
            }
        }
    }

    /// Writes document `id` to `path` in `format`.
    public static func write(_ store: TranslationStore, document id: Int64, to path: String, format: Format,
                             untranslated: UntranslatedUnits = .source) throws(TarjumanError) -> EnglishDocumentOutcome {
        let content = try store.documentContent(id)
        var outcome = EnglishDocumentOutcome()
        for unit in content.units {
            if unit.rendering == nil { outcome.untranslated += 1 } else { outcome.translated += 1 }
        }
        let bytes: Data
        switch (format, content.format) {
        case (.text, nil):
            bytes = Data(plainText(content, untranslated: untranslated, outcome: &outcome).utf8)
        case (.docx, .docx?), (.html, .html?), (.text, _):
            guard let original = content.bytes, let kind = content.format else { throw wrongFormat(id, format, content) }
            // An HTML page is parsed once, for its paragraphs and for writing it.
            let page = kind == .html ? try HTMLPage(data: original, origin: content.name) : nil
            let paragraphs: [FormattedParagraph]
            if let page { paragraphs = page.paragraphs } else { paragraphs = try kind.paragraphs(of: original, origin: content.name).paragraphs }
            guard FormattedDocument.text(of: paragraphs) == content.text else {
                throw .cannotExportDocument(id, reason: "its file reads differently now than when it was imported (by an earlier Tarjuman); import \(content.name) again and pretranslate it from the memory")
            }
            let plan = Plan(content, paragraphs: paragraphs, untranslated: untranslated)
            outcome.paragraphs = paragraphs.count
            switch format {
            case .text:
                bytes = Data(plan.text().utf8)
            case .html:
                guard let page else { throw wrongFormat(id, format, content) }
                bytes = page.write(english: plan.pieces)
            case .docx:
                try DocumentFormat.withTemporaryFile(original) { (source: String) throws(TarjumanError) in
                    try WordDocument.write(original: source, origin: content.name, to: path, english: plan.pieces)
                }
                return outcome
            }
        default:
            throw wrongFormat(id, format, content)
        }
        try writeAtomically(bytes, to: path)
        return outcome
    }

    private static func wrongFormat(_ id: Int64, _ format: Format, _ content: StoredDocumentContent) -> TarjumanError {
        let original = content.format?.rawValue.uppercased() ?? "a text file"
        let choices = content.format.map { "as .\($0.fileExtension) or .txt" } ?? "as .txt"
        return .cannotExportDocument(id, reason: "it was imported from \(original) (\(content.name)), so it can be written \(choices), not as .\(format == .text ? "txt" : format.rawValue)")
    }

    static func writeAtomically(_ bytes: Data, to path: String) throws(TarjumanError) {
        do {
            try bytes.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw .unreadableFile(path, reason: "it cannot be written: \(error.localizedDescription)")
        }
    }

    /// A text document in English: its text with each unit replaced, paragraph breaks and all
    /// else kept.
    private static func plainText(_ content: StoredDocumentContent, untranslated: UntranslatedUnits,
                                  outcome: inout EnglishDocumentOutcome) -> String {
        let scalars = Array(content.text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var position = 0
        for unit in content.units {
            let start = min(max(unit.start, position), scalars.count), end = min(max(unit.end, start), scalars.count)
            result.append(contentsOf: scalars[position ..< start])
            if let rendering = unit.rendering {
                result.append(contentsOf: rendering.unicodeScalars)
            } else if untranslated == .source {
                result.append(contentsOf: scalars[start ..< end])
            }
            position = end
        }
        result.append(contentsOf: scalars[position...])
        outcome.paragraphs = content.text.components(separatedBy: "\n\n").count
        return String(result)
    }

    /// Which units go into which paragraph, and the English pieces of each paragraph.
    private struct Plan {
        let paragraphs: [FormattedParagraph]
        let members: [[StoredDocumentContent.Unit]]
        let plans: [[UnitCodePlan]]
        let untranslated: UntranslatedUnits

        init(_ content: StoredDocumentContent, paragraphs: [FormattedParagraph], untranslated: UntranslatedUnits) {
            self.paragraphs = paragraphs
            self.untranslated = untranslated
            let starts = FormattedDocument.starts(of: paragraphs)
            let groups = FormattedDocument.group(content.units.map { ($0.start, $0.end) }, starts: starts)
            members = groups.map { $0.map { content.units[$0] } }
            plans = groups.indices.map { paragraph in
                let start = starts[paragraph]
                return UnitCodePlan.plans(paragraphs[paragraph], units: groups[paragraph].map {
                    content.units[$0].start - start ..< content.units[$0].end - start
                })
            }
        }

        /// The pieces of paragraph `index`; nil when it stays as it was (nothing rendered, sources kept).
        func pieces(_ index: Int, _ paragraph: FormattedParagraph) -> [ParagraphPiece]? {
            let units = members[index]
            if untranslated == .source, units.allSatisfy({ $0.rendering == nil }) { return nil }
            var pieces: [ParagraphPiece] = []
            for (offset, unit) in units.enumerated() {
                guard unit.rendering != nil || untranslated == .source else { continue }
                let piece = ParagraphPiece.unit(plans[index][offset], rendering: unit.rendering, source: unit.text)
                // Units are parted by a space, unless a line break or tab already parts them.
                var parted = false
                if case .point(let code)? = pieces.last { parted = paragraph.codes[code].end > paragraph.codes[code].start }
                if !pieces.isEmpty, !piece.isEmpty, !parted { pieces.append(.text(" ")) }
                pieces += piece
            }
            return pieces
        }

        /// The English as plain text, a blank line between paragraphs.
        func text() -> String {
            var result: [String] = []
            for index in paragraphs.indices {
                guard let pieces = pieces(index, paragraphs[index]) else {
                    result.append(paragraphs[index].text.trimmingCharacters(in: .whitespaces))
                    continue
                }
                var text = ""
                for piece in pieces {
                    switch piece {
                    case .text(let value): text += value
                    case .point(let code):
                        switch paragraphs[index].codes[code].kind {
                        case .tab: text += "\t"
                        case .lineBreak: text += "\n"
                        default: break
                        }
                    case .open, .close: break
                    }
                }
                text = text.trimmingCharacters(in: .whitespaces)
                if !text.isEmpty { result.append(text) }
            }
            return result.joined(separator: "\n\n") + "\n"
        }
    }
}
