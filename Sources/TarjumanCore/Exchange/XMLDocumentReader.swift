import CXML
import Foundation

/// What a reader of a whole XML document reports, element by element, in document order.
protocol XMLDocumentEvents: AnyObject {
    /// An element opens: its local name, its name as written (`prefix:name`), and its attributes
    /// keyed by their names as written (`xml:lang`, `type`).
    func start(_ name: String, qualifiedName: String, attributes: [String: String], reader: XMLDocumentReader)
    func end(_ name: String, qualifiedName: String, reader: XMLDocumentReader)
    /// Text inside the current element (maybe one of several pieces).
    func text(_ text: String, reader: XMLDocumentReader)
}

/// Reads a whole XML document held in memory (TBX, XLIFF: document-sized files) with libxml2's
/// SAX parser: entity declarations refused, no DTD or external entity loaded, no network,
/// elements nested at most `maximumDepth` deep. Malformed input of any kind ends in a
/// `TarjumanError`, never a crash.
final class XMLDocumentReader {
    static let maximumDepth: Int32 = 64

    let origin: String
    /// Where the parser is: the line and column of the event being reported.
    fileprivate(set) var line = 1
    fileprivate(set) var column = 1
    fileprivate unowned let events: any XMLDocumentEvents
    fileprivate var stopRequested = false

    private init(origin: String, events: any XMLDocumentEvents) {
        self.origin = origin
        self.events = events
    }

    /// Ends the reading after the event being reported.
    func stop() {
        stopRequested = true
    }

    /// Reads `data`, reporting to `events`; returns false when `stop()` ended it early.
    @discardableResult
    static func read(_ data: Data, origin: String, events: any XMLDocumentEvents) throws(TarjumanError) -> Bool {
        guard !data.isEmpty else { throw .emptyInput(file: origin) }
        let reader = XMLDocumentReader(origin: origin, events: events)
        var result = tj_xml_result()
        var handlers = tj_xml_handlers(
            start: { context, prefix, name, attributes, count, _, _, line, column in
                let reader = Unmanaged<XMLDocumentReader>.fromOpaque(context!).takeUnretainedValue()
                reader.line = Int(line)
                reader.column = Int(column)
                var values: [String: String] = [:]
                for index in 0 ..< Int(count) {
                    let attribute = attributes![index]
                    values[XMLDocumentReader.qualified(attribute.prefix, attribute.name)] = XMLDocumentReader.string(attribute.value)
                }
                reader.events.start(XMLDocumentReader.string(name), qualifiedName: XMLDocumentReader.qualified(prefix, name), attributes: values, reader: reader)
                return reader.stopRequested ? 1 : 0
            },
            end: { context, prefix, name, line, column in
                let reader = Unmanaged<XMLDocumentReader>.fromOpaque(context!).takeUnretainedValue()
                reader.line = Int(line)
                reader.column = Int(column)
                reader.events.end(XMLDocumentReader.string(name), qualifiedName: XMLDocumentReader.qualified(prefix, name), reader: reader)
                return reader.stopRequested ? 1 : 0
            },
            text: { context, piece, line, column in
                let reader = Unmanaged<XMLDocumentReader>.fromOpaque(context!).takeUnretainedValue()
                reader.line = Int(line)
                reader.column = Int(column)
                reader.events.text(XMLDocumentReader.string(piece), reader: reader)
                return reader.stopRequested ? 1 : 0
            },
            comment: nil, doctype: nil)
        let status = withExtendedLifetime(reader) {
            data.withUnsafeBytes { bytes in
                tj_xml_read(bytes.bindMemory(to: UInt8.self).baseAddress, Int64(bytes.count), origin, maximumDepth, &handlers,
                            Unmanaged.passUnretained(reader).toOpaque(), &result)
            }
        }
        switch Int(status) {
        case Int(TJ_TMX_OK):
            return true
        case Int(TJ_TMX_STOPPED):
            return false
        case Int(TJ_TMX_NO_MEMORY):
            throw .unreadableFile(origin, reason: "there is not enough memory to read it")
        default:
            let message = withUnsafeBytes(of: result.message) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            let reason = result.refused_entities != 0
                ? "entity declarations are not accepted (no external entities, no entity expansion)"
                : message.hasPrefix("elements nested more than") ? message + "; is this a TBX or XLIFF file?"
                : TBXGlossary.describe(xmlError: Int(result.code), detail: message)
            throw .malformedFile(file: origin, line: max(Int(result.line), 1), column: max(Int(result.column), 1), reason: reason)
        }
    }

    fileprivate static func string(_ text: tj_text) -> String {
        guard let bytes = text.bytes, text.length > 0 else { return "" }
        return String(decoding: UnsafeBufferPointer(start: bytes, count: Int(text.length)), as: UTF8.self)
    }

    fileprivate static func qualified(_ prefix: tj_text, _ name: tj_text) -> String {
        prefix.bytes == nil ? string(name) : string(prefix) + ":" + string(name)
    }
}
