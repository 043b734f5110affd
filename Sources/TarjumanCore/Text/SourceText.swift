import Foundation

/// Arabic source text read from a file or standard input: valid UTF-8, byte order mark removed.
public struct SourceText: Sendable, Equatable {
    /// Where the text came from, for messages ("-" for standard input).
    public let origin: String
    /// The text as given, without a leading byte order mark.
    public let text: String

    public init(origin: String, text: String) {
        self.origin = origin
        self.text = text
    }

    /// Decodes `data` as UTF-8, or as UTF-16 when it starts with a byte order mark or looks
    /// like UTF-16. Fails on invalid UTF-8 (naming the byte offset), on zero bytes (a binary
    /// file) and on input that holds nothing but white space.
    public init(data: Data, origin: String) throws(TarjumanError) {
        let decoder = try TextFileBytes(data: data, origin: origin)
        let bom = decoder.fileOffset
        let bytes = try decoder.readAll()
        if decoder.encoding == .utf8, let offset = Self.firstInvalidUTF8Offset(bytes) {
            throw .invalidUTF8(file: origin, byteOffset: offset + bom)
        }
        if bytes.contains(0) { throw .binaryFile(file: origin, hint: "it holds zero bytes") }
        let text = String(decoding: bytes, as: UTF8.self)
        if text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
            throw .emptyInput(file: origin)
        }
        self.origin = origin
        self.text = text
    }

    /// Fails when the text holds no letter of the Arabic script (the English side given by
    /// mistake, or a file of something else).
    public func requireArabic() throws(TarjumanError) {
        guard hasArabic else { throw .noArabicText(file: origin) }
    }

    /// Whether the text holds a letter of the Arabic script.
    public var hasArabic: Bool { DelimitedRecords.containsArabic(text) }

    /// Reads `path` ("-" for standard input) and decodes it.
    public init(contentsOf path: String) throws(TarjumanError) {
        try self.init(data: Self.data(contentsOf: path), origin: path)
    }

    /// The bytes of `path` ("-" for standard input), with clear errors for missing files and folders.
    public static func data(contentsOf path: String) throws(TarjumanError) -> Data {
        if path == "-" {
            return FileHandle.standardInput.readDataToEndOfFile()
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .fileNotFound(path)
        }
        if isDirectory.boolValue { throw .notAFile(path) }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadableFile(path, reason: error.localizedDescription)
        }
    }

    /// The byte offset of the first byte that is not part of well-formed UTF-8, or nil.
    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE, 0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return index
            }
            for offset in 1 ..< length {
                guard index + offset < count else { return index }
                let byte = bytes[index + offset]
                let low = offset == 1 ? lower : 0x80
                let high = offset == 1 ? upper : 0xBF
                if byte < low || byte > high { return index }
            }
            index += length
        }
        return nil
    }
}
