/// Character classes the segmentation rules are written in.
enum ScalarClass {
    /// Line breaks inside a paragraph (hard wraps); U+2029 also ends the paragraph.
    static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// White space and invisible format characters: what units are trimmed of.
    static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value == 0x20 { return true }
        if scalar.value < 0x80 { return scalar.value >= 0x09 && scalar.value <= 0x0D }
        return scalar.properties.isWhitespace || scalar.properties.generalCategory == .format
    }

    /// Quotes and brackets that close what a sentence terminator may stand inside.
    static func isCloser(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\"", "'", ")", "]", "}", "»", "”", "’", "›": return true
        default:
            if scalar.value < 0x80 { return false }
            let category = scalar.properties.generalCategory
            return category == .closePunctuation || category == .finalPunctuation
        }
    }

    /// Quotes and brackets that may open a word.
    static func isOpener(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\"", "'", "(", "[", "{", "«", "“", "‘", "‹": return true
        default:
            if scalar.value < 0x80 { return false }
            let category = scalar.properties.generalCategory
            return category == .openPunctuation || category == .initialPunctuation
        }
    }

    /// Quotation marks, opening or closing.
    static func isQuote(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\"", "«", "»", "“", "”", "‹", "›": return true
        default: return false
        }
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.numericType == .decimal
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

    static func isLatinLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F: return scalar.properties.isAlphabetic
        default: return false
        }
    }

    static let tatweel: Unicode.Scalar = "\u{0640}"
}
