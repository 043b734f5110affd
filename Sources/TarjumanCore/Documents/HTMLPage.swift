import Foundation

/// An HTML page read as formatted paragraphs, and written again in English.
///
/// A paragraph is the inline content of a block (`p`, `h1`–`h6`, `li`, `td`, `blockquote`,
/// `figcaption`, a `div` with text of its own...) between the blocks inside it. Inline elements
/// (`a`, `strong`, `em`, `span`...) around text are paired codes, those without text (`br`,
/// `img`) standalone codes. `script`, `style`, `nav`, `template` and anything marked
/// `translate="no"` are not for translation; the `title`, the `alt`, `title`, `placeholder` and
/// `aria-label` attributes and the meta descriptions are paragraphs of their own. White space
/// runs read as one space, as a browser shows them (except in `pre`).
final class HTMLPage {
    private enum Place {
        /// Children `range` of `container`, with what its codes stand for.
        case inline(container: MarkupElement, range: Range<Int>, payloads: [MarkupElement])
        case attribute(MarkupElement, name: String)
    }

    private let tree = MarkupTreeBuilder()
    private var places: [Place] = []
    private(set) var paragraphs: [FormattedParagraph] = []
    /// How the page's bytes were read, when it was not plain UTF-8 ("windows-1256, as it declares").
    private(set) var encodingNote: String?
    private var inBody = false
    private var bodyParagraphs = 0

    static let excluded: Set<String> = [
        "script", "style", "nav", "template", "noscript", "svg", "math", "iframe", "object", "canvas", "link", "base",
        "select", "datalist", "audio", "video",
    ]
    static let inlineElements: Set<String> = [
        "a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "dfn", "em", "font", "i", "img", "kbd", "mark", "q", "s",
        "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr", "del", "ins", "label", "strike", "tt", "big",
        "input", "button", "output", "meter", "progress", "ruby", "rt", "rp",
    ]
    static let translatableAttributes = ["alt", "title", "placeholder", "aria-label"]
    static let metaNames: Set<String> = ["description", "og:title", "og:description", "twitter:title", "twitter:description", "keywords"]

    init(data: Data, origin: String) throws(TarjumanError) {
        guard !data.isEmpty else { throw .emptyInput(file: origin) }
        let encoding = Self.encoding(of: data)
        encodingNote = encoding.note
        try MarkupReader.readHTML(data, origin: origin, encoding: encoding.name, events: tree)
        guard let root = tree.root else { throw .unreadableDocument(file: origin, reason: "holds no HTML elements; is it an HTML page?") }
        let blockish = Self.blockish(root)
        walk(root, blockish: blockish)
        guard root.descendants(where: { $0.name == "body" }).first != nil else {
            let frames = !root.descendants(where: { $0.name == "frameset" || $0.name == "frame" }).isEmpty
            throw .unreadableDocument(file: origin, reason: frames
                ? "has frames and no body; import the pages its frames show"
                : "has no body, so nothing to translate; is it the whole page?")
        }
        guard bodyParagraphs > 0 else {
            throw .unreadableDocument(file: origin, reason: "has no text in its body to translate")
        }
    }

    // MARK: Encoding

