/// An element of a document's markup (a DOCX part, an HTML page): its name as written
/// (`w:p`, `a`), its attributes in order (namespace declarations among them), and its children.
/// A reference type, so that a document's writer can change an element in place and every
/// piece of the paragraph model that points at it sees the change.
final class MarkupElement {
    var name: String
    var attributes: [MarkupAttribute]
    var children: [MarkupNode]

    init(name: String, attributes: [MarkupAttribute] = [], children: [MarkupNode] = []) {
        self.name = name
        self.attributes = attributes
        self.children = children
    }

    /// The value of the attribute named `name` as written; nil when absent or without a value.
    func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// Sets (or adds, at the end) the attribute named `name`.
    func setAttribute(_ name: String, _ value: String?) {
        if let index = attributes.firstIndex(where: { $0.name == name }) {
            attributes[index].value = value
        } else {
            attributes.append(MarkupAttribute(name: name, value: value))
        }
    }

    func removeAttribute(_ name: String) {
        attributes.removeAll { $0.name == name }
    }

    /// The child elements, in order.
    var elements: [MarkupElement] {
        children.compactMap { if case .element(let element) = $0 { element } else { nil } }
    }

    /// The first child element named `name`.
    func child(_ name: String) -> MarkupElement? {
        for case .element(let element) in children where element.name == name { return element }
        return nil
    }

    /// Every descendant element in document order, the element itself first.
    func descendants(where include: (MarkupElement) -> Bool = { _ in true }) -> [MarkupElement] {
        var found: [MarkupElement] = []
        var stack: [MarkupElement] = [self]
        while let element = stack.popLast() {
            if include(element) { found.append(element) }
            for case .element(let child) in element.children.reversed() { stack.append(child) }
        }
        return found
    }

    /// The text of the element's text children (not of its descendants').
    var ownText: String {
        children.reduce(into: "") { result, node in
            if case .text(let value) = node { result += value }
        }
    }

    /// Inserts `child` among the element's children where a schema's `order` of local names puts it
    /// (before the first child that comes later in that order; at the end when none does).
    func insert(_ child: MarkupElement, order: [Substring]) {
        guard let rank = order.firstIndex(of: child.localName) else {
            children.append(.element(child))
            return
        }
        let position = children.firstIndex { node in
            guard case .element(let element) = node, let other = order.firstIndex(of: element.localName) else { return false }
            return other > rank
        }
        children.insert(.element(child), at: position ?? children.endIndex)
    }

    /// Removes the child elements whose local name is one of `names`.
    func removeChildren(named names: Set<Substring>) {
        children.removeAll { node in
            if case .element(let element) = node { return names.contains(element.localName) }
            return false
        }
    }

    /// A deep copy.
    func copy() -> MarkupElement {
        MarkupElement(name: name, attributes: attributes, children: children.map { node in
            if case .element(let element) = node { return .element(element.copy()) }
            return node
        })
    }

    /// A copy without children.
    func shallowCopy() -> MarkupElement {
        MarkupElement(name: name, attributes: attributes)
    }

    /// The local part of the name (`p` of `w:p`).
    var localName: Substring {
        guard let colon = name.firstIndex(of: ":") else { return name[...] }
        return name[name.index(after: colon)...]
    }
}

struct MarkupAttribute {
    var name: String
    /// nil for an HTML attribute written without a value (`<script async>`).
    var value: String?
}

enum MarkupNode {
    case element(MarkupElement)
    case text(String)
    case comment(String)
}

/// Writes markup trees as XML (every element closed, empty ones as `<x/>`) or as HTML (void
/// elements without an end tag, script and style contents as they are).
struct MarkupWriter {
    enum Dialect { case xml, html }

    let dialect: Dialect
    private(set) var bytes: [UInt8] = []

    init(dialect: Dialect) {
        self.dialect = dialect
    }

    static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "basefont", "frame", "isindex", "keygen",
    ]
    static let rawTextElements: Set<String> = ["script", "style"]

    mutating func raw(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    mutating func text(_ text: String) {
        XMLText.append(text, to: &bytes)
    }

    /// The start tag, without its closing `>` when `open` is false (the caller closes it).
    mutating func startTag(_ element: MarkupElement) {
        bytes.append(UInt8(ascii: "<"))
        raw(element.name)
        for attribute in element.attributes {
            bytes.append(UInt8(ascii: " "))
            raw(attribute.name)
            if let value = attribute.value {
                raw("=\"")
                XMLText.append(value, attribute: true, to: &bytes)
                bytes.append(UInt8(ascii: "\""))
            }
        }
    }

    mutating func write(_ node: MarkupNode, rawText: Bool = false) {
        switch node {
        case .text(let value):
            if rawText { raw(value) } else { text(value) }
        case .comment(let value):
            raw("<!--")
            raw(value.replacingOccurrences(of: "--", with: "- -"))
            raw("-->")
        case .element(let element):
            write(element)
        }
    }

    mutating func write(_ element: MarkupElement) {
        startTag(element)
        switch dialect {
        case .xml:
            if element.children.isEmpty {
                raw("/>")
                return
            }
            bytes.append(UInt8(ascii: ">"))
            for child in element.children { write(child) }
        case .html:
            bytes.append(UInt8(ascii: ">"))
            let name = element.name.lowercased()
            if Self.voidElements.contains(name) {
                // What a parser put inside a void element (one it did not know as void) follows it.
                for child in element.children { write(child) }
                return
            }
            let rawText = Self.rawTextElements.contains(name)
            for child in element.children { write(child, rawText: rawText) }
        }
        raw("</")
        raw(element.name)
        bytes.append(UInt8(ascii: ">"))
    }
}
