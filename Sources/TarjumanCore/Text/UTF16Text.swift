/// A text as UTF-16 code units (what ICU works on), read by the segmentation rules one
/// character at a time. Offsets are code unit offsets; a surrogate half reads as U+FFFD.
///
/// It keeps the text's UTF-8 beside it, so that pieces of the text are cut out without
/// transcoding, and converts code unit offsets to Unicode scalar offsets.
struct UTF16Text {
    private(set) var units: [UInt16]
    private let utf8: [UInt8]
    private let original: String
    /// UTF-16 offsets of the high surrogates, in order (empty for most Arabic text).
    private let pairStarts: [Int]

    init(_ text: String) {
        var utf8 = Array(text.utf8)
        var units = [UInt16](repeating: 0, count: utf8.count)
        var pairStarts: [Int] = []
        var count = 0
        utf8.withUnsafeMutableBufferPointer { bytes in
            units.withUnsafeMutableBufferPointer { out in
                var index = 0
                let end = bytes.count
                while index < end {
                    let lead = UInt32(bytes[index])
                    if lead < 0x80 {
                        out[count] = UInt16(lead)
                        index += 1
                    } else if lead < 0xE0 {
                        out[count] = UInt16((lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F))
                        index += 2
                    } else if lead < 0xF0 {
                        out[count] = UInt16((lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6
                            | UInt32(bytes[index + 2] & 0x3F))
                        index += 3
                    } else {
                        let scalar = (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                            | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
                        pairStarts.append(count)
                        out[count] = UInt16(0xD800 + ((scalar - 0x10000) >> 10))
                        count += 1
                        out[count] = UInt16(0xDC00 + ((scalar - 0x10000) & 0x3FF))
                        index += 4
                    }
                    count += 1
                }
            }
        }
        units.removeLast(units.count - count)
        self.units = units
        self.utf8 = utf8
        self.pairStarts = pairStarts
        self.original = text
    }

    var count: Int { units.count }

    subscript(index: Int) -> Unicode.Scalar {
        let unit = units[index]
        if unit & 0xF800 == 0xD800 { return "\u{FFFD}" }
        return Unicode.Scalar(unit) ?? "\u{FFFD}"
    }

    subscript(range: Range<Int>) -> [Unicode.Scalar] {
        range.map { self[$0] }
    }

    /// Replaces every line break with a space, keeping all offsets.
    mutating func replaceLineBreaksWithSpaces() {
        units.withUnsafeMutableBufferPointer { buffer in
            for index in buffer.indices where ScalarClass.isLineBreak(UInt32(buffer[index])) {
                buffer[index] = 0x20
            }
        }
    }

    /// Walks the UTF-8 beside the UTF-16, for offsets asked in increasing order.
    struct Cursor {
        var unit = 0
        var byte = 0
        var scalar = 0
    }

    /// Moves `cursor` to UTF-16 offset `unit` (not inside a surrogate pair; not behind the cursor).
    func advance(_ cursor: inout Cursor, to unit: Int) {
        utf8.withUnsafeBufferPointer { bytes in
            while cursor.unit < unit {
                let lead = bytes[cursor.byte]
                let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                cursor.byte += length
                cursor.unit += length == 4 ? 2 : 1
                cursor.scalar += 1
            }
        }
    }

    /// The original text between two cursors.
    func string(from start: Cursor, to end: Cursor) -> String {
        let view = original.utf8
        let lower = view.index(view.startIndex, offsetBy: start.byte)
        let upper = view.index(lower, offsetBy: end.byte - start.byte)
        return String(original[lower ..< upper])
    }

    /// The original text of a UTF-16 range.
    func string(_ range: Range<Int>) -> String {
        var start = Cursor()
        advance(&start, to: range.lowerBound)
        var end = start
        advance(&end, to: range.upperBound)
        return string(from: start, to: end)
    }

    var hasSupplementaryCharacters: Bool { !pairStarts.isEmpty }
}
