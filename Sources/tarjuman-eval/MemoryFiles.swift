import Foundation
import TarjumanCore
import TarjumanEvaluation

/// Writes benchmark memories as the files users import: a TSV (source, target) and a TMX 1.4.
enum MemoryFiles {
    static func write(_ pairs: [TranslationPair], tsv: URL, tmx: URL) throws {
        FileManager.default.createFile(atPath: tsv.path, contents: nil)
        FileManager.default.createFile(atPath: tmx.path, contents: nil)
        guard let tsvFile = FileHandle(forWritingAtPath: tsv.path), let tmxFile = FileHandle(forWritingAtPath: tmx.path) else {
            throw CocoaError(.fileWriteUnknown)
        }
        defer {
            try? tsvFile.close()
            try? tmxFile.close()
        }
        var tsvBuffer = Array("source\ttarget\n".utf8)
        var tmxBuffer = Array("""
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4"><header creationtool="bench" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="ar" datatype="plaintext"/>
            <body>

            """.utf8)
        func field(_ text: String) -> String {
            String(text.map { $0 == "\t" || $0.isNewline ? " " : $0 })
        }
        func escaped(_ text: String, into buffer: inout [UInt8]) {
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "&"): buffer += Array("&amp;".utf8)
                case UInt8(ascii: "<"): buffer += Array("&lt;".utf8)
                case UInt8(ascii: ">"): buffer += Array("&gt;".utf8)
                default: buffer.append(byte)
                }
            }
        }
        for pair in pairs {
            tsvBuffer += Array(field(pair.source).utf8)
            tsvBuffer.append(0x09)
            tsvBuffer += Array(field(pair.target).utf8)
            tsvBuffer.append(0x0A)
            tmxBuffer += Array("<tu><tuv xml:lang=\"ar\"><seg>".utf8)
            escaped(pair.source, into: &tmxBuffer)
            tmxBuffer += Array("</seg></tuv><tuv xml:lang=\"en\"><seg>".utf8)
            escaped(pair.target, into: &tmxBuffer)
            tmxBuffer += Array("</seg></tuv></tu>\n".utf8)
            if tsvBuffer.count > 1 << 20 {
                try tsvFile.write(contentsOf: tsvBuffer)
                tsvBuffer.removeAll(keepingCapacity: true)
            }
            if tmxBuffer.count > 1 << 20 {
                try tmxFile.write(contentsOf: tmxBuffer)
                tmxBuffer.removeAll(keepingCapacity: true)
            }
        }
        tmxBuffer += Array("</body></tmx>\n".utf8)
        try tsvFile.write(contentsOf: tsvBuffer)
        try tmxFile.write(contentsOf: tmxBuffer)
    }
}
