import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

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

    public init() {}

    /// Parses the file at `path`, calling `unit` for every usable unit in order.
    public func parse(path: String, unit: (MemoryEntry) throws -> Void) throws(TarjumanError) {
        guard let stream = InputStream(fileAtPath: path) else { throw .fileNotFound(path) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .fileNotFound(path) }
        if isDirectory.boolValue { throw .notAFile(path) }
        let prefix: Data
        do {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            prefix = try handle.read(upToCount: 1 << 16) ?? Data()
            try handle.close()
        } catch {
            throw .unreadableFile(path, reason: error.localizedDescription)
        }
        guard !prefix.isEmpty else { throw .emptyInput(file: path) }
        if let position = XMLProlog.entityDeclaration(in: prefix) {
            throw .malformedFile(file: path, line: position.line, column: position.column,
                                 reason: "entity declarations are not accepted (no external entities, no entity expansion)")
        }
        struct Result {
            var failure: (any Error)?
            var sawRoot = false
            var parsed = false
            var line = 1, column = 1, code = 0
        }
        let result = withoutActuallyEscaping(unit) { handler -> Result in
            var result = Result()
            do {
                let delegate = Delegate(reader: self, handler: handler)
                let parser = XMLParser(stream: stream)
                parser.shouldResolveExternalEntities = false
                parser.shouldProcessNamespaces = false
                parser.delegate = delegate
                result.parsed = parser.parse()
                parser.delegate = nil
                result.failure = delegate.failure
                result.sawRoot = delegate.sawRoot
                result.line = max(delegate.errorLine ?? parser.lineNumber, 1)
                result.column = max(delegate.errorColumn ?? parser.columnNumber, 1)
                result.code = (parser.parserError as NSError?)?.code ?? 0
            }
            return result
        }
        if let error = result.failure {
            if let error = error as? TarjumanError { throw error }
            throw TarjumanDatabase.translate(error, path: path)
        }
        if !result.parsed {
            throw .malformedFile(file: path, line: result.line, column: result.column, reason: TBXGlossary.describe(xmlError: result.code))
        }
        guard result.sawRoot else {
            throw .malformedFile(file: path, line: 1, column: 1, reason: "not a TMX file: no tmx root element")
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
        var arabic = 0, latin = 0
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x41 ... 0x5A, 0x61 ... 0x7A, 0xC0 ... 0x24F: latin += 1
            case 0x0620 ... 0x064A, 0x066E ... 0x06D3, 0x0750 ... 0x077F, 0x08A0 ... 0x08FF, 0xFB50 ... 0xFDFF, 0xFE70 ... 0xFEFC: arabic += 1
            default: break
            }
        }
        return arabic > latin
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

    /// The SAX handler: keeps only the current `tu`.
    final class Delegate: NSObject, XMLParserDelegate {
        unowned let reader: TMXReader
        let handler: (MemoryEntry) throws -> Void
        var failure: (any Error)?
        var sawRoot = false
        var errorLine: Int?
        var errorColumn: Int?

        struct Variant {
            var language: String
            var text = ""
            var hasSegment = false
            var codes = 0
        }

        var inTU = false
        var tuAttributes: [String: String] = [:]
        var variants: [Variant] = []
        var notes: [String] = []
        var properties: [MemoryProperty] = []
        var textTarget: TextTarget = .none
        var buffer = ""
        var propertyType = ""
        /// Depth inside inline code elements whose content is native code, not text.
        var codeDepth = 0

        enum TextTarget { case none, note, property, segment }

        init(reader: TMXReader, handler: @escaping (MemoryEntry) throws -> Void) {
            self.reader = reader
            self.handler = handler
        }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            switch name {
            case "tmx":
                sawRoot = true
            case "header":
                reader.headerSourceLanguage = attributes["srclang"]
            case "tu":
                inTU = true
                tuAttributes = attributes
                variants = []
                notes = []
                properties = []
            case "tuv" where inTU:
                variants.append(Variant(language: TMXReader.primaryLanguage(attributes["xml:lang"] ?? attributes["lang"] ?? "")))
            case "seg" where inTU && !variants.isEmpty:
                textTarget = .segment
                variants[variants.count - 1].hasSegment = true
                buffer = ""
            case "note" where inTU && textTarget == .none:
                textTarget = .note
                buffer = ""
            case "prop" where inTU && textTarget == .none:
                textTarget = .property
                propertyType = attributes["type"] ?? ""
                buffer = ""
            case "bpt", "ept", "it", "ph", "ut", "sub":
                if textTarget == .segment {
                    if codeDepth == 0 { variants[variants.count - 1].codes += 1 }
                    codeDepth += 1
                }
            default:
                break
            }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch name {
            case "seg" where textTarget == .segment:
                variants[variants.count - 1].text = buffer
                textTarget = .none
                codeDepth = 0
            case "note" where textTarget == .note:
                notes.append(buffer)
                textTarget = .none
            case "prop" where textTarget == .property:
                properties.append(MemoryProperty(type: propertyType, value: buffer))
                textTarget = .none
            case "bpt", "ept", "it", "ph", "ut", "sub":
                if textTarget == .segment, codeDepth > 0 { codeDepth -= 1 }
            case "tu" where inTU:
                inTU = false
                finishUnit(parser)
            default:
                break
            }
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
            if errorLine == nil {
                errorLine = parser.lineNumber
                errorColumn = parser.columnNumber
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard textTarget != .none, codeDepth == 0 else { return }
            buffer += string
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            guard textTarget != .none, codeDepth == 0 else { return }
            buffer += String(decoding: CDATABlock, as: UTF8.self)
        }

        func finishUnit(_ parser: XMLParser) {
            reader.read += 1
            var arabic = variants.first { $0.language == "ar" }
            if arabic == nil { arabic = variants.first { $0.language != "en" && TMXReader.isMostlyArabic($0.text) } }
            let english = variants.first { $0.language == "en" && !TMXReader.isMostlyArabic($0.text) }
            guard let arabic else { return reader.skip(.noArabic) }
            guard let english else { return reader.skip(.noEnglish) }
            let source = arabic.text.trimmingWhitespace()
            let target = english.text.trimmingWhitespace()
            guard !source.isEmpty, !target.isEmpty else { return reader.skip(.emptySegment) }
            let droppedCodes = arabic.codes + english.codes
            reader.droppedCodes += droppedCodes
            let unit = MemoryEntry(
                tuid: tuAttributes["tuid"], source: source, target: target,
                translator: tuAttributes["changeid"] ?? tuAttributes["creationid"],
                date: (tuAttributes["changedate"] ?? tuAttributes["creationdate"]).flatMap(TMXReader.date),
                notes: notes, properties: properties, droppedCodes: droppedCodes)
            do {
                try handler(unit)
            } catch {
                failure = error
                parser.abortParsing()
            }
        }
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
