import Foundation

/// One `trans-unit` of an XLIFF 1.2 file.
public struct XLIFFUnit: Sendable, Equatable {
    public let id: String
    public let source: String
    /// The target text; nil when the unit has no `target` element.
    public let target: String?
    /// The target's `state` attribute.
    public let state: String?
    /// The `approved` attribute of the unit is `yes`.
    public let approved: Bool
    public let notes: [String]
    /// Where the `trans-unit` starts in the file.
    public let line: Int

    /// Whether the target counts as approved: `approved="yes"`, or the state `final` or `signed-off`.
    public var isApproved: Bool {
        approved || state == "final" || state == "signed-off"
    }
}

/// Reads the translation units of an XLIFF 1.2 file (files written by other CAT tools too):
/// `trans-unit`s inside `group`s, inline markup reduced to its text (`g` and `mrk` kept, native
/// codes in `ph` `bpt` `ept` `it` left out and counted), `alt-trans` suggestions and `seg-source`
/// ignored. Entity declarations are refused and external DTDs are never fetched.
public enum XLIFFReader {
    public struct Contents: Sendable {
        public var units: [XLIFFUnit] = []
        /// Inline codes left out of the texts.
        public var droppedCodes = 0
    }

    /// Whether a file is XLIFF: by its extension (`.xlf`, `.xliff`), or an XML file whose root is `xliff`.
    public static func isXLIFF(path: String) -> Bool {
        let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
        return ext == "xlf" || ext == "xliff" || XMLProlog.fileStarts(path: path, withRoot: "xliff")
    }

    public static func read(_ data: Data, origin: String) throws(TarjumanError) -> Contents {
        guard !data.isEmpty else { throw .emptyInput(file: origin) }
        if let position = XMLProlog.entityDeclaration(in: data) {
            throw .malformedFile(file: origin, line: position.line, column: position.column,
                                 reason: "entity declarations are not accepted (no external entities, no entity expansion)")
        }
        let delegate = Delegate(origin: origin)
        do {
            try XMLDocumentReader.read(data, origin: origin, events: delegate)
        } catch {
            throw delegate.failure ?? error
        }
        if let error = delegate.failure { throw error }
        guard delegate.sawRoot else {
            throw .malformedFile(file: origin, line: 1, column: 1, reason: "not an XLIFF file: no xliff root element")
        }
        return delegate.contents
    }

    final class Delegate: XMLDocumentEvents {
        let origin: String
        var contents = Contents()
        var failure: TarjumanError?
        var sawRoot = false

        var attributes: [String: String] = [:]
        var line = 0
        var source: String?
        var target: String?
        var state: String?
        var notes: [String] = []
        var inUnit = false
        /// What text is being collected, and how deep inside it the parser is.
        var collecting: Collect?
        var depth = 0
        /// What each element open inside the text adds when it closes (`</b1>` for a `g`).
        var closings: [String?] = []
        /// Depth inside an element whose content is skipped (`alt-trans`, `seg-source`, codes).
        var skipping = 0
        var buffer = ""

        enum Collect { case source, target, note }

        init(origin: String) {
            self.origin = origin
        }

        func fail(_ parser: XMLDocumentReader, _ reason: String) {
            if failure == nil { failure = .malformedFile(file: origin, line: parser.line, column: parser.column, reason: reason) }
            parser.stop()
        }

        func start(_ localName: String, qualifiedName elementName: String, attributes attributeDict: [String: String],
                   reader parser: XMLDocumentReader) {
            let name = Substring(localName)
            if !sawRoot {
                guard name == "xliff" else { return fail(parser, "not an XLIFF file: the root element is \(elementName), not xliff") }
                sawRoot = true
                if let version = attributeDict["version"], version.hasPrefix("2") {
                    fail(parser, "XLIFF \(version) is not read; save the file as XLIFF 1.2 in your tool")
                }
                return
            }
            if skipping > 0 {
                skipping += 1
                if ["ph", "bpt", "ept", "it"].contains(name) { contents.droppedCodes += 1 }
                return
            }
            if collecting != nil {
                // Codes whose id is one of Tarjuman's tags (b1, f2) come back as tags; others are left out.
                let tag = (attributeDict["id"] ?? attributeDict["rid"]).flatMap { TaggedText.isTagName($0) ? $0 : nil }
                var closing: String?
                switch name {
                case "ph", "bpt", "ept", "it":
                    contents.droppedCodes += 1
                    skipping = 1
                    return
                case "g":
                    if let tag {
                        buffer += "<\(tag)>"
                        closing = "</\(tag)>"
                    }
                case "x", "bx", "ex":
                    if let tag {
                        buffer += name == "x" ? "<\(tag)/>" : name == "bx" ? "<\(tag)>" : "</\(tag)>"
                    } else {
                        contents.droppedCodes += 1
                    }
                default:
                    break
                }
                depth += 1
                closings.append(closing)
                return
            }
            switch name {
            case "trans-unit":
                inUnit = true
                attributes = attributeDict
                line = parser.line
                source = nil
                target = nil
                state = nil
                notes = []
            case "source" where inUnit && source == nil:
                collecting = .source
                buffer = ""
            case "target" where inUnit && target == nil:
                collecting = .target
                state = attributeDict["state"]
                buffer = ""
            case "note" where inUnit:
                collecting = .note
                buffer = ""
            case "alt-trans", "seg-source":
                skipping = 1
            default:
                break
            }
        }

        func end(_ localName: String, qualifiedName: String, reader parser: XMLDocumentReader) {
            if skipping > 0 {
                skipping -= 1
                return
            }
            if let collect = collecting {
                if depth > 0 {
                    depth -= 1
                    if let closing = closings.popLast() ?? nil { buffer += closing }
                    return
                }
                switch collect {
                case .source: source = buffer
                case .target: target = buffer
                case .note: notes.append(buffer.trimmingWhitespace())
                }
                collecting = nil
                return
            }
            guard localName == "trans-unit", inUnit else { return }
            inUnit = false
            guard attributes["translate"] != "no" else { return }
            guard let id = attributes["id"] else { return fail(parser, "a trans-unit has no id") }
            contents.units.append(XLIFFUnit(
                id: id, source: source ?? "", target: target, state: state,
                approved: attributes["approved"] == "yes", notes: notes.filter { !$0.isEmpty }, line: line))
        }

        func text(_ string: String, reader: XMLDocumentReader) {
            if collecting != nil && skipping == 0 { buffer += string }
        }
    }
}
