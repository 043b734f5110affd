import Foundation
import GRDB

/// Writes rendered units as TMX 1.4b, streamed: one `tu` per unit with its current rendering
/// (its current rendering), read from the database with a cursor and
/// written in blocks, so memory stays flat whatever the size.
public struct TMXWriter: Sendable, ExportWriter {
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
        output += Array("""
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE tmx SYSTEM "tmx14.dtd">
            <tmx version="1.4">
              <header creationtool="Tarjuman" creationtoolversion="
            """.utf8)
        XMLText.append(toolVersion, attribute: true, to: &output)
        output += Array("""
            " segtype="sentence" o-tmf="Tarjuman" adminlang="en" srclang="ar" datatype="plaintext" creationdate="\(Self.timestamp(date))"/>
              <body>

            """.utf8)
        var count = 0
        var dropped: [(unit: UnitID, count: Int)] = []
        try ExportSelection.scan(options, includeUnrendered: false, db) { unit in
            guard let chosen = unit.chosen, let first = unit.first else { return }
            var droppedHere = 0
            XMLText.put("    <tu tuid=\"", to: &output)
            output.append(contentsOf: unit.id.description.utf8)
            XMLText.put("\" creationdate=\"", to: &output)
            Self.appendTimestamp(stored: first.createdAt, to: &output)
            output.append(0x22)
            droppedHere += Self.appendAttribute(" creationid=\"", first.translator, to: &output)
            XMLText.put(" changedate=\"", to: &output)
            Self.appendTimestamp(stored: chosen.createdAt, to: &output)
            output.append(0x22)
            droppedHere += Self.appendAttribute(" changeid=\"", chosen.translator, to: &output)
            XMLText.put(">\n", to: &output)
            if let note = chosen.note {
                for line in note.split(separator: "\n", omittingEmptySubsequences: false) {
                    XMLText.put("      <note>", to: &output)
                    droppedHere += XMLText.append(String(line), to: &output)
                    XMLText.put("</note>\n", to: &output)
                }
            }
            if let json = chosen.properties, let properties = try? JSONDecoder().decode([MemoryProperty].self, from: Data(json.utf8)) {
                for property in properties {
                    XMLText.put("      <prop type=\"", to: &output)
                    droppedHere += XMLText.append(property.type, attribute: true, to: &output)
                    XMLText.put("\">", to: &output)
                    droppedHere += XMLText.append(property.value, to: &output)
                    XMLText.put("</prop>\n", to: &output)
                }
            }
            let described: [(StaticString, String?)] = [
                ("x-document", unit.documentName), ("x-status", chosen.status),
                ("x-context-prev", unit.previous), ("x-context-next", unit.next),
            ]
            for case let (type, value?) in described {
                XMLText.put("      <prop type=\"", to: &output)
                XMLText.put(type, to: &output)
                XMLText.put("\">", to: &output)
                droppedHere += XMLText.append(value, to: &output)
                XMLText.put("</prop>\n", to: &output)
            }
            XMLText.put("      <tuv xml:lang=\"ar\"><seg>", to: &output)
            if unit.codes.isEmpty {
                droppedHere += XMLText.append(unit.text, to: &output)
            } else {
                droppedHere += Self.appendInline(TaggedText.sourcePieces(unit.text, codes: unit.codes), codes: unit.codes, to: &output)
            }
            XMLText.put("</seg></tuv>\n      <tuv xml:lang=\"en\"><seg>", to: &output)
            if unit.codes.isEmpty {
                droppedHere += XMLText.append(chosen.text, to: &output)
            } else {
                droppedHere += Self.appendInline(TaggedText.pieces(chosen.text, codes: unit.codes), codes: unit.codes, to: &output)
            }
            XMLText.put("</seg></tuv>\n    </tu>\n", to: &output)
            if droppedHere > 0 { dropped.append((unit.id, droppedHere)) }
            count += 1
            try file.flush(&output)
        }
        XMLText.put("  </body>\n</tmx>\n", to: &output)
        try file.flush(&output, force: true)
        return ExportOutcome(units: count, droppedCharacters: dropped)
    }

    /// Appends ` name="value"` (given with its opening quote) when there is a value; returns the
    /// characters dropped from it.
    static func appendAttribute(_ opening: StaticString, _ value: String?, to output: inout [UInt8]) -> Int {
        guard let value else { return 0 }
        XMLText.put(opening, to: &output)
        let dropped = XMLText.append(value, attribute: true, to: &output)
        output.append(0x22)
        return dropped
    }

    /// Appends a date as stored by GRDB (`YYYY-MM-DD hh:mm:ss.SSS`, UTC) in TMX form.
    static func appendTimestamp(stored: String, to output: inout [UInt8]) {
        var digits = 0
        for byte in stored.utf8 where byte >= 0x30 && byte <= 0x39 {
            if digits == 8 { output.append(0x54) }
            output.append(byte)
            digits += 1
            if digits == 14 { break }
        }
        output.append(0x5A)
    }

    /// `YYYYMMDDThhmmssZ` in UTC, as TMX wants its dates.
    static func timestamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!, parts.second!)
    }

    /// Writes a segment with its codes as TMX inline elements, the tag as their content (as
    /// OmegaT writes its tags): `<bpt i="1">&lt;b1&gt;</bpt>…<ept i="1">&lt;/b1&gt;</ept>`, `<ph>&lt;f2/&gt;</ph>`.
    static func appendInline(_ pieces: [TaggedText.Piece], codes: [InlineCode], to output: inout [UInt8]) -> Int {
        var dropped = 0
        for piece in TaggedText.nested(pieces) {
            switch piece {
            case .text(let text):
                dropped += XMLText.append(text, to: &output)
            case .open(let index):
                XMLText.put("<bpt i=\"", to: &output)
                output += Array(String(index + 1).utf8)
                XMLText.put("\">", to: &output)
                XMLText.append(codes[index].openingTag, to: &output)
                XMLText.put("</bpt>", to: &output)
            case .close(let index):
                XMLText.put("<ept i=\"", to: &output)
                output += Array(String(index + 1).utf8)
                XMLText.put("\">", to: &output)
                XMLText.append(codes[index].closingTag ?? "", to: &output)
                XMLText.put("</ept>", to: &output)
            case .point(let index):
                XMLText.put("<ph x=\"", to: &output)
                output += Array(String(index + 1).utf8)
                XMLText.put("\">", to: &output)
                XMLText.append(codes[index].openingTag, to: &output)
                XMLText.put("</ph>", to: &output)
            }
        }
        return dropped
    }
}
