/// Text made safe for XML 1.0: markup characters escaped, characters XML forbids dropped.
enum XMLText {
    /// Bytes that may need escaping or dropping: markup, control characters, and the first byte
    /// of U+FFFE and U+FFFF.
    private static let attention: [UInt8] = (0 ... 255).map { byte in
        byte < 0x20 || byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0xEF ? 1 : 0
    }

    /// Appends a literal.
    static func put(_ literal: StaticString, to output: inout [UInt8]) {
        output.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// Whether XML 1.0 allows the scalar in a document.
    static func isAllowed(_ value: UInt32) -> Bool {
        switch value {
        case 0x09, 0x0A, 0x0D: return true
        case 0x20 ... 0xD7FF, 0xE000 ... 0xFFFD, 0x10000 ... 0x10FFFF: return true
        default: return false
        }
    }

    /// The text without the characters XML 1.0 forbids, as an export writes it.
    static func allowedOnly(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { !isAllowed($0.value) }) else { return text }
        var kept = String.UnicodeScalarView()
        kept.append(contentsOf: text.unicodeScalars.filter { isAllowed($0.value) })
        return String(kept)
    }

    /// Appends `text` escaped for element content or a quoted attribute; returns how many
    /// forbidden characters were dropped. A carriage return is written as `&#13;` and, in
    /// attributes, line feeds and tabs as references, so that parsers keep them.
    @discardableResult
    static func append(_ text: String, attribute: Bool = false, to output: inout [UInt8]) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            var dropped = 0
            var runStart = 0
            var index = 0
            let count = bytes.count
            func flushRun() {
                if runStart < index { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart ..< index])) }
            }
            while index < count {
                let byte = bytes[index]
                if attention[Int(byte)] == 0 {
                    index += 1
                    continue
                }
                var replacement: StaticString?
                var skip = 0
                switch byte {
                case 0x26: replacement = "&amp;"
                case 0x3C: replacement = "&lt;"
                case 0x3E: replacement = "&gt;"
                case 0x22 where attribute: replacement = "&quot;"
                case 0x0D: replacement = "&#13;"
                case 0x0A where attribute: replacement = "&#10;"
                case 0x09 where attribute: replacement = "&#9;"
                case 0x09, 0x0A: break
                case 0x00 ..< 0x20: skip = 1
                case 0xEF where index + 2 < count && bytes[index + 1] == 0xBF && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF):
                    skip = 3
                default: break
                }
                if let replacement {
                    flushRun()
                    output.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                    index += 1
                    runStart = index
                } else if skip > 0 {
                    flushRun()
                    dropped += 1
                    index += skip
                    runStart = index
                } else {
                    index += 1
                }
            }
            flushRun()
            return dropped
        }
    }
}
