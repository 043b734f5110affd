/// How quotes in a TSV or CSV file are read.
public enum DelimitedQuoting: String, Sendable, CaseIterable {
    /// TSV: a field in double quotes is unquoted only when the quoting is well formed and was
    /// needed (the field holds a tab, a line break or a doubled quote) or the file quotes every
    /// field; any other quote is text, as in TSV written by corpora and scripts. CSV: RFC 4180,
    /// with a quote inside an unquoted field kept as text.
    case auto
    /// RFC 4180: a field that starts with a quote is quoted, and must be well formed.
    case rfc4180
    /// Quotes are text everywhere.
    case none
}

/// What was found out about how a delimited file was written, for the report.
public struct DelimitedLayout: Sendable, Equatable {
    public var encoding: TextEncoding = .utf8
    /// Whether every field was written in quotes (so every quoted field was unquoted).
    public var quotesEveryField = false
    /// Fields read as quoted and unquoted.
    public var quotedFields = 0
    /// Fields that start with a quote read as text.
    public var quotesKeptAsText = 0
    /// The header row as written; nil when the first row was data.
    public var header: [String]?
    /// The column of each field, in order, as read (from the header, or the documented order).
    public var columns: [String] = []

    /// This layout with the header and columns that `columns` found.
    func described(by columns: DelimitedRecords.Columns) -> DelimitedLayout {
        var layout = self
        layout.header = columns.header
        layout.columns = columns.names
        return layout
    }

    /// One line that says how the file was read.
    public var summary: String {
        var parts: [String] = []
        if let header {
            parts.append("header row: " + header.joined(separator: ", "))
        } else {
            parts.append("no header row, columns by position: " + columns.joined(separator: ", "))
        }
        if quotesEveryField {
            parts.append("every field quoted")
        } else if quotedFields > 0 {
            parts.append("\(quotedFields) quoted field\(quotedFields == 1 ? "" : "s") unquoted")
        }
        if quotesKeptAsText > 0 { parts.append("\(quotesKeptAsText) field\(quotesKeptAsText == 1 ? "" : "s") starting with a quote kept as written") }
        if encoding != .utf8 { parts.append(encoding.rawValue) }
        return parts.joined(separator: "; ")
    }
}

/// Rows of a TSV or CSV file, read in blocks from its bytes so that memory does not grow with
/// the file. CRLF, LF and CR end rows; blank rows are skipped. Quotes are read as `quoting` says.
final class DelimitedReader {
    typealias Field = DelimitedRecords.Field

    /// The longest row read, in bytes.
    static let rowLimit = 16 << 20
    /// Rows looked at to tell whether the file quotes every field.
    static let probeRows = 20

    let file: String
    let separator: UInt8
    let quoting: DelimitedQuoting
    /// Whether every field that starts with a quote must be well quoted (RFC 4180, and CSV in
    /// `auto`); otherwise a broken quoted field is text.
    private let strict: Bool
    private let source: TextFileBytes
    private var buffer: [UInt8] = []
    private var position = 0
    private var ended = false
    /// The file offset of `buffer[0]` (UTF-8 files).
    private var bufferOffset = 0
    private var line = 1
    private var spans: [Span] = []
    /// Line breaks in the row last scanned, its end included.
    private var rowLines = 0
    /// The fields of the first row, which later rows are expected to have.
    private var expectedWidth: Int?
    private(set) var layout = DelimitedLayout()

    private static let quote = UInt8(ascii: "\"")
    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    /// One field of a row being read: where its bytes are in the buffer.
    private struct Span {
        var start: Int
        var end: Int
        var line: Int
        var column: Int
        /// Read as a quoted field; `doubled` when it holds `""` to undo.
        var quoted: Bool
        var doubled: Bool
        /// Starts with a quote but was read as text.
        var quoteAsText: Bool
    }

    init(source: TextFileBytes, separator: Unicode.Scalar, quoting: DelimitedQuoting) throws(TarjumanError) {
        self.source = source
        self.file = source.origin
        self.separator = UInt8(separator.value)
        self.quoting = quoting
        strict = quoting == .rfc4180 || (quoting == .auto && separator != "\t")
        bufferOffset = source.fileOffset
        layout.encoding = source.encoding
        try fill()
        if quoting == .auto, separator == "\t" { layout.quotesEveryField = probeQuotesEveryField() }
    }

