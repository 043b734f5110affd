import Foundation

/// A unit's short, typeable id: document number and unit ordinal, written `3.12`.
public struct UnitID: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    public let document: Int64
    public let ordinal: Int

    public init(document: Int64, ordinal: Int) {
        self.document = document
        self.ordinal = ordinal
    }

    /// Parses `3.12`; fails with a message that shows the expected form.
    public init(parsing text: String) throws(TarjumanError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2,
              parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let document = Int64(parts[0]), let ordinal = Int(parts[1]),
              document > 0, ordinal > 0
        else { throw .invalidUnitID(text) }
        self.init(document: document, ordinal: ordinal)
    }

    public var description: String { "\(document).\(ordinal)" }

    public static func < (lhs: UnitID, rhs: UnitID) -> Bool {
        (lhs.document, lhs.ordinal) < (rhs.document, rhs.ordinal)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            try self.init(parsing: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }
}
