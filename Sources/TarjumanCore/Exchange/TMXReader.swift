import CXML
import Foundation

/// Reads TMX 1.1 to 1.4 as a stream, handing each usable unit to a callback as soon as its
/// `tu` closes, so memory does not grow with the file.
///
/// Lenient as real files demand: `xml:lang` or the old `lang`, language codes in any case and
/// with regions (`AR`, `ar-SA`, `ar_EG`, `EN-US`), UTF-8 with or without a byte order mark and
/// UTF-16 with one, dates in basic or extended ISO 8601, any number of variants (the first
/// Arabic and the first English are taken), Level 2 inline markup reduced to its text. The
/// header's `srclang` is not trusted: the variants' own languages decide, and a variant tagged
/// otherwise but written in Arabic script is taken as the Arabic side when none is tagged Arabic.
/// Entity declarations are refused and external DTDs are never fetched.
public final class TMXReader: MemoryFileReader {
    public private(set) var read = 0
    public private(set) var skipped: [MemorySkipReason: Int] = [:]
    public private(set) var droppedCodes = 0
    public private(set) var headerSourceLanguage: String?
    /// Property types left out of the entries (their values are not even decoded).
    public var ignoredPropertyTypes: Set<String>

    public init(ignoredPropertyTypes: Set<String> = []) {
        self.ignoredPropertyTypes = ignoredPropertyTypes
    }

