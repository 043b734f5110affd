/// Rows of TSV or CSV text as RFC 4180 describes them: a field in double quotes may hold the
/// separator, line breaks and doubled quotes; CRLF, LF and CR end rows.
enum DelimitedRecords {
    /// One field and where it started (line and column from 1).
    struct Field {
        var value: String
        let line: Int
        let column: Int
    }

    /// Calls `row` for every row of `text` in order; blank lines are skipped.
    static func parse(_ text: String, separator: Unicode.Scalar, file: String,
                      row handle: ([Field]) throws(TarjumanError) -> Void) throws(TarjumanError) {
        var scalars = text.unicodeScalars.makeIterator()
        try parse(&scalars, separator: separator, file: file, row: handle)
    }

    /// Calls `row` for every row read from `scalars` in order; blank lines are skipped.
    static func parse<Scalars: IteratorProtocol<Unicode.Scalar>>(
        _ scalars: inout Scalars, separator: Unicode.Scalar, file: String,
        row handle: ([Field]) throws(TarjumanError) -> Void
    ) throws(TarjumanError) {
        var row: [Field] = []
        var fieldLine = 0
        var fieldColumn = 0
        var started = false
        var quoted = false
        var afterQuote = false
        var line = 1
        var column = 0
        var quoteLine = 1
        var quoteColumn = 1
        var value = String.UnicodeScalarView()
        var lookahead: Unicode.Scalar?

        func next() -> Unicode.Scalar? {
            if let scalar = lookahead {
                lookahead = nil
                return scalar
            }
            return scalars.next()
        }
        func peek() -> Unicode.Scalar? {
            if lookahead == nil { lookahead = scalars.next() }
            return lookahead
        }
        func endField() {
            row.append(Field(value: String(value), line: started ? fieldLine : line, column: started ? fieldColumn : column))
            value.removeAll(keepingCapacity: true)
            started = false
            quoted = false
            afterQuote = false
        }
        func endRow() throws(TarjumanError) {
            if !(row.count == 1 && row[0].value.isEmpty) { try handle(row) }
            row = []
        }

        while let scalar = next() {
            column += 1
            if !started {
                started = true
                fieldLine = line
                fieldColumn = column
            }
            if quoted {
                if scalar == "\"" {
                    if peek() == "\"" {
                        _ = next()
                        value.append("\"")
                        column += 1
                    } else {
                        quoted = false
                        afterQuote = true
                    }
                } else {
                    value.append(scalar)
                    if scalar == "\n" { line += 1; column = 0 }
                }
                continue
            }
            switch scalar {
            case separator:
                endField()
            case "\r", "\n":
                if scalar == "\r", peek() == "\n" { _ = next() }
                endField()
                try endRow()
                line += 1
                column = 0
            case "\"" where value.isEmpty && !afterQuote:
                quoted = true
                quoteLine = line
                quoteColumn = column
            default:
                if afterQuote {
                    throw .malformedFile(file: file, line: line, column: column,
                                         reason: "text after a closing quote; double a quote inside a quoted field (\"\")")
                }
                if scalar == "\"" && separator == "," {
                    throw .malformedFile(file: file, line: line, column: column,
                                         reason: "a quote inside an unquoted field; quote the whole field and double the quote")
                }
                value.append(scalar)
            }
        }
        if quoted {
            throw .malformedFile(file: file, line: quoteLine, column: quoteColumn, reason: "this quote is never closed")
        }
        if started || !row.isEmpty {
            endField()
            try endRow()
        }
    }

    /// A field as written: quoted when it holds the separator, a quote, a line break, or
    /// leading or trailing spaces.
    static func quote(_ value: String, separator: Unicode.Scalar) -> String {
        let needsQuotes = value.unicodeScalars.contains { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || value.hasPrefix(" ") || value.hasSuffix(" ")
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
