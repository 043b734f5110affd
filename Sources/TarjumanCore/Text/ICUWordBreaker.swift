import CICU

/// A word of a text found by ICU's word break iterator.
public struct WordToken: Sendable, Equatable {
    /// Unicode scalar offsets of the token in the text.
    public let range: Range<Int>
    /// True for words and numbers; false for white space and punctuation.
    public let isWord: Bool
}

/// ICU's word break iterator for one locale.
///
/// Not thread-safe: give each thread its own.
public final class ICUWordBreaker {
    private let handle: OpaquePointer
    private var boundaryBuffer: [Int32] = []
    private var statusBuffer: [Int32] = []

    public init(locale: String = "ar") throws(TarjumanError) {
        var status: Int32 = 0
        guard let handle = tj_word_breaker_open(locale, &status) else {
            throw .icuUnavailable(locale: locale, status: status)
        }
        self.handle = handle
    }

    deinit {
        tj_sentence_breaker_close(handle)
    }

    /// The tokens of `scalars`, in order, covering the whole text.
    public func tokens(of scalars: [Unicode.Scalar]) -> [WordToken] {
        var units: [UInt16] = []
        units.reserveCapacity(scalars.count)
        var scalarAt: [Int32] = []
        scalarAt.reserveCapacity(scalars.count + 1)
        for (index, scalar) in scalars.enumerated() {
            if scalar.value < 0x10000 {
                units.append(UInt16(scalar.value))
                scalarAt.append(Int32(index))
            } else {
                units.append(UTF16.leadSurrogate(scalar))
                units.append(UTF16.trailSurrogate(scalar))
                scalarAt.append(Int32(index))
                scalarAt.append(Int32(index))
            }
        }
        scalarAt.append(Int32(scalars.count))
        let capacity = units.count + 2
        if boundaryBuffer.count < capacity {
            boundaryBuffer = [Int32](repeating: 0, count: capacity)
            statusBuffer = [Int32](repeating: 0, count: capacity)
        }
        let count = Int(units.withUnsafeBufferPointer { text in
            boundaryBuffer.withUnsafeMutableBufferPointer { boundaries in
                statusBuffer.withUnsafeMutableBufferPointer { statuses in
                    tj_word_boundaries(handle, text.baseAddress, Int32(text.count),
                                       boundaries.baseAddress, statuses.baseAddress, Int32(capacity))
                }
            }
        })
        guard count >= 2 else { return [] }
        var tokens: [WordToken] = []
        tokens.reserveCapacity(count - 1)
        for index in 1 ..< count {
            let start = Int(scalarAt[Int(boundaryBuffer[index - 1])])
            let end = Int(scalarAt[Int(boundaryBuffer[index])])
            guard start < end else { continue }
            tokens.append(WordToken(range: start ..< end, isWord: statusBuffer[index] >= 100))
        }
        return tokens
    }
}