    convenience init(path: String, separator: Unicode.Scalar, quoting: DelimitedQuoting) throws(TarjumanError) {
        try self.init(source: TextFileBytes(path: path), separator: separator, quoting: quoting)
    }

    /// Appends the next block to the buffer (dropping what was read); false at the end.
    private func fill() throws(TarjumanError) -> Bool {
        if position > 0 {
            buffer.removeSubrange(0 ..< position)
            bufferOffset += position
            position = 0
        }
        let start = buffer.count
        guard try source.append(to: &buffer) else {
            ended = true
            return false
        }
        let hasZero = buffer.withUnsafeBufferPointer { bytes in
            bytes[start...].withContiguousStorageIfAvailable { $0.contains(0) } ?? false
        }
        if hasZero { throw .binaryFile(file: file, hint: "it holds zero bytes") }
        return true
    }

    /// The next row, or nil at the end of the file.
    func next() throws(TarjumanError) -> [Field]? {
        while true {
            guard let end = try scanRow() else {
                if ended { return nil }
                if buffer.count - position > Self.rowLimit { throw .lineTooLong(file: file, line: line, limit: Self.rowLimit) }
                _ = try fill()
                continue
            }
            let row = try makeFields()
            position = end
            line += rowLines
            if expectedWidth == nil { expectedWidth = row.count }
            if row.allSatisfy({ $0.value.allSatisfy(\.isWhitespace) }) { continue }
            return row
        }
    }

    /// What a field that starts with a quote turns out to be.
    private enum Quoted {
        /// More bytes are needed to tell.
        case needMore
        /// Closed at `closing`, followed by the separator, a line break or the end.
        case wellFormed(closing: Int, doubled: Bool, separatorInside: Bool, lineBreakInside: Bool)
        /// Closed at `closing` and followed by something else.
        case textAfterClosingQuote(closing: Int)
        case neverClosed
    }

