/// One `w:p` of a DOCX part read as a formatted paragraph, and written again from the pieces of
/// its English: text in runs with the properties of the text it replaces, codes put back where
/// the rendering placed them, the paragraph made left-to-right English.
///
/// Runs whose properties differ only in what does not show in an English text (direction,
/// language, proofing, fonts) are one stretch of text; the properties of most of the text are
/// the paragraph's own (no code), any other properties a paired code. Hyperlinks and simple
/// fields are paired codes around their text; tabs, breaks, footnote references, field
/// characters, drawings and anything unknown are standalone codes that keep their runs as
/// they were. Deleted text of tracked changes is left out (the English accepts the changes).
final class WordParagraph {
    /// What a code stands for in the part.
    enum Payload {
        /// Standalone: the runs (or other elements) it was.
        case runs([MarkupElement])
        /// Paired: the run properties of the text it covers.
        case format(MarkupElement?)
        /// Paired: a hyperlink or simple field around the text, as it was, and the run properties
        /// of all the text inside it when they are its own (a hyperlink's style).
        case wrapper(MarkupElement, properties: MarkupElement?)
    }

    let element: MarkupElement
    let prefix: String
    private(set) var paragraph = FormattedParagraph(text: "", codes: [])
    private(set) var payloads: [Payload] = []
    private var baseProperties: MarkupElement?
    private var startMarkers: [MarkupElement] = []
    private var endMarkers: [MarkupElement] = []
    /// The English pieces to write it with, once they are known.
    var pending: [ParagraphPiece]?

    private enum Item {
        case text(String, properties: MarkupElement?, key: String, wrappers: [Int])
        case point(InlineCode.Kind, placeholder: String, node: MarkupElement, key: String, wrappers: [Int])
    }

    private var items: [Item] = []
    private var wrappers: [(kind: InlineCode.Kind, element: MarkupElement)] = []

    init(_ element: MarkupElement) {
        self.element = element
        let name = element.name
        prefix = name.firstIndex(of: ":").map { String(name[..<$0]) } ?? ""
        walk(element, wrappers: [])
        build()
        items = []
    }

    private func qualified(_ local: String) -> String { prefix.isEmpty ? local : prefix + ":" + local }

    /// The local name of a WordprocessingML element; "" for an element of another namespace.
    private func local(_ element: MarkupElement) -> Substring {
        if prefix.isEmpty { return element.name.contains(":") ? "" : element.name[...] }
        guard element.name.hasPrefix(prefix), element.name.dropFirst(prefix.count).first == ":" else { return "" }
        return element.name.dropFirst(prefix.count + 1)
    }

    private static let startMarkerNames: Set<Substring> = [
        "bookmarkStart", "commentRangeStart", "permStart", "moveFromRangeStart", "moveToRangeStart",
        "customXmlInsRangeStart", "customXmlDelRangeStart", "customXmlMoveFromRangeStart", "customXmlMoveToRangeStart",
    ]
    private static let endMarkerNames: Set<Substring> = [
        "bookmarkEnd", "commentRangeEnd", "permEnd", "moveFromRangeEnd", "moveToRangeEnd",
        "customXmlInsRangeEnd", "customXmlDelRangeEnd", "customXmlMoveFromRangeEnd", "customXmlMoveToRangeEnd",
    ]

    private func walk(_ container: MarkupElement, wrappers active: [Int]) {
        for case .element(let child) in container.children {
            let name = local(child)
            switch name {
            case "pPr", "del", "moveFrom", "proofErr", "sdtPr", "sdtEndPr", "smartTagPr", "customXmlPr":
                continue
            case "r":
                run(child, wrappers: active)
            case "hyperlink", "fldSimple":
                wrappers.append((name == "hyperlink" ? .link : .field, child))
                walk(child, wrappers: active + [wrappers.count - 1])
            case "ins", "moveTo", "smartTag", "customXml", "dir", "bdo":
                walk(child, wrappers: active)
            case "sdt":
                if let content = child.child(qualified("sdtContent")) { walk(content, wrappers: active) }
            default:
                if Self.startMarkerNames.contains(name) {
                    startMarkers.append(child)
                } else if Self.endMarkerNames.contains(name) {
                    endMarkers.append(child)
                } else {
                    items.append(.point(.object, placeholder: "", node: child, key: "", wrappers: active))
                }
            }
        }
    }

