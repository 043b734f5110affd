import Foundation

/// The Unicode scalars of a UTF-8 file, read in blocks so memory does not grow with its size;
/// a leading byte order mark is skipped. Reading stops at the first invalid byte, and `error`
/// then names its offset.
final class UTF8FileScalars: IteratorProtocol {
    private let handle: FileHandle
    private let path: String
    private var block: [UInt8] = []
    private var index = 0
    private var consumed = 0
    private var ended = false
    private(set) var error: TarjumanError?
    private var failed = false
    /// Whether any scalar other than white space was read.
    private(set) var sawContent = false

    init(path: String) throws(TarjumanError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .fileNotFound(path) }
        if isDirectory.boolValue { throw .notAFile(path) }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .unreadableFile(path, reason: "permission denied") }
        self.handle = handle
        self.path = path
        refill()
        if block.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    }

    deinit {
        try? handle.close()
    }

    private func refill() {
        consumed += block.count
        let data = (try? handle.read(upToCount: 1 << 20)) ?? nil
        block = data.map { [UInt8]($0) } ?? []
        index = 0
        if block.isEmpty { ended = true }
    }

    private func nextByte() -> UInt8? {
        if index >= block.count {
            if ended { return nil }
            refill()
            if ended { return nil }
        }
        defer { index += 1 }
        return block[index]
    }

    func next() -> Unicode.Scalar? {
        guard !failed, let first = nextByte() else { return nil }
        if first < 0x80 {
            if first > 0x20 { sawContent = true }
            return Unicode.Scalar(first)
        }
        let offset = consumed + index - 1
        let length: Int
        var value: UInt32
        switch first {
        case 0xC2 ... 0xDF: length = 2; value = UInt32(first & 0x1F)
        case 0xE0 ... 0xEF: length = 3; value = UInt32(first & 0x0F)
        case 0xF0 ... 0xF4: length = 4; value = UInt32(first & 0x07)
        default: return fail(at: offset)
        }
        for _ in 1 ..< length {
            guard let byte = nextByte(), byte & 0xC0 == 0x80 else { return fail(at: offset) }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        let minimum: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
        guard value >= minimum, let scalar = Unicode.Scalar(value) else { return fail(at: offset) }
        if !sawContent && !ScalarClass.isWhitespace(scalar.value) { sawContent = true }
        return scalar
    }

    private func fail(at offset: Int) -> Unicode.Scalar? {
        error = .invalidUTF8(file: path, byteOffset: offset)
        failed = true
        return nil
    }
}
