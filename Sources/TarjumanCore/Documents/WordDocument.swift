import Foundation

/// A Word document (DOCX) read as formatted paragraphs, and written again with the paragraphs
/// in English. The paragraphs of the main document come first, then those of the footnotes,
/// endnotes, headers, footers and comments; inside one part, a paragraph comes before those of
/// the text boxes it holds. Each part is read on its own, paragraph by paragraph, and every
/// other part is copied as it is.
enum WordDocument {
    static let mainNamespaces: Set<String> = [
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "http://purl.oclc.org/ooxml/wordprocessingml/main",
    ]

    /// The translatable paragraphs of the DOCX at `path`.
    static func paragraphs(path: String, origin: String) throws(TarjumanError) -> [FormattedParagraph] {
        let package = try ZipPackage(path: path, origin: origin)
        var found: [FormattedParagraph] = []
        for part in try textParts(of: package) {
            _ = try process(part, of: package, writes: false) { paragraph in found.append(paragraph.paragraph) }
        }
        return found
    }

    /// Writes the DOCX at `original` to `path` with each translatable paragraph (numbered from 0
    /// in the order `paragraphs` gives) replaced by the pieces `english` gives it; nil keeps it.
    static func write(original: String, origin: String, to path: String,
                      english: @escaping (Int, FormattedParagraph) -> [ParagraphPiece]?) throws(TarjumanError) {
        let package = try ZipPackage(path: original, origin: origin)
        let parts = try textParts(of: package)
        var index = 0
        try package.write(to: path) { (part: String) throws(TarjumanError) -> Data? in
            guard parts.contains(part) else { return nil }
            var paragraphs: [WordParagraph] = []
            // Text boxes inside a paragraph are written before the paragraph that holds them.
            return try process(part, of: package, writes: true) { paragraph in
                paragraphs.append(paragraph)
            } completed: {
                for paragraph in paragraphs {
                    if let pieces = english(index, paragraph.paragraph) { paragraph.pending = pieces }
                    index += 1
                }
                for paragraph in paragraphs.reversed() {
                    if let pieces = paragraph.pending { paragraph.rebuild(pieces) }
                }
                paragraphs.removeAll()
            }
        }
    }

    /// The parts whose paragraphs are for translation, in order.
    static func textParts(of package: ZipPackage) throws(TarjumanError) -> [String] {
        var main = "word/document.xml"
        if package.contains("_rels/.rels") {
            for relation in try relationships(package.read("_rels/.rels"), origin: package.origin)
            where relation.type.hasSuffix("/officeDocument") && !relation.external {
                main = resolve(relation.target, from: "")
            }
        }
        guard package.contains(main) else {
            throw .unreadableDocument(file: package.origin, reason: "has no Word document inside (no \(main)); is it a DOCX, or another kind of zip file?")
        }
        let folder = main.split(separator: "/").dropLast().joined(separator: "/")
        let name = main.split(separator: "/").last.map(String.init) ?? main
        let relationsPath = (folder.isEmpty ? "" : folder + "/") + "_rels/" + name + ".rels"
        var byKind: [String: [String]] = [:]
        if package.contains(relationsPath) {
            for relation in try relationships(package.read(relationsPath), origin: package.origin) where !relation.external {
                guard let kind = relation.type.split(separator: "/").last.map(String.init),
                      ["footnotes", "endnotes", "header", "footer", "comments"].contains(kind) else { continue }
                let target = resolve(relation.target, from: folder)
                if package.contains(target) { byKind[kind, default: []].append(target) }
            }
        }
        var parts = [main]
        for kind in ["footnotes", "endnotes", "header", "footer", "comments"] {
            for part in (byKind[kind] ?? []).sorted() where !parts.contains(part) { parts.append(part) }
        }
        return parts
    }

    private struct Relationship {
        var type: String
        var target: String
        var external: Bool
    }

    private static func relationships(_ data: Data, origin: String) throws(TarjumanError) -> [Relationship] {
        let tree = MarkupTreeBuilder()
        try MarkupReader.readXML(data, origin: origin + ": relationships", events: tree)
        return (tree.root?.elements ?? []).filter { $0.localName == "Relationship" }.compactMap { element in
            guard let type = element.attribute("Type"), let target = element.attribute("Target") else { return nil }
            return Relationship(type: type, target: target, external: element.attribute("TargetMode") == "External")
        }
    }