    private func scanQuoted(_ bytes: UnsafeBufferPointer<UInt8>, from open: Int) -> Quoted {
        var index = open + 1
        var doubled = false, separatorInside = false, lineBreakInside = false
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte == Self.quote {
                if index + 1 >= count {
                    return ended ? .wellFormed(closing: index, doubled: doubled, separatorInside: separatorInside, lineBreakInside: lineBreakInside) : .needMore
                }
                let after = bytes[index + 1]
                if after == Self.quote {
                    doubled = true
                    index += 2
                    continue
                }
                if after == separator || after == Self.lineFeed || after == Self.carriageReturn {
                    return .wellFormed(closing: index, doubled: doubled, separatorInside: separatorInside, lineBreakInside: lineBreakInside)
                }
                return .textAfterClosingQuote(closing: index)
            }
            if byte == separator { separatorInside = true }
            if byte == Self.lineFeed || byte == Self.carriageReturn { lineBreakInside = true }
            if index - open > Self.rowLimit { return .neverClosed }
            index += 1
        }
        return ended ? .neverClosed : .needMore
    }

    /// Where an unquoted field that starts at `start` ends: the next separator or line break.
    private func scanText(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        let count = bytes.count
        let separator = self.separator
        while index < count {
            let byte = bytes[index]
            if byte == separator || byte == Self.lineFeed || byte == Self.carriageReturn { return index }
            index += 1
        }
        return ended ? count : nil
    }

    /// Reads the fields of the row at `position` into `spans`; returns where the next row
    /// starts, or nil when the buffer ends first.
    private func scanRow() throws(TarjumanError) -> Int? {
        spans.removeAll(keepingCapacity: true)
        return try buffer.withUnsafeBufferPointer { (bytes) throws(TarjumanError) -> Int? in
            let count = bytes.count
            var index = position
            if index >= count { return nil }
            var fieldLine = line
            var lineStart = position
            var column = 1
            var columnCountedTo = position
            while true {
                while columnCountedTo < index {
                    if bytes[columnCountedTo] & 0xC0 != 0x80 { column += 1 }
                    columnCountedTo += 1
                }
                var span = Span(start: index, end: index, line: fieldLine, column: column, quoted: false, doubled: false, quoteAsText: false)
                var readAsText = true
                if index < count, bytes[index] == Self.quote, quoting != .none {
                    switch scanQuoted(bytes, from: index) {
                    case .needMore:
                        return nil
                    case .wellFormed(let closing, let doubled, let separatorInside, let lineBreakInside):
                        let needed = doubled || separatorInside || lineBreakInside
                        // In TSV, a quote that opens a field and closes after a tab or a line break
                        // is a quotation, not quoting (the Arabic opens with a quotation mark, the
                        // English closes with one), when read as quoted the row would not have the
                        // first row's width (doubled quotes or not), or when read as text it has that width too: for a
                        // field with tabs and line breaks, every line of it (doubled quotes then
                        // show no writer's escaping); otherwise its first line, unless doubled
                        // quotes show escaping. In the first row, a quoted field holding a tab is text.
                        func swallowsRows() -> Bool {
                            guard separatorInside || lineBreakInside else { return false }
                            guard let width = expectedWidth else { return separatorInside && !doubled }
                            if lineWidth(bytes, from: closing + 1, fieldsBefore: spans.count, skippingQuoted: true) != width { return true }
                            guard separatorInside, lineBreakInside else { return false }
                            if doubled { return everyLineHasWidth(width, bytes, rowStart: position, through: closing) }
                            return lineWidth(bytes, from: index, fieldsBefore: spans.count) == width
                        }
                        if strict || layout.quotesEveryField || (needed && !swallowsRows()) {
                            span.start = index + 1
                            span.end = closing
                            span.quoted = true
                            span.doubled = doubled
                            readAsText = false
                            if lineBreakInside {
                                for offset in index ..< closing where bytes[offset] == Self.lineFeed || (bytes[offset] == Self.carriageReturn && bytes[offset + 1] != Self.lineFeed) {
                                    fieldLine += 1
                                    lineStart = offset + 1
                                }
                                columnCountedTo = max(columnCountedTo, lineStart)
                                column = 1
                            }
                            index = closing + 1
                        }
                    case .textAfterClosingQuote(let closing):
                        if strict {
                            throw TarjumanError.malformedFile(file: file, line: fieldLine, column: column + scalars(bytes, span.start ..< closing + 1),
                                                              reason: "text after a closing quote; double a quote inside a quoted field (\"\")")
                        }
                    case .neverClosed:
                        if strict {
                            throw TarjumanError.malformedFile(file: file, line: fieldLine, column: column, reason: "this quote is never closed")
                        }
                    }
                    span.quoteAsText = readAsText
                }
                if readAsText {
                    guard let end = scanText(bytes, from: index) else { return nil }
                    span.end = end
                    index = end
                }
                spans.append(span)
                if index - position > Self.rowLimit { throw TarjumanError.lineTooLong(file: file, line: line, limit: Self.rowLimit) }
                if index >= count {
                    rowLines = fieldLine - line
                    return index
                }
                let byte = bytes[index]
                if byte == separator {
                    index += 1
                    continue
                }
                rowLines = fieldLine - line + 1
                if byte == Self.carriageReturn {
                    if index + 1 >= count, !ended { return nil }
                    return index + 1 < count && bytes[index + 1] == Self.lineFeed ? index + 2 : index + 1
                }
                return index + 1
            }
        }
    }

    /// The fields of the line from `start` to its line break read as text, counting
    /// `fieldsBefore` fields already read in the row.
    /// With `skippingQuoted`, a later field that is well quoted counts as one field.
    private func lineWidth(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, fieldsBefore: Int, skippingQuoted: Bool = false) -> Int {
        var fields = fieldsBefore + 1
        var index = start
        while index < bytes.count, bytes[index] != Self.lineFeed, bytes[index] != Self.carriageReturn {
            if bytes[index] == separator {
                fields += 1
                if skippingQuoted, index + 1 < bytes.count, bytes[index + 1] == Self.quote,
                   case .wellFormed(let closing, _, _, _) = scanQuoted(bytes, from: index + 1) {
                    index = closing + 1
                    continue
                }
            }
            index += 1
        }
        return fields
    }

    /// Whether every line from `rowStart` to the end of the line holding `through`, read as
    /// text, has `width` fields.
    private func everyLineHasWidth(_ width: Int, _ bytes: UnsafeBufferPointer<UInt8>, rowStart: Int, through last: Int) -> Bool {
        var start = rowStart
        while true {
            if lineWidth(bytes, from: start, fieldsBefore: 0) != width { return false }
            var end = start
            while end < bytes.count, bytes[end] != Self.lineFeed, bytes[end] != Self.carriageReturn { end += 1 }
            if end >= last || end >= bytes.count { return true }
            start = end + 1
            if bytes[end] == Self.carriageReturn, start < bytes.count, bytes[start] == Self.lineFeed { start += 1 }
        }
    }

    private func scalars(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var count = 0
        for index in range where bytes[index] & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// The fields of `spans` as text.
    private func makeFields() throws(TarjumanError) -> [Field] {
        var fields: [Field] = []
        fields.reserveCapacity(spans.count)
        for span in spans {
            if span.quoted { layout.quotedFields += 1 }
            if span.quoteAsText { layout.quotesKeptAsText += 1 }
            let value = try buffer.withUnsafeBufferPointer { (bytes) throws(TarjumanError) -> String in
                let slice = UnsafeBufferPointer(rebasing: bytes[span.start ..< span.end])
                if span.doubled {
                    var unescaped: [UInt8] = []
                    unescaped.reserveCapacity(slice.count)
                    var index = 0
                    while index < slice.count {
                        unescaped.append(slice[index])
                        index += slice[index] == Self.quote && index + 1 < slice.count && slice[index + 1] == Self.quote ? 2 : 1
                    }
                    return try text(unescaped.withUnsafeBufferPointer { String(validating: $0, as: UTF8.self) }, slice, at: span.start)
                }
                return try text(String(validating: slice, as: UTF8.self), slice, at: span.start)
            }
            fields.append(Field(value: value, line: span.line, column: span.column))
        }
        return fields
    }

    private func text(_ value: String?, _ bytes: UnsafeBufferPointer<UInt8>, at start: Int) throws(TarjumanError) -> String {
        if let value { return value }
        let offset = SourceText.firstInvalidUTF8Offset(Array(bytes)) ?? 0
        throw .invalidUTF8(file: file, byteOffset: bufferOffset + start + offset)
    }

    /// Whether the first rows quote every field (empty and numeric fields may stand bare, as
    /// LibreOffice writes them): at least two rows, or one row whose quoting was needed.
    private func probeQuotesEveryField() -> Bool {
        buffer.withUnsafeBufferPointer { bytes in
            var index = 0
            var rows = 0
            var needed = false
            let count = bytes.count
            while rows < Self.probeRows, index < count {
                var rowHasText = false
                while true {
                    if index < count, bytes[index] == Self.quote {
                        guard case .wellFormed(let closing, let doubled, let separatorInside, let lineBreakInside) = scanQuoted(bytes, from: index) else {
                            return false
                        }
                        needed = needed || doubled || separatorInside || lineBreakInside
                        rowHasText = true
                        index = closing + 1
                    } else {
                        guard let end = scanText(bytes, from: index) else { return false }
                        for offset in index ..< end where !Self.mayStandBare(bytes[offset]) { return false }
                        index = end
                    }
                    if index >= count { break }
                    let byte = bytes[index]
                    index += 1
                    if byte == separator { continue }
                    if byte == Self.carriageReturn, index < count, bytes[index] == Self.lineFeed { index += 1 }
                    break
                }
                if rowHasText { rows += 1 }
            }
            return rows >= 2 || (rows == 1 && needed)
        }
    }

    /// Characters of a number or white space, which quote-everything writers may leave bare.
    private static func mayStandBare(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || byte == 0x20 || byte == 0x2E || byte == 0x2C || byte == 0x2D || byte == 0x2B
    }
}
