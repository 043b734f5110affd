import CICU

/// The normalized search key of a piece of Arabic text, with a map from every key
/// position back to the display text it came from.
///
/// Every lookup in Tarjuman compares keys made here; display text is never changed.
public struct ArabicSearchKey: Sendable, Equatable {
    /// The key's scalars.
    public let scalars: [Unicode.Scalar]
    /// For key scalar `i`, the display scalars `displayStart[i] ..< displayEnd[i]` it came from.
    public let displayStart: [Int]
    public let displayEnd: [Int]

    /// The key as a string.
    public var text: String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// The display range (Unicode scalar offsets) covered by the key range `keyRange`.
    public func displayRange(of keyRange: Range<Int>) -> Range<Int> {
        precondition(!keyRange.isEmpty && keyRange.upperBound <= scalars.count, "key range out of bounds")
        return displayStart[keyRange.lowerBound] ..< displayEnd[keyRange.upperBound - 1]
    }

    /// Makes the search key of `display`.
    public init(_ display: String) {
        self.init(scalars: Array(display.unicodeScalars))
    }

    /// Makes the search key of a display text given as scalars.
    public init(scalars display: [Unicode.Scalar]) {
        let normalized = Self.nfkc(display)
        var keyScalars: [Unicode.Scalar] = []
        var starts: [Int] = []
        var ends: [Int] = []
        keyScalars.reserveCapacity(normalized.scalars.count)
        starts.reserveCapacity(normalized.scalars.count)
        ends.reserveCapacity(normalized.scalars.count)
        var pendingSpace: (start: Int, end: Int)?

        func emit(_ scalar: Unicode.Scalar, _ start: Int, _ end: Int) {
            if let space = pendingSpace {
                if !keyScalars.isEmpty {
                    keyScalars.append(" ")
                    starts.append(space.start)
                    ends.append(space.end)
                }
                pendingSpace = nil
            }
            keyScalars.append(scalar)
            starts.append(start)
            ends.append(end)
        }

        for (index, scalar) in normalized.scalars.enumerated() {
            let start = normalized.start[index]
            let end = normalized.end[index]
            let value = scalar.value
            if Self.isDeleted(value) { continue }
            if ScalarClass.isWhitespace(value) {
                if let space = pendingSpace {
                    pendingSpace = (space.start, end)
                } else {
                    pendingSpace = (start, end)
                }
                continue
            }
            if let folded = Self.fold(value) {
                emit(folded, start, end)
            } else if value < 0x80 {
                if value >= 0x41 && value <= 0x5A {
                    emit(Unicode.Scalar(value + 0x20)!, start, end)
                } else {
                    emit(scalar, start, end)
                }
            } else if scalar.properties.changesWhenLowercased {
                for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                    emit(lower, start, end)
                }
            } else {
                emit(scalar, start, end)
            }
        }
        self.scalars = keyScalars
        self.displayStart = starts
        self.displayEnd = ends
    }

    /// The search key of `display` as a string: the single normalization used by every lookup.
    public static func key(_ display: String) -> String {
        ArabicSearchKey(display).text
    }

    /// Rule 2: tatweel, Arabic marks and invisible format characters are deleted.
    static func isDeleted(_ value: UInt32) -> Bool {
        switch value {
        case 0x0640,
             0x0610...0x061A, 0x064B...0x065F, 0x0670,
             0x06D6...0x06DC, 0x06DF...0x06E8, 0x06EA...0x06ED,
             0x200B...0x200F, 0x061C, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF, 0x00AD:
            return true
        default:
            return false
        }
    }

    /// Rules 3 and 4: letter variants and digits folded to one form; nil when the scalar stays.
    static func fold(_ value: UInt32) -> Unicode.Scalar? {
        switch value {
        case 0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673: return "\u{0627}"
        case 0x0649, 0x06CC, 0x06D2: return "\u{064A}"
        case 0x06A9: return "\u{0643}"
        case 0x0629, 0x06C0, 0x06C1, 0x06D5: return "\u{0647}"
        case 0x0624, 0x0626: return "\u{0621}"
        case 0x0660...0x0669: return Unicode.Scalar(value - 0x0660 + 0x30)!
        case 0x06F0...0x06F9: return Unicode.Scalar(value - 0x06F0 + 0x30)!
        case 0x066B: return "."
        case 0x066C: return ","
        default: return nil
        }
    }

    /// Rule 1: NFKC through ICU, keeping each output scalar's source range.
    static func nfkc(_ display: [Unicode.Scalar]) -> (scalars: [Unicode.Scalar], start: [Int], end: [Int]) {
        if display.isEmpty { return ([], [], []) }
        let input = display.map { Int32(bitPattern: $0.value) }
        var capacity = display.count * 2 + 16
        while true {
            var output = [Int32](repeating: 0, count: capacity)
            var start = [Int32](repeating: 0, count: capacity)
            var end = [Int32](repeating: 0, count: capacity)
            let count = Int(tj_nfkc_mapped(input, Int32(input.count), &output, &start, &end, Int32(capacity)))
            if count < 0 {
                // ICU could not normalize: fall back to the identity, which keeps every offset valid.
                return (display, Array(0 ..< display.count), Array(1 ... display.count))
            }
            if count <= capacity {
                return (
                    output[0 ..< count].map { Unicode.Scalar(UInt32(bitPattern: $0)) ?? "\u{FFFD}" },
                    start[0 ..< count].map(Int.init),
                    end[0 ..< count].map(Int.init)
                )
            }
            capacity = count
        }
    }
}
