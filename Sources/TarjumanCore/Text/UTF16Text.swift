import CTextDecoding

/// A text as UTF-16 code units (what ICU works on), read by the segmentation rules one
/// character at a time. Offsets are code unit offsets; a surrogate half reads as U+FFFD.
///
/// Line breaks read as spaces (hard wraps never end a sentence); where they were is kept for
/// finding paragraphs, and so is every character a rule starts from (`…` and closing quotes),
/// all found in the one pass that decodes the text. The text's UTF-8 stays beside it, so that
/// pieces are cut out without transcoding.
struct UTF16Text {
    /// A line break: where it is, how many code units it takes (2 for CRLF), whether it is U+2029
    /// (always a paragraph end) or a line separator inside a paragraph (VT, U+2028).
    struct LineBreak {
        let position: Int
        let length: Int
        let endsParagraph: Bool
        let insideParagraph: Bool
    }

    /// The code units, in the scratch buffers of the segmenter that made this text.
    let units: UnsafeBufferPointer<UInt16>
    /// The line breaks, in order.
    let lineBreaks: [LineBreak]
    /// Offsets of `…` and of closing quotation marks (`"` `”` `»`), in order.
    let marks: [Int]
    private let original: String
    /// Holds the buffers `units` points into, and where the last piece was cut.
    private let scratch: DecodingScratch
    /// UTF-16 offsets of the surrogate pairs, in order (empty for most Arabic text).
    private let pairs: [Int]

    /// Decodes `text` into `scratch`, whose buffers it then uses (until the next text).
    init(_ text: String, scratch: DecodingScratch) {
        var original = text
        original.makeContiguousUTF8()
        let length = original.utf8.count
        scratch.reserve(length)
        var count = 0
        var breakCount: Int32 = 0
        var markCount: Int32 = 0
        var pairCount: Int32 = 0
        original.utf8.withContiguousStorageIfAvailable { bytes in
            count = Int(tj_decode_for_segmentation(
                bytes.baseAddress, Int32(length), scratch.units,
                scratch.breaks, &breakCount, scratch.marks, &markCount, scratch.pairs, &pairCount))
        }
        units = UnsafeBufferPointer(start: scratch.units, count: count)
        scratch.cursor = (0, 0)
        lineBreaks = UnsafeBufferPointer(start: scratch.breaks, count: Int(breakCount)).map { raw in
            LineBreak(position: Int(raw >> 3), length: raw & 1 == 1 ? 2 : 1, endsParagraph: raw & 2 == 2, insideParagraph: raw & 4 == 4)
        }
        marks = UnsafeBufferPointer(start: scratch.marks, count: Int(markCount)).map(Int.init)
        pairs = UnsafeBufferPointer(start: scratch.pairs, count: Int(pairCount)).map(Int.init)
        self.original = original
        self.scratch = scratch
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

    /// The Unicode scalar offset of UTF-16 offset `unit` (not inside a surrogate pair).
    func scalarOffset(ofUnit unit: Int) -> Int {
        guard !pairs.isEmpty else { return unit }
        var low = 0
        var high = pairs.count
        while low < high {
            let middle = (low + high) / 2
            if pairs[middle] < unit { low = middle + 1 } else { high = middle }
        }
        return unit - low
    }

    /// The original text of a UTF-16 range, cut from the UTF-8 without transcoding. Fastest
    /// when ranges come in text order, as units do.
    func string(_ range: Range<Int>) -> String {
        let lower = byteOffset(ofUnit: range.lowerBound)
        let upper = byteOffset(ofUnit: range.upperBound)
        let view = original.utf8
        let start = view.index(view.startIndex, offsetBy: lower)
        return String(original[start ..< view.index(start, offsetBy: upper - lower)])
    }

    /// The UTF-8 offset of UTF-16 offset `unit`, counted on from the last one asked for.
    private func byteOffset(ofUnit unit: Int) -> Int {
        if unit < scratch.cursor.unit { scratch.cursor = (0, 0) }
        let (from, fromByte) = scratch.cursor
        let byte = original.utf8.withContiguousStorageIfAvailable { bytes in
            Int(tj_utf8_advance(bytes.baseAddress, Int32(bytes.count), Int32(fromByte), Int32(unit - from)))
        } ?? 0
        scratch.cursor = (unit, byte)
        return byte
    }
}

/// Buffers a segmenter decodes into, kept from one text to the next so that memory is not
/// allocated and faulted in anew for every text.
final class DecodingScratch {
    private(set) var capacity = 0
    private(set) var units = UnsafeMutablePointer<UInt16>.allocate(capacity: 1)
    private(set) var breaks = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
    private(set) var marks = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
    private(set) var pairs = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
    /// The last UTF-16 offset turned into a UTF-8 offset, and that offset.
    var cursor = (unit: 0, byte: 0)

    /// Makes room for a text of `length` UTF-8 bytes.
    func reserve(_ length: Int) {
        guard length > capacity else { return }
        deallocate()
        capacity = max(length, capacity * 2)
        units = .allocate(capacity: capacity)
        breaks = .allocate(capacity: capacity)
        marks = .allocate(capacity: capacity)
        pairs = .allocate(capacity: capacity)
    }

    deinit {
        deallocate()
    }

    private func deallocate() {
        units.deallocate()
        breaks.deallocate()
        marks.deallocate()
        pairs.deallocate()
    }
}
