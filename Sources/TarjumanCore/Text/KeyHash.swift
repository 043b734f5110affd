/// FNV-1a, 64 bits, over search key bytes (UTF-8).
struct KeyHash {
    private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

    @inline(__always)
    mutating func add(byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }

    mutating func add(_ bytes: ArraySlice<UInt8>) {
        bytes.withUnsafeBufferPointer { buffer in
            for byte in buffer { add(byte: byte) }
        }
    }

    /// Adds one scalar as its UTF-8 bytes.
    mutating func add(_ scalar: Unicode.Scalar) {
        for byte in UTF8.encode(scalar)! { add(byte: byte) }
    }
}
