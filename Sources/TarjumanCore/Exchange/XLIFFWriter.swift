import Foundation
import GRDB

/// Writes documents as XLIFF 1.2 for translation in another CAT tool: one `file` per document,
/// one `trans-unit` per unit (its id is the unit id), with the current rendering as `target`
/// and its state (`translated` for a draft, `needs-review-translation` for an aligned one,
/// `signed-off` and `approved="yes"` for an approved one); units without a rendering have no `target`.
public struct XLIFFWriter: Sendable, ExportWriter {
    public let database: TarjumanDatabase
    public var toolVersion = TarjumanVersion.current

    public init(database: TarjumanDatabase) {
        self.database = database
    }

    /// Writes the selected units to `path`; the file is complete or absent.
    public func export(to path: String, options: ExportOptions = ExportOptions(), at date: Date = Date()) throws(TarjumanError) -> ExportOutcome {
        try exportFile(to: path, options: options, at: date)
    }

    func write(to file: ExportFile, options: ExportOptions, at date: Date, _ db: Database) throws -> ExportOutcome {
        var output = ExportFile.buffer()
        XMLText.put("""
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">

            """, to: &output)
        let stamp = ISO8601DateFormatter().string(from: date)
        var count = 0
        var dropped: [(unit: UnitID, count: Int)] = []
        var openDocument: Int64?
        func closeFile() {
            if openDocument != nil { XMLText.put("    </body>\n  </file>\n", to: &output) }
        }
        var options = options
        options.documentsOnly = true
        try ExportSelection.scan(options, includeUnrendered: true, db) { unit in
            var droppedHere = 0
            if openDocument != unit.id.document {
                closeFile()
                openDocument = unit.id.document
                XMLText.put("  <file original=\"", to: &output)
                XMLText.append(unit.documentName, attribute: true, to: &output)
                XMLText.put("\" source-language=\"ar\" target-language=\"en\" datatype=\"plaintext\" date=\"", to: &output)
                output += Array(stamp.utf8)
                XMLText.put("\" tool-id=\"tarjuman\">\n    <header>\n      <tool tool-id=\"tarjuman\" tool-name=\"Tarjuman\" tool-version=\"", to: &output)
                XMLText.append(toolVersion, attribute: true, to: &output)
                XMLText.put("\"/>\n    </header>\n    <body>\n", to: &output)
            }
            XMLText.put("      <trans-unit id=\"", to: &output)
            output += Array(unit.id.description.utf8)
            XMLText.put("\" xml:space=\"preserve\"", to: &output)
            if unit.chosen?.isApproved == true { XMLText.put(" approved=\"yes\"", to: &output) }
            XMLText.put(">\n        <source xml:lang=\"ar\">", to: &output)
            droppedHere += Self.appendInline(TaggedText.sourcePieces(unit.text, codes: unit.codes), codes: unit.codes, to: &output)
            XMLText.put("</source>\n", to: &output)
            if let chosen = unit.chosen {
                XMLText.put("        <target xml:lang=\"en\" state=\"", to: &output)
                XMLText.put(chosen.isApproved ? "signed-off" : [RenderingStatus.aligned.rawValue, RenderingStatus.rejected.rawValue].contains(chosen.status) ? "needs-review-translation" : "translated", to: &output)
                XMLText.put("\">", to: &output)
                droppedHere += Self.appendInline(TaggedText.pieces(chosen.text, codes: unit.codes), codes: unit.codes, to: &output)
                XMLText.put("</target>\n", to: &output)
                if let note = chosen.note {
                    XMLText.put("        <note>", to: &output)
                    droppedHere += XMLText.append(note, to: &output)
                    XMLText.put("</note>\n", to: &output)
                }
            }
            XMLText.put("      </trans-unit>\n", to: &output)
            if droppedHere > 0 { dropped.append((unit.id, droppedHere)) }
            count += 1
            try file.flush(&output)
        }
        closeFile()
        XMLText.put("</xliff>\n", to: &output)
        try file.flush(&output, force: true)
        return ExportOutcome(units: count, droppedCharacters: dropped)
    }

    /// Writes text with its codes as XLIFF inline elements: `<g id="b1" ctype="bold">` around
    /// what a paired code covers, `<x id="f2" ctype="x-footnote"/>` for a standalone one (the id is
    /// the tag, so that a file translated elsewhere comes back with its codes in place).
    static func appendInline(_ pieces: [TaggedText.Piece], codes: [InlineCode], to output: inout [UInt8]) -> Int {
        var dropped = 0
        var open: [Int] = []
        for piece in TaggedText.nested(pieces) {
            switch piece {
            case .text(let text):
                dropped += XMLText.append(text, to: &output)
            case .open(let index):
                open.append(index)
                XMLText.put("<g id=\"", to: &output)
                XMLText.append(codes[index].tag, attribute: true, to: &output)
                XMLText.put("\" ctype=\"", to: &output)
                output += Array(ctype(codes[index].kind).utf8)
                XMLText.put("\">", to: &output)
            case .close:
                _ = open.popLast()
                XMLText.put("</g>", to: &output)
            case .point(let index):
                XMLText.put("<x id=\"", to: &output)
                XMLText.append(codes[index].tag, attribute: true, to: &output)
                XMLText.put("\" ctype=\"", to: &output)
                output += Array(ctype(codes[index].kind).utf8)
                XMLText.put("\"/>", to: &output)
            }
        }
        return dropped
    }

    /// XLIFF 1.2's content type for a kind of code (its own names where it has one).
    static func ctype(_ kind: InlineCode.Kind) -> String {
        switch kind {
        case .bold: "bold"
        case .italic: "italic"
        case .underline: "underlined"
        case .link: "link"
        case .lineBreak: "lb"
        default: "x-" + kind.rawValue
        }
    }
}