    private func run(_ run: MarkupElement, wrappers active: [Int]) {
        let properties = run.child(qualified("rPr"))
        let key = Self.styleKey(properties, local: local)
        var text = ""
        func flush() {
            if !text.isEmpty { items.append(.text(text, properties: properties, key: key, wrappers: active)) }
            text = ""
        }
        for case .element(let child) in run.children {
            switch local(child) {
            case "rPr", "lastRenderedPageBreak", "delText", "delInstrText":
                continue
            case "t":
                text += child.ownText
            case "noBreakHyphen":
                text += "\u{2011}"
            case "softHyphen":
                text += "\u{00AD}"
            case let name:
                flush()
                let kind: InlineCode.Kind
                var placeholder = ""
                switch name {
                case "tab", "ptab": kind = .tab; placeholder = "\t"
                case "br", "cr": kind = .lineBreak; placeholder = "\n"
                case "footnoteReference", "endnoteReference", "footnoteRef", "endnoteRef": kind = .footnote
                case "fldChar", "instrText": kind = .field
                default: kind = .object
                }
                let single = run.shallowCopy()
                if let properties { single.children.append(.element(properties)) }
                single.children.append(.element(child))
                items.append(.point(kind, placeholder: placeholder, node: single, key: key, wrappers: active))
            }
        }
        flush()
    }

    /// What of a run's properties shows in an English text; runs with equal keys are one stretch.
    static func styleKey(_ properties: MarkupElement?, local: (MarkupElement) -> Substring) -> String {
        guard let properties else { return "" }
        var parts = Set<String>()
        for child in properties.elements {
            let name = local(child)
            switch name {
            case "rtl", "cs", "lang", "noProof", "rFonts", "kern", "webHidden", "specVanish", "eastAsianLayout", "snapToGrid",
                 "rPrChange", "spacing", "w", "":
                continue
            case "b", "bCs":
                if isOn(child) { parts.insert("b") }
            case "i", "iCs":
                if isOn(child) { parts.insert("i") }
            case "u":
                if value(child) != "none" { parts.insert("u") }
            default:
                var writer = MarkupWriter(dialect: .xml)
                writer.write(child)
                parts.insert(String(decoding: writer.bytes, as: UTF8.self))
            }
        }
        return parts.sorted().joined(separator: "|")
    }

    private static func value(_ element: MarkupElement) -> String? {
        element.attributes.first { $0.name.hasSuffix(":val") || $0.name == "val" }?.value
    }

    private static func isOn(_ element: MarkupElement) -> Bool {
        guard let value = value(element) else { return true }
        return !["0", "false", "off"].contains(value.lowercased())
    }

