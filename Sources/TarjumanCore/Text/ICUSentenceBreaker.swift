import CICU

/// ICU's sentence break iterator for one locale.
///
/// Not thread-safe: give each thread its own.
public final class ICUSentenceBreaker {
    private let handle: OpaquePointer
    private var boundaryBuffer: [Int32] = []

    /// Opens ICU's sentence break rules for `locale` ("ar", or "en@ss=standard" for English
    /// with ICU's abbreviation suppressions).
    public init(locale: String) throws(TarjumanError) {
        var status: Int32 = 0
        guard let handle = tj_sentence_breaker_open(locale, &status) else {
            throw .icuUnavailable(locale: locale, status: status)
        }
        self.handle = handle
    }

    deinit {
        tj_sentence_breaker_close(handle)
    }

    /// ICU's boundaries in UTF-16 `text`, as code unit offsets, 0 and the length included.
    public func boundaries(utf16 text: UnsafeBufferPointer<UInt16>) -> ArraySlice<Int32> {
        let length = Int32(text.count)
        if boundaryBuffer.count < 64 { boundaryBuffer = [Int32](repeating: 0, count: 64) }
        while true {
            let capacity = Int32(boundaryBuffer.count)
            let count = boundaryBuffer.withUnsafeMutableBufferPointer { buffer in
                tj_sentence_boundaries(handle, text.baseAddress, length, buffer.baseAddress, capacity)
            }
            if count < 0 { return [0, length] }
            if count <= capacity { return boundaryBuffer[0 ..< Int(count)] }
            boundaryBuffer = [Int32](repeating: 0, count: Int(count))
        }
    }

    /// The version of the ICU library in use.
    public static var icuVersion: String { String(cString: tj_icu_version()) }
}
