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
        self.init(scalars: display, alwaysNormalize: false)
    }

    /// `alwaysNormalize` runs ICU's NFKC even on text it cannot change (for tests of the shortcut).
    init(scalars display: [Unicode.Scalar], alwaysNormalize: Bool) {
        var sink = MappedSink()
        sink.reserve(display.count)
        if !alwaysNormalize && display.allSatisfy({ Self.isUnchangedByNFKC($0.value) }) {
            for (index, scalar) in display.enumerated() {
                Self.appendKey(of: scalar, start: index, end: index + 1, to: &sink)
            }
        } else {
            let normalized = Self.nfkc(display)
            for (index, scalar) in normalized.scalars.enumerated() {
                Self.appendKey(of: scalar, start: normalized.start[index], end: normalized.end[index], to: &sink)
            }
        }
        self.scalars = sink.scalars
        self.displayStart = sink.starts
        self.displayEnd = sink.ends
    }

    /// The search key of `display` as a string: the single normalization used by every lookup.
    public static func key(_ display: String) -> String {
        var sink = BytesSink()
        sink.bytes.reserveCapacity(display.utf8.count)
        for scalar in display.unicodeScalars {
            guard isUnchangedByNFKC(scalar.value) else { return ArabicSearchKey(display).text }
            appendKey(of: scalar, start: 0, end: 0, to: &sink)
        }
        return String(decoding: sink.bytes, as: UTF8.self)
    }

    /// Rules 2 to 4 for one NFKC-normalized scalar coming from display range `start ..< end`.
    @inline(__always)
    static func appendKey<Sink: KeySink>(of scalar: Unicode.Scalar, start: Int, end: Int, to sink: inout Sink) {
        let value = scalar.value
        if isDeleted(value) { return }
        if ScalarClass.isWhitespace(value) {
            sink.appendSpace(start: start, end: end)
        } else if let folded = fold(value) {
            sink.append(folded, start: start, end: end)
        } else if value < 0x80 {
            sink.append(value >= 0x41 && value <= 0x5A ? Unicode.Scalar(value + 0x20)! : scalar, start: start, end: end)
        } else if !(0x0600...0x08FF).contains(value), scalar.properties.changesWhenLowercased {
            for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                sink.append(lower, start: start, end: end)
            }
        } else {
            sink.append(scalar, start: start, end: end)
        }
    }

    /// Rules 1 and 2 only (NFKC, deletions): the light form in which Arabic morphology is still
    /// visible (ة, أ, ى kept), for analysing clitics before folding. White space is kept as is.
    public static func lightForm(_ display: some Collection<Unicode.Scalar>) -> [Unicode.Scalar] {
        var light: [Unicode.Scalar] = []
        appendLightForm(of: display, to: &light)
        return light
    }

    /// Appends the light form of `display` to `light`.
    static func appendLightForm(of display: some Collection<Unicode.Scalar>, to light: inout [Unicode.Scalar]) {
        if display.allSatisfy({ isUnchangedByNFKC($0.value) }) {
            for scalar in display where !isDeleted(scalar.value) { light.append(scalar) }
        } else {
            for scalar in nfkc(Array(display)).scalars where !isDeleted(scalar.value) { light.append(scalar) }
        }
    }

    /// Appends the search key bytes (UTF-8) of one light-form scalar.
    @inline(__always)
    static func appendKeyBytes(of scalar: Unicode.Scalar, to bytes: inout [UInt8]) {
        var sink = BytesSink()
        swap(&sink.bytes, &bytes)
        appendKey(of: scalar, start: 0, end: 0, to: &sink)
        swap(&sink.bytes, &bytes)
    }

    /// Characters that NFKC leaves alone in any context, or changes only in ways the later rules
    /// undo (marks that are deleted anyway, the no-break space): text made only of these skips ICU.
    static func isUnchangedByNFKC(_ value: UInt32) -> Bool {
        switch value {
        case 0x00...0x7F, 0xA0, 0xAB, 0xAD, 0xBB:
            return true
        case 0x0600...0x06FF:
            return !(0x0653...0x0655).contains(value) && !(0x0675...0x0678).contains(value)
        case 0x200B...0x200F, 0x2010, 0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D,
             0x202A...0x202E, 0x2066...0x2069, 0xFEFF:
            return true
        default:
            return false
        }
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

/// Where key scalars go: runs of white space arrive as `appendSpace` calls and come out as one
/// space between words, none at either end.
protocol KeySink {
    mutating func append(_ scalar: Unicode.Scalar, start: Int, end: Int)
    mutating func appendSpace(start: Int, end: Int)
}

/// Keeps the key with its map back to the display text.
struct MappedSink: KeySink {
    var scalars: [Unicode.Scalar] = []
    var starts: [Int] = []
    var ends: [Int] = []
    private var pendingSpace: (start: Int, end: Int)?

    mutating func reserve(_ count: Int) {
        scalars.reserveCapacity(count)
        starts.reserveCapacity(count)
        ends.reserveCapacity(count)
    }

    mutating func append(_ scalar: Unicode.Scalar, start: Int, end: Int) {
        if let space = pendingSpace {
            if !scalars.isEmpty {
                scalars.append(" ")
                starts.append(space.start)
                ends.append(space.end)
            }
            pendingSpace = nil
        }
        scalars.append(scalar)
        starts.append(start)
        ends.append(end)
    }

    mutating func appendSpace(start: Int, end: Int) {
        pendingSpace = (pendingSpace?.start ?? start, end)
    }
}

/// Keeps only the key's UTF-8.
struct BytesSink: KeySink {
    var bytes: [UInt8] = []
    private var pendingSpace = false

    mutating func append(_ scalar: Unicode.Scalar, start: Int, end: Int) {
        if pendingSpace {
            if !bytes.isEmpty { bytes.append(0x20) }
            pendingSpace = false
        }
        appendUTF8(of: scalar, to: &bytes)
    }

    mutating func appendSpace(start: Int, end: Int) {
        pendingSpace = true
    }
}