    /// Parses the file at `path`, calling `unit` for every usable unit in order.
    public func parse(path: String, unit: (MemoryEntry) throws -> Void) throws(TarjumanError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .fileNotFound(path) }
        if isDirectory.boolValue { throw .notAFile(path) }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
        if size == 0 { throw .emptyInput(file: path) }
        var result = tj_tmx_result()
        let (status, failure) = withoutActuallyEscaping(unit) { handler in
            let context = Context(reader: self, handler: handler)
            let status = withExtendedLifetime(context) {
                tj_tmx_read(path, { context, unit in
                    let context = Unmanaged<Context>.fromOpaque(context!).takeUnretainedValue()
                    return context.take(unit!.pointee) ? 0 : 1
                }, Unmanaged.passUnretained(context).toOpaque(), &result)
            }
            return (status, context.failure)
        }
        if result.has_source_language != 0 {
            headerSourceLanguage = withUnsafeBytes(of: result.source_language) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
        }
        switch Int(status) {
        case Int(TJ_TMX_OK):
            break
        case Int(TJ_TMX_STOPPED):
            if let error = failure as? TarjumanError { throw error }
            if let failure { throw TarjumanDatabase.translate(failure, path: path) }
        case Int(TJ_TMX_UNREADABLE):
            throw .unreadableFile(path, reason: String(cString: strerror(result.code)))
        case Int(TJ_TMX_NO_MEMORY):
            throw .unreadableFile(path, reason: "there is not enough memory to read it")
        default:
            let reason = result.refused_entities != 0
                ? "entity declarations are not accepted (no external entities, no entity expansion)"
                : TBXGlossary.describe(xmlError: Int(result.code), detail: withUnsafeBytes(of: result.message) {
                    String(cString: $0.bindMemory(to: CChar.self).baseAddress!)
                })
            throw .malformedFile(file: path, line: max(Int(result.line), 1), column: max(Int(result.column), 1), reason: reason)
        }
        guard result.saw_root != 0 else {
            throw .malformedFile(file: path, line: 1, column: 1, reason: "not a TMX file: no tmx root element")
        }
    }

    /// The reading's state as the C reader's callback sees it.
    private final class Context {
        unowned let reader: TMXReader
        let handler: (MemoryEntry) throws -> Void
        var failure: (any Error)?
        private var lastDateText = ""
        private var lastDate: Date?

        init(reader: TMXReader, handler: @escaping (MemoryEntry) throws -> Void) {
            self.reader = reader
            self.handler = handler
        }

        /// Takes one `tu`: false stops the reading.
        func take(_ unit: tj_tmx_unit) -> Bool {
            guard let entry = entry(of: unit) else { return true }
            do {
                try handler(entry)
                return true
            } catch {
                failure = error
                return false
            }
        }

        private func entry(of unit: tj_tmx_unit) -> MemoryEntry? {
            reader.read += 1
            let variants = UnsafeBufferPointer(start: unit.variants, count: Int(unit.variant_count))
            var arabic: (text: String, codes: Int)?
            for variant in variants where TMXReader.primaryLanguage(Self.text(variant.language)) == "ar" {
                arabic = (Self.text(variant.segment), Int(variant.codes))
                break
            }
            if arabic == nil {
                for variant in variants where TMXReader.primaryLanguage(Self.text(variant.language)) != "en" {
                    let text = Self.text(variant.segment)
                    if TMXReader.isMostlyArabic(text) {
                        arabic = (text, Int(variant.codes))
                        break
                    }
                }
            }
            var english: (text: String, codes: Int)?
            for variant in variants where TMXReader.primaryLanguage(Self.text(variant.language)) == "en" {
                let text = Self.text(variant.segment)
                if !TMXReader.isMostlyArabic(text) {
                    english = (text, Int(variant.codes))
                    break
                }
            }
            guard let arabic else { reader.skip(.noArabic); return nil }
            guard let english else { reader.skip(.noEnglish); return nil }
            let source = arabic.text.trimmingWhitespace()
            let target = english.text.trimmingWhitespace()
            guard !source.isEmpty, !target.isEmpty else { reader.skip(.emptySegment); return nil }
            let droppedCodes = arabic.codes + english.codes
            reader.droppedCodes += droppedCodes
            var properties: [MemoryProperty] = []
            for property in UnsafeBufferPointer(start: unit.properties, count: Int(unit.property_count)) {
                let type = Self.text(property.type)
                if reader.ignoredPropertyTypes.contains(type) { continue }
                properties.append(MemoryProperty(type: type, value: Self.text(property.value)))
            }
            return MemoryEntry(
                tuid: Self.optionalText(unit.tuid), source: source, target: target,
                translator: Self.optionalText(unit.changeid) ?? Self.optionalText(unit.creationid),
                date: date(unit.changedate.bytes != nil ? unit.changedate : unit.creationdate),
                notes: UnsafeBufferPointer(start: unit.notes, count: Int(unit.note_count)).map(Self.text),
                properties: properties, droppedCodes: droppedCodes)
        }

        /// The date of an attribute; the last one is remembered, as a file's dates often repeat.
        private func date(_ attribute: tj_text) -> Date? {
            guard attribute.bytes != nil else { return nil }
            let text = Self.text(attribute)
            if text != lastDateText {
                lastDateText = text
                lastDate = TMXReader.date(text)
            }
            return lastDate
        }

        static func text(_ text: tj_text) -> String {
            guard let bytes = text.bytes else { return "" }
            return String(decoding: UnsafeBufferPointer(start: bytes, count: Int(text.length)), as: UTF8.self)
        }

        static func optionalText(_ text: tj_text) -> String? {
            text.bytes == nil ? nil : Self.text(text)
        }
    }

    fileprivate func skip(_ reason: MemorySkipReason) {
        skipped[reason, default: 0] += 1
    }

    /// The language of a `tuv`: `ar`, `en` or another primary subtag, lowercased.
    static func primaryLanguage(_ tag: String) -> String {
        let primary = String(tag.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first ?? "")
        switch primary {
        case "ara", "arb": return "ar"
        case "eng": return "en"
        default: return primary
        }
    }

    /// Whether most letters of `text` are Arabic (Arabic letters against Latin ones).
    static func isMostlyArabic(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var arabic = 0, latin = 0
            var index = 0
            let count = bytes.count
            while index < count {
                let lead = bytes[index]
                if lead < 0x80 {
                    if (lead | 0x20) >= 0x61 && (lead | 0x20) <= 0x7A { latin += 1 }
                    index += 1
                } else if lead < 0xE0 {
                    guard index + 1 < count else { break }
                    let value = UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                    if value >= 0xC0 && value <= 0x24F {
                        latin += 1
                    } else if ScalarClass.isArabicScriptLetter(value) {
                        arabic += 1
                    }
                    index += 2
                } else if lead < 0xF0 {
                    guard index + 2 < count else { break }
                    let value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                    if ScalarClass.isArabicScriptLetter(value) { arabic += 1 }
                    index += 3
                } else {
                    index += 4
                }
            }
            return arabic > latin
        }
    }

    /// A TMX date, in UTC: `YYYYMMDDThhmmssZ`, extended ISO 8601 (`2024-05-06T07:08:09Z`), or a
    /// day alone (`20240506`); nil when the digits do not make a real date and time.
    static func date(_ text: String) -> Date? {
        var digits: [Int] = []
        digits.reserveCapacity(14)
        for byte in text.utf8 where byte >= 0x30 && byte <= 0x39 { digits.append(Int(byte - 0x30)) }
        if digits.count == 8 { digits += [0, 0, 0, 0, 0, 0] }
        guard digits.count >= 14 else { return nil }
        func number(_ start: Int, _ length: Int) -> Int { digits[start ..< start + length].reduce(0) { $0 * 10 + $1 } }
        let year = number(0, 4), month = number(4, 2), day = number(6, 2)
        let hour = number(8, 2), minute = number(10, 2), second = number(12, 2)
        guard (1 ... 12).contains(month), (1 ... daysInMonth(month, of: year)).contains(day),
              hour < 24, minute < 60, second < 61 else { return nil }
        let seconds = daysSince1970(year: year, month: month, day: day) * 86_400 + hour * 3_600 + minute * 60 + second
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    static func daysInMonth(_ month: Int, of year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days from 1970-01-01 to a day of the proleptic Gregorian calendar.
    static func daysSince1970(year: Int, month: Int, day: Int) -> Int {
        let shifted = month <= 2 ? year - 1 : year
        let era = (shifted >= 0 ? shifted : shifted - 399) / 400
        let yearOfEra = shifted - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

/// Checks on an XML file's prolog made before parsing it.
enum XMLProlog {
    /// Where the first `<!ENTITY` declaration is in the start of a file (UTF-8 or UTF-16 with a
    /// byte order mark), if there is one.
    static func entityDeclaration(in prefix: Data) -> (line: Int, column: Int)? {
        TBXGlossary.entityDeclaration(in: Data(text(ofPrefix: prefix).utf8))
    }

    /// Whether the file at `path` is XML whose text soon names the root element `root`.
    static func fileStarts(path: String, withRoot root: String) -> Bool {
        guard path != "-", let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        guard let prefix = try? handle.read(upToCount: 4096), !prefix.isEmpty else { return false }
        let text = text(ofPrefix: prefix)
        let trimmed = text.drop { $0 == "\u{FEFF}" || $0.isWhitespace }
        return trimmed.hasPrefix("<?xml") && text.contains("<\(root)")
    }

    /// The start of a file as text: UTF-16 in either byte order when it has a byte order mark,
    /// else UTF-8 (a UTF-8 byte order mark is kept).
    static func text(ofPrefix prefix: Data) -> String {
        let bytes = [UInt8](prefix)
        guard bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) else {
            return String(decoding: bytes, as: UTF8.self)
        }
        let littleEndian = bytes[0] == 0xFF
        let units = stride(from: 2, to: bytes.count - 1, by: 2).map { index in
            littleEndian ? UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8 : UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1])
        }
        return String(decoding: units, as: UTF16.self)
    }
}
