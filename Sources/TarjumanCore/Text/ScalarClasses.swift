/// Character classes the segmentation rules are written in.
package enum ScalarClass {
    /// A letter (Unicode's Alphabetic property), with ASCII answered without a table lookup.
    @inline(__always)
    package static func isAlphabetic(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A }
        return scalar.properties.isAlphabetic
    }

    /// White space (Unicode's White_Space property).
    @inline(__always)
    package static func isWhitespace(_ value: UInt32) -> Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// Invisible format characters that may stand at the edges of a unit (bidi marks and
    /// embeddings, zero-width characters, the byte order mark, the soft hyphen).
    @inline(__always)
    static func isInvisible(_ value: UInt32) -> Bool {
        switch value {
        case 0xAD, 0x061C, 0x180E, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x206F, 0xFEFF:
            return true
        default:
            return false
        }
    }

    /// White space and invisible format characters: what units are trimmed of.
    @inline(__always)
    static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value == 0x20 { return true }
        if value < 0x80 { return value >= 0x09 && value <= 0x0D }
        return isWhitespace(value) || isInvisible(value)
    }

    /// Quotes and brackets that close what a sentence terminator may stand inside.
    static func isCloser(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x22, 0x27, 0x29, 0x5D, 0x7D, 0xBB, 0x2019, 0x201D, 0x203A, 0x2046, 0x207E, 0x208E,
             0x2309, 0x230B, 0x232A, 0x27E7, 0x27E9, 0x2E03, 0x2E05, 0x2E0A, 0x2E0D, 0x2E1D, 0x2E21,
             0x3009, 0x300B, 0x300D, 0x300F, 0x3011, 0x3015, 0x3017, 0x3019, 0x301B,
             0xFD3E, 0xFD3F, 0xFE5A, 0xFE5C, 0xFE5E, 0xFF09, 0xFF3D, 0xFF5D, 0xFF60, 0xFF63:
            return true
        default:
            return false
        }
    }

    /// Quotes and brackets that may open a word.
    static func isOpener(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x22, 0x27, 0x28, 0x5B, 0x7B, 0xAB, 0x2018, 0x201A, 0x201C, 0x201E, 0x2039, 0x2045, 0x207D,
             0x208D, 0x2308, 0x230A, 0x2329, 0x27E6, 0x27E8, 0x2E02, 0x2E04, 0x2E09, 0x2E0C, 0x2E1C,
             0x2E20, 0x3008, 0x300A, 0x300C, 0x300E, 0x3010, 0x3014, 0x3016, 0x3018, 0x301A,
             0xFD3E, 0xFD3F, 0xFE59, 0xFE5B, 0xFE5D, 0xFF08, 0xFF3B, 0xFF5B, 0xFF5F, 0xFF62:
            return true
        default:
            return false
        }
    }

    /// Quotation marks, opening or closing.
    static func isQuote(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\"", "«", "»", "“", "”", "‹", "›": return true
        default: return false
        }
    }

    package static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x0660...0x0669, 0x06F0...0x06F9: return true
        case 0 ..< 0x07C0: return false
        default: return scalar.properties.numericType == .decimal
        }
    }

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic && !isDigit(scalar)
    }

    static func isArabicLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0620...0x064A, 0x066E...0x06D3, 0x06D5, 0x06EE...0x06EF, 0x06FA...0x06FF,
             0x0750...0x077F, 0x08A0...0x08C9:
            return scalar.value != 0x0640
        default:
            return false
        }
    }

    /// A letter of the Arabic script in any of its blocks, presentation forms included: what
    /// tells Arabic text (as typed, or copied from a PDF) from other text.
    static func isArabicScriptLetter(_ value: UInt32) -> Bool {
        switch value {
        case 0x0620 ... 0x064A, 0x066E ... 0x06D3, 0x0750 ... 0x077F, 0x08A0 ... 0x08FF, 0xFB50 ... 0xFDFF, 0xFE70 ... 0xFEFC: true
        default: false
        }
    }

    static func isLatinLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F: return scalar.properties.isAlphabetic
        default: return false
        }
    }

    static let tatweel: Unicode.Scalar = "\u{0640}"
}
