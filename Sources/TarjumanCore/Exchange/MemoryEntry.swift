import Foundation

/// One translation pair read from a memory file (TMX, TSV, CSV), its Arabic and English sides chosen.
public struct MemoryEntry: Sendable, Equatable {
    /// The longest source or target an entry may have, in UTF-8 bytes; longer ones are skipped.
    public static let maximumBytes = 65_536
    public let tuid: String?
    public let source: String
    public let target: String
    public let translator: String?
    public let date: Date?
    public let notes: [String]
    /// Properties (TMX `prop` elements, extra spreadsheet columns) as (type, value), in order.
    public let properties: [MemoryProperty]
    /// Inline codes (`bpt` `ept` `it` `ph` `ut` `sub`) left out of the two texts.
    public let droppedCodes: Int

    public init(tuid: String? = nil, source: String, target: String, translator: String? = nil, date: Date? = nil,
                notes: [String] = [], properties: [MemoryProperty] = [], droppedCodes: Int = 0) {
        self.tuid = tuid
        self.source = source
        self.target = target
        self.translator = translator
        self.date = date
        self.notes = notes
        self.properties = properties
        self.droppedCodes = droppedCodes
    }
}

public struct MemoryProperty: Sendable, Equatable, Codable {
    public let type: String
    public let value: String

    public init(type: String, value: String) {
        self.type = type
        self.value = value
    }
}

/// Why an entry of a memory file was not taken.
public enum MemorySkipReason: String, Sendable, CaseIterable {
    case noArabic = "no Arabic variant"
    case noEnglish = "no English variant"
    case emptySegment = "an empty segment"
    /// A side longer than `MemoryEntry.maximumBytes`: no sentence is, and matching it would cost
    /// more than the rest of the memory.
    case tooLong = "a segment over 64 KB"
}

/// A streamed reader of a memory file: hands each usable entry to a callback in file order
/// and counts what it read and skipped.
public protocol MemoryFileReader: AnyObject {
    /// Entries read (units, rows).
    var read: Int { get }
    var skipped: [MemorySkipReason: Int] { get }
    /// Inline codes left out of the texts.
    var droppedCodes: Int { get }
    func parse(path: String, unit: (MemoryEntry) throws -> Void) throws(TarjumanError)
    /// How the file was read (header, quoting, encoding), when there is something to say.
    var reading: String? { get }
}

extension MemoryFileReader {
    public var reading: String? { nil }
}
