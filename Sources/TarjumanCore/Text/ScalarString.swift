extension String {
    /// The string of a run of Unicode scalars, encoded straight to UTF-8.
    init(scalars: some Collection<Unicode.Scalar>) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count * 2)
        for scalar in scalars {
            appendUTF8(of: scalar, to: &bytes)
        }
        self = String(decoding: bytes, as: UTF8.self)
    }
}

/// Appends the UTF-8 encoding of `scalar` to `bytes`.
@inline(__always)
func appendUTF8(of scalar: Unicode.Scalar, to bytes: inout [UInt8]) {
    let value = scalar.value
    switch value {
    case 0 ..< 0x80:
        bytes.append(UInt8(value))
    case 0x80 ..< 0x800:
        bytes.append(UInt8(0xC0 | value >> 6))
        bytes.append(UInt8(0x80 | value & 0x3F))
    case 0x800 ..< 0x10000:
        bytes.append(UInt8(0xE0 | value >> 12))
        bytes.append(UInt8(0x80 | value >> 6 & 0x3F))
        bytes.append(UInt8(0x80 | value & 0x3F))
    default:
        bytes.append(UInt8(0xF0 | value >> 18))
        bytes.append(UInt8(0x80 | value >> 12 & 0x3F))
        bytes.append(UInt8(0x80 | value >> 6 & 0x3F))
        bytes.append(UInt8(0x80 | value & 0x3F))
    }
}
