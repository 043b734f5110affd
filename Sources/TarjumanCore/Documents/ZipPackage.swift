import Foundation
import ZIPFoundation

/// A zip package (a DOCX) read one part at a time, within bounds that a zip bomb cannot pass:
/// a part's declared and real uncompressed size, the whole package's, and the ratio of
/// uncompressed to compressed size.
final class ZipPackage {
    /// The largest part read or copied, uncompressed.
    static let maximumPartSize: UInt64 = 512 << 20
    /// The most uncompressed bytes one package may hold.
    static let maximumTotalSize: UInt64 = 2 << 30
    /// The largest ratio of uncompressed to compressed size for a part over `ratioFloor`.
    static let maximumRatio: UInt64 = 200
    static let ratioFloor: UInt64 = 4 << 20

    let origin: String
    let archive: Archive

    /// Opens the package at `path`, telling a password-protected or legacy Word file, and a
    /// truncated or corrupt one, apart from a real package.
    init(path: String, origin: String) throws(TarjumanError) {
        self.origin = origin
        try Self.checkSignature(path: path, origin: origin)
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw .unreadableDocument(file: origin, reason: "is not a complete DOCX file (its zip directory cannot be read: truncated or damaged); open it in Word or LibreOffice and save it again")
        }
        var total: UInt64 = 0
        for entry in archive {
            try Self.checkBounds(entry, origin: origin)
            total += entry.uncompressedSize
        }
        guard total <= Self.maximumTotalSize else {
            throw .unreadableDocument(file: origin, reason: "would unpack to \(total >> 20) MB, more than the \(Self.maximumTotalSize >> 20) MB a DOCX may hold; refused as a possible zip bomb")
        }
    }

    private static func checkSignature(path: String, origin: String) throws(TarjumanError) {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .fileNotFound(origin) }
        defer { try? handle.close() }
        let head = [UInt8]((try? handle.read(upToCount: 8)) ?? Data())
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0x50, 0x4B, 0x05, 0x06]) { return }
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            try? handle.seek(toOffset: 0)
            let sample = [UInt8]((try? handle.read(upToCount: 1 << 20)) ?? Data())
            let encrypted = Array("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
            if sample.firstRange(of: encrypted) != nil {
                throw .unreadableDocument(file: origin, reason: "is password-protected; remove the password in Word (File > Info > Protect Document > Encrypt with Password) and save it again")
            }
            throw .unreadableDocument(file: origin, reason: "is a Word 97-2003 (.doc) file, not a DOCX; save it as .docx in Word, or run 'soffice --headless --convert-to docx FILE'")
        }
        if head.starts(with: Array("{\\rtf".utf8)) {
            throw .unreadableDocument(file: origin, reason: "is an RTF file, not a DOCX; save it as .docx in Word, or run 'soffice --headless --convert-to docx FILE'")
        }
        if head.isEmpty { throw .emptyInput(file: origin) }
        throw .unreadableDocument(file: origin, reason: "is not a DOCX file (not a zip package); save it as .docx in Word")
    }

    private static func checkBounds(_ entry: Entry, origin: String) throws(TarjumanError) {
        let size = entry.uncompressedSize
        if size > maximumPartSize {
            throw .unreadableDocument(file: origin, reason: "its part \(entry.path) would unpack to \(size >> 20) MB, more than \(maximumPartSize >> 20) MB; refused as a possible zip bomb")
        }
        if size > ratioFloor, size / max(entry.compressedSize, 1) > maximumRatio {
            throw .unreadableDocument(file: origin, reason: "its part \(entry.path) is compressed \(size / max(entry.compressedSize, 1)) to 1, more than \(maximumRatio) to 1; refused as a possible zip bomb")
        }
    }

    /// The names of the package's parts, in the order they are stored.
    var paths: [String] { archive.map(\.path) }

    func contains(_ path: String) -> Bool { archive[path] != nil }

    /// The bytes of the part at `path`, refusing more bytes than the part declares.
    func read(_ path: String) throws(TarjumanError) -> Data {
        guard let entry = archive[path] else {
            throw .unreadableDocument(file: origin, reason: "has no part \(path); is it a Word document?")
        }
        return try read(entry)
    }

    func read(_ entry: Entry) throws(TarjumanError) -> Data {
        let limit = min(entry.uncompressedSize, Self.maximumPartSize)
        var data = Data()
        data.reserveCapacity(Int(limit))
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                guard UInt64(data.count + chunk.count) <= limit else { throw ZipBound.exceeded }
                data.append(chunk)
            }
        } catch ZipBound.exceeded {
            throw .unreadableDocument(file: origin, reason: "its part \(entry.path) unpacks to more than it declares; refused as a possible zip bomb")
        } catch {
            throw .unreadableDocument(file: origin, reason: "its part \(entry.path) cannot be unpacked (the file is damaged or truncated); open it in Word or LibreOffice and save it again")
        }
        return data
    }

    private enum ZipBound: Error { case exceeded }

    /// Writes a copy of the package to `path`, each part as `replacement` gives it (nil: unchanged).
    func write(to path: String, replacement: (String) throws(TarjumanError) -> Data?) throws(TarjumanError) {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        try? FileManager.default.removeItem(at: temporary)
        let output: Archive
        do {
            output = try Archive(url: temporary, accessMode: .create)
        } catch {
            throw .unreadableFile(path, reason: "it cannot be created: \(error.localizedDescription)")
        }
        do {
            for entry in archive where entry.type == .file {
                let data = try replacement(entry.path) ?? read(entry)
                try output.addEntry(with: entry.path, type: .file, uncompressedSize: Int64(data.count),
                                    modificationDate: entry.fileAttributes[.modificationDate] as? Date ?? Date(),
                                    compressionMethod: .deflate) { position, size in
                    data.subdata(in: Int(position) ..< Int(position) + size)
                }
            }
        } catch let error as TarjumanError {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw .unreadableFile(path, reason: "it cannot be written: \(error.localizedDescription)")
        }
        do {
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
            try FileManager.default.moveItem(at: temporary, to: url)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw .unreadableFile(path, reason: "it cannot be written: \(error.localizedDescription)")
        }
    }
}