    private func build() {
        var lengths: [String: Int] = [:]
        var firstProperties: [String: MarkupElement?] = [:]
        var order: [String] = []
        for case .text(let text, let properties, let key, _) in items {
            if lengths[key] == nil {
                order.append(key)
                firstProperties[key] = properties
            }
            lengths[key, default: 0] += text.unicodeScalars.count
        }
        let base = order.max { (lengths[$0] ?? 0, -order.firstIndex(of: $0)!) < (lengths[$1] ?? 0, -order.firstIndex(of: $1)!) } ?? ""
        baseProperties = firstProperties[base] ?? nil
        let baseParts = Set(base.split(separator: "|"))

        var text = String.UnicodeScalarView()
        var offset = 0
        var codes: [FormattedParagraph.Code] = []
        var wrapperCodes: [Int: Int] = [:]
        var openFormat: (key: String, code: Int, wrappers: [Int])?
        var previousWasField = false

        func touch(_ active: [Int], end: Int) {
            for wrapper in active {
                if let code = wrapperCodes[wrapper] {
                    codes[code].end = end
                } else {
                    wrapperCodes[wrapper] = codes.count
                    codes.append(FormattedParagraph.Code(kind: wrappers[wrapper].kind, paired: true, start: offset, end: end, payload: payloads.count))
                    payloads.append(.wrapper(wrappers[wrapper].element, properties: nil))
                }
            }
        }

        for item in items {
            switch item {
            case .text(let piece, let properties, let key, let active):
                previousWasField = false
                let length = piece.unicodeScalars.count
                touch(active, end: offset + length)
                if key == base {
                    openFormat = nil
                } else if let open = openFormat, open.key == key, open.wrappers == active {
                    codes[open.code].end = offset + length
                } else {
                    let parts = Set(key.split(separator: "|")).subtracting(baseParts)
                    let kind: InlineCode.Kind = parts.contains("b") ? .bold : parts.contains("i") ? .italic : parts.contains("u") ? .underline : .format
                    openFormat = (key, codes.count, active)
                    codes.append(FormattedParagraph.Code(kind: kind, paired: true, start: offset, end: offset + length, payload: payloads.count))
                    payloads.append(.format(properties))
                }
                text.append(contentsOf: piece.unicodeScalars)
                offset += length
            case .point(let kind, let placeholder, let node, let key, let active):
                let length = placeholder.unicodeScalars.count
                touch(active, end: offset + length)
                if let open = openFormat, open.key == key, open.wrappers == active {
                    codes[open.code].end = offset + length
                } else {
                    openFormat = nil
                }
                if kind == .field, previousWasField, case .runs(let nodes) = payloads[codes[codes.count - 1].payload] {
                    payloads[codes[codes.count - 1].payload] = .runs(nodes + [node])
                } else {
                    codes.append(FormattedParagraph.Code(kind: kind, paired: false, start: offset, end: offset + length, payload: payloads.count))
                    payloads.append(.runs([node]))
                }
                previousWasField = kind == .field
                text.append(contentsOf: placeholder.unicodeScalars)
                offset += length
            }
        }
        // A format covering exactly what a hyperlink or field covers is the wrapper's own (no tag of its own).
        var folded = Set<Int>()
        for (index, code) in codes.enumerated() {
            guard case .format(let properties) = payloads[code.payload] else { continue }
            guard let wrapper = codes.indices.first(where: { other in
                if case .wrapper(_, nil) = payloads[codes[other].payload] {
                    return codes[other].start == code.start && codes[other].end == code.end
                }
                return false
            }), case .wrapper(let element, _) = payloads[codes[wrapper].payload] else { continue }
            payloads[codes[wrapper].payload] = .wrapper(element, properties: properties)
            folded.insert(index)
        }
        let kept = codes.indices.filter { !folded.contains($0) }.map { codes[$0] }
        paragraph = FormattedParagraph(text: String(text), codes: kept)
    }

    // MARK: Writing

    /// Replaces the paragraph's content by `pieces` and makes it left-to-right English.
    func rebuild(_ pieces: [ParagraphPiece]) {
        var children: [MarkupNode] = []
        let properties = element.child(qualified("pPr"))?.copy() ?? MarkupElement(name: qualified("pPr"))
        englishParagraph(properties)
        children.append(.element(properties))
        children += startMarkers.map { .element($0) }
        let root = MarkupElement(name: "content")
        var openWrappers: [(code: Int, element: MarkupElement)] = []
        var active: [Int] = []
        func current() -> MarkupElement { openWrappers.last?.element ?? root }
        func sync() {
            let wanted = active.filter { if case .wrapper = payloads[paragraph.codes[$0].payload] { true } else { false } }
            var common = 0
            while common < openWrappers.count, common < wanted.count, openWrappers[common].code == wanted[common] { common += 1 }
            openWrappers.removeLast(openWrappers.count - common)
            for code in wanted[common...] {
                guard case .wrapper(let original, _) = payloads[paragraph.codes[code].payload] else { continue }
                let wrapper = original.shallowCopy()
                current().children.append(.element(wrapper))
                openWrappers.append((code, wrapper))
            }
        }
        var pendingText = ""
        func flushText() {
            guard !pendingText.isEmpty else { return }
            sync()
            var properties = baseProperties
            for code in active.reversed() {
                if case .format(let format) = payloads[paragraph.codes[code].payload] {
                    properties = format
                    break
                }
                if case .wrapper(_, let own?) = payloads[paragraph.codes[code].payload] {
                    properties = own
                    break
                }
            }
            current().children.append(.element(englishRun(pendingText, properties: properties)))
            pendingText = ""
        }
        for piece in pieces {
            switch piece {
            case .text(let text):
                pendingText += text
            case .open(let code):
                flushText()
                active.append(code)
            case .close(let code):
                flushText()
                if let index = active.lastIndex(of: code) { active.remove(at: index) }
            case .point(let code):
                flushText()
                sync()
                switch payloads[paragraph.codes[code].payload] {
                case .runs(let nodes):
                    for node in nodes {
                        let copy = node.copy()
                        if copy.name == qualified("r"), let properties = copy.child(qualified("rPr")) {
                            properties.removeChildren(named: ["rtl"])
                        }
                        current().children.append(.element(copy))
                    }
                case .wrapper(let original, _): current().children.append(.element(original.copy()))
                case .format: break
                }
            }
        }
        flushText()
        children += root.children
        children += endMarkers.map { .element($0) }
        element.children = children
    }

