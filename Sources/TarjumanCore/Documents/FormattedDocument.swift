import Foundation

/// The formats of documents Tarjuman reads with their formatting and writes back in English.
public enum DocumentFormat: String, Sendable, CaseIterable, Codable {
    case docx, html

    /// The format a file name's extension names (.docx; .html, .htm, .xhtml).
    public init?(path: String) {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "docx", "docm", "dotx": self = .docx
        case "html", "htm", "xhtml": self = .html
        default: return nil
        }
    }

    public var fileExtension: String { rawValue }

    public var mediaType: String {
        switch self {
        case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .html: "text/html; charset=utf-8"
        }
    }

    /// The translatable paragraphs of a file in this format, and a note on how it was read.
    func paragraphs(of bytes: Data, origin: String) throws(TarjumanError) -> (paragraphs: [FormattedParagraph], note: String?) {
        switch self {
        case .docx:
            return try Self.withTemporaryFile(bytes) { (path: String) throws(TarjumanError) in
                (try WordDocument.paragraphs(path: path, origin: origin), nil)
            }
        case .html:
            let page = try HTMLPage(data: bytes, origin: origin)
            return (page.paragraphs, page.encodingNote)
        }
    }

    /// Runs `body` with `bytes` in a file of its own (a zip package is read from a file).
    static func withTemporaryFile<Result>(_ bytes: Data, _ body: (String) throws(TarjumanError) -> Result) throws(TarjumanError) -> Result {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tarjuman-\(UUID().uuidString).docx").path
        guard FileManager.default.createFile(atPath: path, contents: bytes) else {
            throw .unreadableFile(path, reason: "a temporary copy cannot be written")
        }
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try body(path)
    }
}

/// A DOCX or HTML file read for import: its bytes (kept, to write the English document later),
/// its translatable paragraphs, and its text (the paragraphs, a blank line between them).
public struct FormattedDocument: Sendable {
    public let origin: String
    public let format: DocumentFormat
    public let bytes: Data
    /// How the file was read, when that is worth saying (an HTML page's encoding).
    public let note: String?
    let paragraphs: [FormattedParagraph]

    public init(contentsOf path: String, format: DocumentFormat) throws(TarjumanError) {
        let bytes = try SourceText.data(contentsOf: path)
        guard !bytes.isEmpty else { throw .emptyInput(file: path) }
        try self.init(bytes: bytes, format: format, origin: path)
    }

    public init(bytes: Data, format: DocumentFormat, origin: String) throws(TarjumanError) {
        self.origin = origin
        self.format = format
        self.bytes = bytes
        let (paragraphs, note) = try format.paragraphs(of: bytes, origin: origin)
        guard !paragraphs.isEmpty else { throw .unreadableDocument(file: origin, reason: "holds no text to translate") }
        self.paragraphs = paragraphs
        self.note = note
    }

    /// How many paragraphs are for translation.
    public var paragraphCount: Int { paragraphs.count }

    /// The paragraphs joined by blank lines: the document's stored text.
    public var text: String { Self.text(of: paragraphs) }

    static func text(of paragraphs: [FormattedParagraph]) -> String {
        paragraphs.map(\.text).joined(separator: "\n\n")
    }

    /// Where each paragraph starts in `text`, in Unicode scalars.
    static func starts(of paragraphs: [FormattedParagraph]) -> [Int] {
        var starts: [Int] = []
        var offset = 0
        for paragraph in paragraphs {
            starts.append(offset)
            offset += paragraph.text.unicodeScalars.count + 2
        }
        return starts
    }

    /// The units of the document: each paragraph segmented as a text paragraph is, the units
    /// numbered by paragraph, each with its codes.
    public func units(segmenter: SentenceSegmenter) -> [DocumentUnit] {
        let (segments, _) = segmenter.segmentation(text, layout: .blankLines)
        let starts = Self.starts(of: paragraphs)
        let grouped = Self.group(segments.map { ($0.start, $0.end) }, starts: starts)
        var units: [DocumentUnit] = []
        var next = 0
        for (paragraphIndex, members) in grouped.enumerated() where !members.isEmpty {
            let start = starts[paragraphIndex]
            let plans = UnitCodePlan.plans(paragraphs[paragraphIndex], units: members.map { segments[$0].start - start ..< segments[$0].end - start })
            for (offset, member) in members.enumerated() {
                let segment = segments[member]
                next += 1
                units.append(DocumentUnit(segment: Segment(paragraph: paragraphIndex + 1, index: next, start: segment.start, end: segment.end,
                                                           text: segment.text),
                                          codes: plans[offset].inner))
            }
        }
        return units
    }

    /// The indices of `ranges` (offsets in the text) that each paragraph holds.
    static func group(_ ranges: [(start: Int, end: Int)], starts: [Int]) -> [[Int]] {
        var groups = Array(repeating: [Int](), count: starts.count)
        var paragraph = 0
        for (index, range) in ranges.enumerated() {
            while paragraph + 1 < starts.count, starts[paragraph + 1] <= range.start { paragraph += 1 }
            if !starts.isEmpty { groups[paragraph].append(index) }
        }
        return groups
    }
}

/// A unit of a formatted document, with the codes its rendering places.
public struct DocumentUnit: Sendable {
    public let segment: Segment
    public let codes: [InlineCode]
}