    /// A relationship's target as a part name: relative to `folder`, or absolute from the package root.
    private static func resolve(_ target: String, from folder: String) -> String {
        var components: [Substring] = target.hasPrefix("/") ? [] : folder.split(separator: "/")
        for component in target.split(separator: "/") {
            if component == ".." { _ = components.popLast() } else if component != "." { components.append(component) }
        }
        return components.joined(separator: "/")
    }

    /// Reads one part, handing each translatable paragraph to `paragraph` (a top-level paragraph
    /// and the paragraphs of its text boxes, then `completed`); returns the part written again
    /// when `writes`.
    private static func process(_ part: String, of package: ZipPackage, writes: Bool,
                                paragraph: @escaping (WordParagraph) -> Void,
                                completed: @escaping () -> Void = {}) throws(TarjumanError) -> Data? {
        try process(package.read(part), origin: package.origin + ": " + part, writes: writes, paragraph: paragraph, completed: completed)
    }

    static func process(_ data: Data, origin: String, writes: Bool,
                        paragraph: @escaping (WordParagraph) -> Void,
                        completed: @escaping () -> Void = {}) throws(TarjumanError) -> Data? {
        let processor = WordPartProcessor(writes: writes) { element in
            let prefix = element.name.firstIndex(of: ":").map { String(element.name[..<$0]) + ":" } ?? ""
            let all = element.descendants { $0.name == prefix + "p" }
            for candidate in all {
                let read = WordParagraph(candidate)
                if read.paragraph.isTranslatable { paragraph(read) }
            }
            completed()
        }
        try MarkupReader.readXML(data, origin: origin, events: processor)
        return writes ? Data(processor.writer.bytes) : nil
    }
}

/// Streams a DOCX part: every top-level paragraph is gathered into a tree and handed over (the
/// handler may change it in place); all else is written out as it comes when `writes`.
final class WordPartProcessor: MarkupEvents {
    let writes: Bool
    private(set) var writer = MarkupWriter(dialect: .xml)
    private var pendingStart = false
    private var paragraphName: String?
    private var captured: [MarkupElement] = []
    private let onParagraph: (MarkupElement) -> Void

    init(writes: Bool, onParagraph: @escaping (MarkupElement) -> Void) {
        self.writes = writes
        self.onParagraph = onParagraph
        if writes { writer.raw("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n") }
    }

    private func closePending() {
        if pendingStart {
            writer.raw(">")
            pendingStart = false
        }
    }

    func start(_ element: MarkupElement) {
        if paragraphName == nil {
            let declaration = element.attributes.first { $0.name.hasPrefix("xmlns") && WordDocument.mainNamespaces.contains($0.value ?? "") }
            let prefix = declaration.map { $0.name == "xmlns" ? "" : String($0.name.dropFirst(6)) + ":" } ?? "w:"
            paragraphName = prefix + "p"
        }
        if let parent = captured.last {
            parent.children.append(.element(element))
            captured.append(element)
            return
        }
        if element.name == paragraphName {
            captured = [element]
            return
        }
        guard writes else { return }
        closePending()
        writer.startTag(element)
        pendingStart = true
    }

    func end(_ name: String) {
        if !captured.isEmpty {
            let done = captured.removeLast()
            if captured.isEmpty {
                onParagraph(done)
                if writes {
                    closePending()
                    writer.write(done)
                }
            }
            return
        }
        guard writes else { return }
        if pendingStart {
            writer.raw("/>")
            pendingStart = false
        } else {
            writer.raw("</" + name + ">")
        }
    }

    func text(_ text: String) {
        if let parent = captured.last {
            if case .text(let previous)? = parent.children.last {
                parent.children[parent.children.count - 1] = .text(previous + text)
            } else {
                parent.children.append(.text(text))
            }
            return
        }
        guard writes else { return }
        closePending()
        writer.text(text)
    }
}
