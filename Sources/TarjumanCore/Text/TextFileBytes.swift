import Foundation

/// How the bytes of a text file encode its characters.
public enum TextEncoding: String, Sendable {
    case utf8 = "UTF-8"
    case utf16LittleEndian = "UTF-16LE"
    case utf16BigEndian = "UTF-16BE"

    /// The encoding of a file that starts with `prefix`, and the length of its byte order mark.
    /// UTF-16 is recognised by its byte order mark, or without one by zero bytes on one side of
    /// each pair (what ASCII characters, tabs and line breaks look like in UTF-16); anything else
    /// is read as UTF-8.
    static func detect(_ prefix: UnsafeBufferPointer<UInt8>) -> (encoding: TextEncoding, bom: Int) {
        if prefix.starts(with: [0xEF, 0xBB, 0xBF]) { return (.utf8, 3) }
        if prefix.starts(with: [0xFF, 0xFE]) { return (.utf16LittleEndian, 2) }
        if prefix.starts(with: [0xFE, 0xFF]) { return (.utf16BigEndian, 2) }
        let pairs = min(prefix.count, 4096) / 2
        guard pairs >= 2 else { return (.utf8, 0) }
        var zeroEven = 0, zeroOdd = 0
        for pair in 0 ..< pairs {
            if prefix[2 * pair] == 0 { zeroEven += 1 }
            if prefix[2 * pair + 1] == 0 { zeroOdd += 1 }
        }
        // Text in UTF-16 has many zero bytes on one side only; a file of zero bytes is binary.
        if zeroOdd * 8 >= pairs && zeroEven == 0 { return (.utf16LittleEndian, 0) }
        if zeroEven * 8 >= pairs && zeroOdd == 0 { return (.utf16BigEndian, 0) }
        return (.utf8, 0)
    }
}

/// The bytes of a text file or of standard input as UTF-8, read in blocks so that memory does
/// not grow with the file: UTF-8 as it is with a byte order mark skipped, UTF-16 transcoded.
/// Offsets in errors are offsets in the file.
final class TextFileBytes {
    let origin: String
    private(set) var encoding: TextEncoding = .utf8
    private let handle: FileHandle?
    private var pending: [UInt8]
    /// Bytes of the file read so far.
    private var offset = 0
    private var ended = false
    /// UTF-16: a high surrogate waiting for its low half, and where it was.
    private var highSurrogate: (unit: UInt16, offset: Int)?
    static let blockSize = 1 << 20

    /// Opens `path`, or standard input for "-".
    init(path: String) throws(TarjumanError) {
        origin = path
        if path == "-" {
            handle = FileHandle.standardInput
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .fileNotFound(path) }
            if isDirectory.boolValue { throw .notAFile(path) }
            guard let file = FileHandle(forReadingAtPath: path) else { throw .unreadableFile(path, reason: "permission denied") }
            handle = file
        }
        pending = []
        try start()
    }

    /// Reads bytes held in memory.
    init(data: Data, origin: String) throws(TarjumanError) {
        self.origin = origin
        handle = nil
        pending = [UInt8](data)
        ended = true
        try start()
    }

    deinit {
        if handle !== FileHandle.standardInput { try? handle?.close() }
    }

    private func start() throws(TarjumanError) {
        if handle != nil { pending = try readRaw() }
        if pending.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            throw .binaryFile(file: origin, hint: "a ZIP archive such as .docx or .xlsx; save it as UTF-8 text, TSV or CSV")
        }
        if pending.starts(with: Array("%PDF-".utf8)) { throw .binaryFile(file: origin, hint: "a PDF; save its text as UTF-8") }
        let (encoding, bom) = pending.withUnsafeBufferPointer { TextEncoding.detect($0) }
        self.encoding = encoding
        if bom > 0 {
            pending.removeFirst(bom)
            offset = bom
        }
    }

    private func readRaw() throws(TarjumanError) -> [UInt8] {
        guard let handle, !ended else { return [] }
        do {
            let data = try handle.read(upToCount: Self.blockSize) ?? Data()
            if data.isEmpty { ended = true }
            return [UInt8](data)
        } catch {
            throw .unreadableFile(origin, reason: error.localizedDescription)
        }
    }

    /// The file offset of the next byte not yet handed out by `append(to:)`, for UTF-8 files.
    var fileOffset: Int { offset }

    /// Appends the next block of UTF-8 to `buffer`; false when the file has ended.
    func append(to buffer: inout [UInt8]) throws(TarjumanError) -> Bool {
        if pending.isEmpty { pending = try readRaw() }
        guard !pending.isEmpty else {
            if let high = highSurrogate { throw .invalidText(file: origin, byteOffset: high.offset, encoding: encoding.rawValue) }
            if !oddByte.isEmpty { throw .invalidText(file: origin, byteOffset: offset, encoding: encoding.rawValue) }
            return false
        }
        switch encoding {
        case .utf8:
            buffer.append(contentsOf: pending)
            offset += pending.count
        case .utf16LittleEndian, .utf16BigEndian:
            var bytes = oddByte + pending
            oddByte = bytes.count % 2 == 1 ? [bytes.removeLast()] : []
            try transcode(bytes, into: &buffer)
        }
        pending = []
        return true
    }

    /// A last byte of a block that waits for its pair in the next block (UTF-16).
    private var oddByte: [UInt8] = []

    /// Appends UTF-16 code units (an even number of bytes) as UTF-8.
    private func transcode(_ bytes: [UInt8], into buffer: inout [UInt8]) throws(TarjumanError) {
        let littleEndian = encoding == .utf16LittleEndian
        buffer.reserveCapacity(buffer.count + bytes.count * 3 / 2)
        var index = 0
        while index < bytes.count {
            let unit = littleEndian ? UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8 : UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1])
            let at = offset + index
            index += 2
            var value = UInt32(unit)
            if let high = highSurrogate {
                guard unit & 0xFC00 == 0xDC00 else { throw .invalidText(file: origin, byteOffset: high.offset, encoding: encoding.rawValue) }
                value = 0x10000 + (UInt32(high.unit & 0x3FF) << 10 | UInt32(unit & 0x3FF))
                highSurrogate = nil
            } else if unit & 0xFC00 == 0xD800 {
                highSurrogate = (unit, at)
                continue
            } else if unit & 0xFC00 == 0xDC00 {
                throw .invalidText(file: origin, byteOffset: at, encoding: encoding.rawValue)
            }
            guard let scalar = Unicode.Scalar(value) else { throw .invalidText(file: origin, byteOffset: at, encoding: encoding.rawValue) }
            if value < 0x80 {
                buffer.append(UInt8(value))
            } else {
                buffer.append(contentsOf: UTF8.encode(scalar)!)
            }
        }
        offset += bytes.count
    }

    /// All of the text as UTF-8 bytes.
    func readAll() throws(TarjumanError) -> [UInt8] {
        var buffer: [UInt8] = []
        while try append(to: &buffer) {}
        return buffer
    }
}