    /// The encoding to read the page in (nil: as libxml2 finds it), and what to tell the user.
    static func encoding(of data: Data) -> (name: String?, note: String?) {
        let bytes = [UInt8](data.prefix(8192))
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return ("UTF-8", nil) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return (nil, "UTF-16") }
        let valid = SourceText.firstInvalidUTF8Offset([UInt8](data)) == nil
        if let declared = declaredCharset(bytes) {
            let name = declared.lowercased()
            if ["utf-8", "utf8"].contains(name) {
                return valid ? ("UTF-8", nil) : ("windows-1256", "windows-1256: it declares UTF-8 but is not")
            }
            let known = name == "iso-8859-6" || name == "cp1256" || name == "windows-1256" ? name : declared
            return (known, "\(known), as it declares")
        }
        if valid { return ("UTF-8", nil) }
        return ("windows-1256", "windows-1256: it declares no charset and is not UTF-8")
    }

    /// The charset the first `meta` element in the first bytes that names one declares
    /// (`<meta charset="...">`, `<meta http-equiv="Content-Type" content="...; charset=...">`).
    static func declaredCharset(_ bytes: [UInt8]) -> String? {
        let text = String(decoding: bytes.map { $0 < 0x80 ? $0 : 0x20 }, as: UTF8.self).lowercased()
        var search = text.startIndex
        while let meta = text.range(of: "<meta", range: search ..< text.endIndex) {
            let end = text[meta.upperBound...].firstIndex(of: ">") ?? text.endIndex
            search = end
            guard let found = text.range(of: "charset", range: meta.upperBound ..< end) else { continue }
            var index = found.upperBound
            while index < end, text[index] == " " { index = text.index(after: index) }
            guard index < end, text[index] == "=" else { continue }
            index = text.index(after: index)
            while index < end, text[index] == " " || text[index] == "\"" || text[index] == "'" { index = text.index(after: index) }
            let start = index
            while index < end, text[index].isLetter || text[index].isNumber || "-_:.".contains(text[index]) {
                index = text.index(after: index)
            }
            if index > start { return String(text[start ..< index]) }
        }
        return nil
    }

    // MARK: Reading

    /// The elements that are blocks or hold one: their inline content is split around their blocks.
    private static func blockish(_ root: MarkupElement) -> Set<ObjectIdentifier> {
        var result = Set<ObjectIdentifier>()
        func visit(_ element: MarkupElement) -> Bool {
            var block = !inlineElements.contains(element.name)
            for case .element(let child) in element.children where visit(child) { block = true }
            if block { result.insert(ObjectIdentifier(element)) }
            return block
        }
        _ = visit(root)
        return result
    }

    private static func skips(_ element: MarkupElement) -> Bool {
        if excluded.contains(element.name) { return true }
        if element.attribute("translate")?.lowercased() == "no" { return true }
        if let classes = element.attribute("class"), classes.split(separator: " ").contains("notranslate") { return true }
        return false
    }

    private func attributes(of element: MarkupElement) {
        var names = Self.translatableAttributes
        if element.name == "meta" {
            let name = (element.attribute("name") ?? element.attribute("property") ?? "").lowercased()
            names = Self.metaNames.contains(name) ? ["content"] : []
        }
        for name in names {
            guard let value = element.attribute(name) else { continue }
            let paragraph = FormattedParagraph(text: value, codes: [])
            guard paragraph.isTranslatable else { continue }
            places.append(.attribute(element, name: name))
            paragraphs.append(paragraph)
            if inBody { bodyParagraphs += 1 }
        }
    }

    private func walk(_ element: MarkupElement, blockish: Set<ObjectIdentifier>, preserve: Bool = false) {
        guard !Self.skips(element) else { return }
        let wasInBody = inBody
        if element.name == "body" { inBody = true }
        defer { inBody = wasInBody }
        attributes(of: element)
        let preserve = preserve || element.name == "pre" || element.name == "textarea"
        var runStart: Int?
        func flush(_ end: Int) {
            if let start = runStart { inlineRun(element, start ..< end, preserve: preserve) }
            runStart = nil
        }
        for (index, child) in element.children.enumerated() {
            switch child {
            case .element(let inner) where blockish.contains(ObjectIdentifier(inner)) || Self.excluded.contains(inner.name):
                flush(index)
                walk(inner, blockish: blockish, preserve: preserve)
            case .comment:
                if runStart == nil { continue }
            default:
                if runStart == nil { runStart = index }
            }
        }
        flush(element.children.count)
    }

    private func inlineRun(_ container: MarkupElement, _ range: Range<Int>, preserve: Bool) {
        var text = String.UnicodeScalarView()
        var codes: [FormattedParagraph.Code] = []
        var payloads: [MarkupElement] = []
        var lastWasSpace = false
        func append(_ value: String) {
            for scalar in value.unicodeScalars {
                if !preserve, scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" || scalar == "\u{0C}" {
                    if lastWasSpace { continue }
                    text.append(" ")
                    lastWasSpace = true
                } else {
                    text.append(scalar)
                    lastWasSpace = false
                }
            }
        }
        func visit(_ node: MarkupNode) {
            switch node {
            case .text(let value): append(value)
            case .comment: break
            case .element(let element):
                attributes(of: element)
                let start = text.count
                if Self.skips(element) || !Self.hasText(element) {
                    if !Self.skips(element) {
                        for inner in element.descendants() where inner !== element && !Self.skips(inner) { attributes(of: inner) }
                    }
                    let isBreak = element.name == "br"
                    codes.append(FormattedParagraph.Code(kind: isBreak ? .lineBreak : .object, paired: false, start: start,
                                                         end: start + (isBreak ? 1 : 0), payload: payloads.count))
                    payloads.append(element)
                    if isBreak {
                        text.append("\n")
                        lastWasSpace = true
                    }
                    return
                }
                let code = codes.count
                let kind: InlineCode.Kind = switch element.name {
                case "b", "strong": .bold
                case "i", "em": .italic
                case "u": .underline
                case "a": .link
                default: .format
                }
                codes.append(FormattedParagraph.Code(kind: kind, paired: true, start: start, end: start, payload: payloads.count))
                payloads.append(element)
                for child in element.children { visit(child) }
                codes[code].end = text.count
            }
        }
        for node in container.children[range] { visit(node) }
        let paragraph = FormattedParagraph(text: String(text), codes: codes)
        guard paragraph.isTranslatable else { return }
        places.append(.inline(container: container, range: range, payloads: payloads))
        paragraphs.append(paragraph)
        if inBody { bodyParagraphs += 1 }
    }

    private static func hasText(_ element: MarkupElement) -> Bool {
        for child in element.children {
            switch child {
            case .text(let value): if value.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) { return true }
            case .element(let inner): if !skips(inner), hasText(inner) { return true }
            case .comment: continue
            }
        }
        return false
    }

    // MARK: Writing

    /// The page with each paragraph replaced by the pieces `english` gives it (nil keeps it),
    /// marked as an English, left-to-right page in UTF-8.
    func write(english: (Int, FormattedParagraph) -> [ParagraphPiece]?) -> Data {
        let replacements = paragraphs.indices.map { english($0, paragraphs[$0]) }
        for (index, place) in places.enumerated() {
            guard case .attribute(let element, let name) = place, let pieces = replacements[index] else { continue }
            element.setAttribute(name, pieces.reduce(into: "") { if case .text(let text) = $1 { $0 += text } })
        }
        for index in places.indices.reversed() {
            guard case .inline(let container, let range, let payloads) = places[index], let pieces = replacements[index] else { continue }
            container.children.replaceSubrange(range, with: Self.nodes(pieces, codes: paragraphs[index].codes, payloads: payloads))
            if container.attribute("dir") != nil { container.setAttribute("dir", "ltr") }
            if container.attribute("lang") != nil { container.setAttribute("lang", "en") }
        }
        var declared = false
        for case .element(let top) in tree.nodes {
            for element in top.descendants(where: { ["html", "body", "meta"].contains($0.name) }) {
                switch element.name {
                case "html":
                    element.setAttribute("lang", "en")
                    element.setAttribute("dir", "ltr")
                case "body":
                    if element.attribute("dir") != nil { element.setAttribute("dir", "ltr") }
                default:
                    if element.attribute("charset") != nil {
                        element.setAttribute("charset", "utf-8")
                        declared = true
                    }
                    if element.attribute("http-equiv")?.lowercased() == "content-type" {
                        element.setAttribute("content", "text/html; charset=utf-8")
                        declared = true
                    }
                }
            }
        }
        // The page is written in UTF-8, and says so first thing in its head (before a script
        // whose text may name another charset).
        let head = tree.nodes.lazy.compactMap { node -> MarkupElement? in
            if case .element(let top) = node { return top.descendants(where: { $0.name == "head" }).first }
            return nil
        }.first
        declared = false
        if let head {
            if case .element(let first)? = head.children.first, first.name == "meta", first.attribute("charset") == "utf-8" {
                declared = true
            } else {
                head.children.insert(.element(MarkupElement(name: "meta", attributes: [MarkupAttribute(name: "charset", value: "utf-8")])), at: 0)
                declared = true
            }
        }
        var writer = MarkupWriter(dialect: .html)
        if let doctype = tree.doctype {
            writer.raw("<!DOCTYPE \(doctype.name)")
            if let publicID = doctype.publicID { writer.raw(" PUBLIC \"\(publicID)\"") }
            if let systemID = doctype.systemID { writer.raw(doctype.publicID == nil ? " SYSTEM \"\(systemID)\"" : " \"\(systemID)\"") }
            writer.raw(">\n")
        }
        if !declared { writer.raw("<meta charset=\"utf-8\">\n") }
        for node in tree.nodes { writer.write(node) }
        writer.raw("\n")
        return Data(writer.bytes)
    }

    private static func nodes(_ pieces: [ParagraphPiece], codes: [FormattedParagraph.Code], payloads: [MarkupElement]) -> [MarkupNode] {
        let root = MarkupElement(name: "content")
        var open: [(code: Int, element: MarkupElement)] = []
        var active: [Int] = []
        func current() -> MarkupElement { open.last?.element ?? root }
        func sync() {
            var common = 0
            while common < open.count, common < active.count, open[common].code == active[common] { common += 1 }
            open.removeLast(open.count - common)
            for code in active[common...] {
                let element = payloads[codes[code].payload].shallowCopy()
                current().children.append(.element(element))
                open.append((code, element))
            }
        }
        for piece in pieces {
            switch piece {
            case .open(let code): active.append(code)
            case .close(let code): if let index = active.lastIndex(of: code) { active.remove(at: index) }
            case .point(let code):
                sync()
                current().children.append(.element(payloads[codes[code].payload].copy()))
            case .text(let text):
                sync()
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                for (number, line) in lines.enumerated() {
                    if number > 0 { current().children.append(.element(MarkupElement(name: "br"))) }
                    if !line.isEmpty { current().children.append(.text(String(line))) }
                }
            }
        }
        return root.children
    }
}
