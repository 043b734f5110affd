import CXML
import Foundation

/// What a markup reader reports, in document order.
protocol MarkupEvents: AnyObject {
    /// An element opens; it comes without children, its namespace declarations first among its attributes.
    func start(_ element: MarkupElement)
    func end(_ name: String)
    /// Text (maybe one of several pieces).
    func text(_ text: String)
    func comment(_ text: String)
    func doctype(name: String, publicID: String?, systemID: String?)
}

extension MarkupEvents {
    func comment(_ text: String) {}
    func doctype(name: String, publicID: String?, systemID: String?) {}
}

/// Reads XML document parts and HTML pages held in memory through libxml2 (the CXML target):
/// no entity declarations, no DTD or external input, no network, bounded depth. Malformed XML
/// ends in a `TarjumanError`; HTML is repaired as browsers repair it.
enum MarkupReader {
    static let maximumDepth: Int32 = 256

    private final class Context {
        unowned let events: any MarkupEvents
        init(events: any MarkupEvents) { self.events = events }
    }

    private static func string(_ text: tj_text) -> String {
        guard let bytes = text.bytes, text.length > 0 else { return "" }
        return String(decoding: UnsafeBufferPointer(start: bytes, count: Int(text.length)), as: UTF8.self)
    }

    private static func optionalString(_ text: tj_text) -> String? {
        text.bytes == nil ? nil : string(text)
    }

    private static func events(_ context: UnsafeMutableRawPointer?) -> any MarkupEvents {
        Unmanaged<Context>.fromOpaque(context!).takeUnretainedValue().events
    }

    private static var handlers: tj_xml_handlers {
        tj_xml_handlers(
            start: { context, prefix, name, attributes, count, namespaces, namespaceCount, _, _ in
                var list: [MarkupAttribute] = []
                list.reserveCapacity(Int(count + namespaceCount))
                for index in 0 ..< Int(namespaceCount) {
                    let declaration = namespaces![index]
                    let prefix = MarkupReader.optionalString(declaration.name)
                    list.append(MarkupAttribute(name: prefix.map { "xmlns:" + $0 } ?? "xmlns", value: MarkupReader.string(declaration.value)))
                }
                for index in 0 ..< Int(count) {
                    let attribute = attributes![index]
                    let local = MarkupReader.string(attribute.name)
                    let qualified = attribute.prefix.bytes == nil ? local : MarkupReader.string(attribute.prefix) + ":" + local
                    list.append(MarkupAttribute(name: qualified, value: MarkupReader.optionalString(attribute.value)))
                }
                let local = MarkupReader.string(name)
                let qualified = prefix.bytes == nil ? local : MarkupReader.string(prefix) + ":" + local
                MarkupReader.events(context).start(MarkupElement(name: qualified, attributes: list))
                return 0
            },
            end: { context, prefix, name, _, _ in
                let local = MarkupReader.string(name)
                MarkupReader.events(context).end(prefix.bytes == nil ? local : MarkupReader.string(prefix) + ":" + local)
                return 0
            },
            text: { context, piece, _, _ in
                MarkupReader.events(context).text(MarkupReader.string(piece))
                return 0
            },
            comment: { context, piece in
                MarkupReader.events(context).comment(MarkupReader.string(piece))
                return 0
            },
            doctype: { context, name, publicID, systemID in
                MarkupReader.events(context).doctype(name: MarkupReader.string(name), publicID: MarkupReader.optionalString(publicID),
                                                     systemID: MarkupReader.optionalString(systemID))
                return 0
            })
    }

    /// Reads an XML part; `origin` names it in messages (`article.docx: word/document.xml`).
    static func readXML(_ data: Data, origin: String, events: any MarkupEvents) throws(TarjumanError) {
        guard !data.isEmpty else { throw .malformedFile(file: origin, line: 1, column: 1, reason: "the part is empty") }
        let context = Context(events: events)
        var result = tj_xml_result()
        var handlers = Self.handlers
        let status = withExtendedLifetime(context) {
            data.withUnsafeBytes { bytes in
                tj_xml_read(bytes.bindMemory(to: UInt8.self).baseAddress, Int64(bytes.count), origin, maximumDepth, &handlers,
                            Unmanaged.passUnretained(context).toOpaque(), &result)
            }
        }
        try check(status, result, origin: origin)
    }

    /// Reads an HTML page in `encoding` (nil: as the page declares, else UTF-8); bytes not valid
    /// in it are refused (the rest of the page would be lost).
    static func readHTML(_ data: Data, origin: String, encoding: String?, events: any MarkupEvents) throws(TarjumanError) {
        let context = Context(events: events)
        var result = tj_xml_result()
        var handlers = Self.handlers
        let status = withExtendedLifetime(context) {
            data.withUnsafeBytes { bytes in
                tj_html_read(bytes.bindMemory(to: UInt8.self).baseAddress, Int64(bytes.count), origin, encoding, maximumDepth, &handlers,
                             Unmanaged.passUnretained(context).toOpaque(), &result)
            }
        }
        do {
            try check(status, result, origin: origin)
        } catch .malformedFile(_, let line, _, let reason) where reason == "bytes that are not valid in its encoding" {
            throw .unreadableDocument(file: origin, reason: "holds bytes that are not valid \(encoding ?? "UTF-8") near line \(line); save the page as UTF-8 (or with the charset it is really in) and import it again")
        }
    }

    private static func check(_ status: Int32, _ result: tj_xml_result, origin: String) throws(TarjumanError) {
        switch Int(status) {
        case Int(TJ_TMX_OK), Int(TJ_TMX_STOPPED):
            return
        case Int(TJ_TMX_NO_MEMORY):
            throw .unreadableFile(origin, reason: "there is not enough memory to read it")
        default:
            let message = withUnsafeBytes(of: result.message) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            let reason = result.refused_entities != 0
                ? "entity declarations are not accepted (no external entities, no entity expansion)"
                : message.isEmpty ? "the XML is not well-formed" : message
            throw .malformedFile(file: origin, line: max(Int(result.line), 1), column: max(Int(result.column), 1), reason: reason)
        }
    }
}

/// Builds the whole tree of a document from a reader's events.
final class MarkupTreeBuilder: MarkupEvents {
    /// The top-level nodes (the root element, comments around it).
    private(set) var nodes: [MarkupNode] = []
    private(set) var doctype: (name: String, publicID: String?, systemID: String?)?
    private var open: [MarkupElement] = []

    func start(_ element: MarkupElement) {
        append(.element(element))
        open.append(element)
    }

    func end(_ name: String) {
        _ = open.popLast()
    }

    func text(_ text: String) {
        if let last = open.last, case .text(let previous)? = last.children.last {
            last.children[last.children.count - 1] = .text(previous + text)
        } else {
            append(.text(text))
        }
    }

    func comment(_ text: String) {
        append(.comment(text))
    }

    func doctype(name: String, publicID: String?, systemID: String?) {
        doctype = (name, publicID, systemID)
    }

    private func append(_ node: MarkupNode) {
        if let last = open.last { last.children.append(node) } else { nodes.append(node) }
    }

    /// The first top-level element.
    var root: MarkupElement? {
        for case .element(let element) in nodes { return element }
        return nil
    }
}