    private static let paragraphOrder: [Substring] = [
        "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr", "suppressLineNumbers", "pBdr",
        "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN",
        "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
        "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange",
    ]
    private static let runOrder: [Substring] = [
        "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline", "shadow", "emboss",
        "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w", "kern", "position", "sz", "szCs",
        "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout",
        "specVanish", "oMath",
    ]

    /// Paragraph properties made left-to-right (`w:bidi` off, whatever the style says) and the
    /// paragraph mark's run properties English.
    private func englishParagraph(_ properties: MarkupElement) {
        properties.removeChildren(named: ["bidi"])
        properties.insert(MarkupElement(name: qualified("bidi"), attributes: [MarkupAttribute(name: qualified("val"), value: "0")]),
                          order: Self.paragraphOrder)
        if let mark = properties.child(qualified("rPr")) { englishProperties(mark) }
    }

    /// Run properties for English: no right-to-left or complex-script flag, the complex-script
    /// bold, italic and size carried over to the Latin ones, the language en-US.
    private func englishProperties(_ properties: MarkupElement) {
        let present = Set(properties.elements.map(\.localName))
        for (complex, latin) in [("bCs", "b"), ("iCs", "i"), ("szCs", "sz")] where present.contains(Substring(complex)) && !present.contains(Substring(latin)) {
            if let source = properties.child(qualified(complex)) {
                properties.insert(MarkupElement(name: qualified(latin), attributes: source.attributes), order: Self.runOrder)
            }
        }
        properties.removeChildren(named: ["rtl", "cs"])
        if let language = properties.child(qualified("lang")) {
            language.setAttribute(qualified("val"), "en-US")
        } else {
            properties.insert(MarkupElement(name: qualified("lang"), attributes: [MarkupAttribute(name: qualified("val"), value: "en-US")]),
                              order: Self.runOrder)
        }
    }

    /// A run of English text: tabs and line breaks as Word writes them.
    private func englishRun(_ text: String, properties: MarkupElement?) -> MarkupElement {
        let run = MarkupElement(name: qualified("r"))
        let runProperties = properties?.copy() ?? MarkupElement(name: qualified("rPr"))
        englishProperties(runProperties)
        run.children.append(.element(runProperties))
        var chunk = ""
        func flush() {
            guard !chunk.isEmpty else { return }
            run.children.append(.element(MarkupElement(name: qualified("t"), attributes: [MarkupAttribute(name: "xml:space", value: "preserve")],
                                                       children: [.text(chunk)])))
            chunk = ""
        }
        for character in text {
            switch character {
            case "\t":
                flush()
                run.children.append(.element(MarkupElement(name: qualified("tab"))))
            case "\n", "\r\n", "\r", "\u{2028}":
                flush()
                run.children.append(.element(MarkupElement(name: qualified("br"))))
            default:
                chunk.append(character)
            }
        }
        flush()
        return run
    }
}
