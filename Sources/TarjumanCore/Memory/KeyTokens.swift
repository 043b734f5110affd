/// What a token of a search key is; it decides the token's weight in fuzzy scores.
public enum KeyTokenClass: String, Codable, Sendable {
    case word
    case number
    case punctuation

    /// The token's weight in half-units: a word or a number counts 1, a punctuation mark ½.
    public var weight: Int { self == .punctuation ? 1 : 2 }
}

/// One token of a search key: a word, a number or a punctuation mark.
public struct KeyToken: Sendable, Equatable {
    /// FNV-1a hash of the token's key text; equal tokens have equal hashes.
    public let hash: UInt64
    public let kind: KeyTokenClass
    /// Where the token lies in the key's scalars.
    public let range: Range<Int>
}

/// The tokens of a search key, as fuzzy matching and the memory index see it.
public struct KeyTokens: Sendable {
    public let tokens: [KeyToken]
    /// The total weight of the tokens, in half-units.
    public let weight: Int

    /// Splits a search key (made by `ArabicSearchKey`) into words, numbers (digits with inner
    /// `.` `,` `٫` `٬`) and single punctuation marks; white space only separates.
    public init(key: String) {
        self.init(scalars: Array(key.unicodeScalars))
    }

    public init(scalars: [Unicode.Scalar]) {
        var tokens: [KeyToken] = []
        var index = 0
        let count = scalars.count
        while index < count {
            let value = scalars[index].value
            if ScalarClass.isWhitespace(value) {
                index += 1
                continue
            }
            let start = index
            if Self.isWordScalar(scalars[index]) {
                var allDigits = true
                var hash = KeyHash()
                while index < count {
                    let scalar = scalars[index]
                    if Self.isWordScalar(scalar) {
                        if !Self.isDigit(scalar.value) { allDigits = false }
                    } else if allDigits, Self.isNumberSeparator(scalar.value), index + 1 < count,
                              Self.isDigit(scalars[index + 1].value), index > start {
                        // a separator inside a number: 1,500 or 3.5
                    } else {
                        break
                    }
                    hash.add(scalar)
                    index += 1
                }
                tokens.append(KeyToken(hash: hash.value, kind: allDigits ? .number : .word, range: start ..< index))
            } else {
                var hash = KeyHash()
                hash.add(scalars[index])
                index += 1
                tokens.append(KeyToken(hash: hash.value, kind: .punctuation, range: start ..< index))
            }
        }
        self.tokens = tokens
        self.weight = tokens.reduce(0) { $0 + $1.kind.weight }
    }

    /// The number of word and number tokens.
    public var wordCount: Int { tokens.count { $0.kind != .punctuation } }

    static func isDigit(_ value: UInt32) -> Bool { value >= 0x30 && value <= 0x39 }

    static func isNumberSeparator(_ value: UInt32) -> Bool {
        value == 0x2E || value == 0x2C || value == 0x066B || value == 0x066C
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return isDigit(value) || (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A)
        }
        if (0x0621...0x064A).contains(value) || (0x0660...0x0669).contains(value) || (0x0671...0x06D3).contains(value) {
            return true
        }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil
    }
}
