/// Text made safe for XML 1.0: markup characters escaped, characters XML forbids dropped.
enum XMLText {
    /// Whether XML 1.0 allows the scalar in a document.
    static func isAllowed(_ value: UInt32) -> Bool {
        switch value {
        case 0x09, 0x0A, 0x0D: return true
        case 0x20 ... 0xD7FF, 0xE000 ... 0xFFFD, 0x10000 ... 0x10FFFF: return true
        default: return false
        }
    }

    /// Appends `text` escaped for element content or a quoted attribute; returns how many
    /// forbidden characters were dropped. A carriage return is written as `&#13;` and, in
    /// attributes, line feeds and tabs as references, so that parsers keep them.
    @discardableResult
    static func append(_ text: String, attribute: Bool = false, to output: inout [UInt8]) -> Int {
        var dropped = 0
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x26: output += Array("&amp;".utf8)
            case 0x3C: output += Array("&lt;".utf8)
            case 0x3E: output += Array("&gt;".utf8)
            case 0x22 where attribute: output += Array("&quot;".utf8)
            case 0x0D: output += Array("&#13;".utf8)
            case 0x0A where attribute: output += Array("&#10;".utf8)
            case 0x09 where attribute: output += Array("&#9;".utf8)
            case let value where !isAllowed(value): dropped += 1
            default: output.append(contentsOf: UTF8.encode(scalar)!)
            }
        }
        return dropped
    }
}
