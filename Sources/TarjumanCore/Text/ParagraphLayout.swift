/// How the lines of a text make paragraphs.
public enum ParagraphLayout: String, Sendable, CaseIterable, Codable {
    /// Decided per text from its line lengths and line ends.
    case auto
    /// Each line is a paragraph (text saved from a word processor or a web page); blank lines
    /// separate paragraphs too.
    case lines
    /// Blank lines separate paragraphs; a single line break is a hard wrap, except after a
    /// heading or a short last line of a paragraph (the next word would have fitted on it).
    case blankLines = "blank-lines"
}

/// The layout a text was read with, and why.
public struct LayoutDecision: Sendable, Equatable, Encodable {
    /// `lines` or `blankLines`.
    public let layout: ParagraphLayout
    /// What was asked for (`auto` when the layout was decided from the text).
    public let requested: ParagraphLayout
    /// The width the lines seem wrapped at, in characters, when there are single line breaks.
    public let wrapWidth: Int?
    /// Why, in a few words.
    public let reason: String

    /// One line for `--verbose`.
    public var summary: String {
        let name = layout == .lines ? "one paragraph a line" : "blank lines between paragraphs, single line breaks as hard wraps"
        return requested == .auto ? "\(name) (auto: \(reason))" : "\(name) (as asked)"
    }
}

/// One line of a text: where it is (its line break left out), its shape, and whether the break
/// after it always ends a paragraph (U+2029).
struct TextLine {
    var range: Range<Int>
    var shape: LineShape
    var breakEndsParagraph: Bool
}

/// What the layout decision needs of one line of a text.
struct LineShape {
    /// Characters without leading and trailing white space; 0 for a blank line.
    var length: Int
    /// The line ends with a sentence's final punctuation (`.`, `!`, `?`, `؟`, `…`, `۔`), perhaps
    /// followed by closing quotes or brackets (a colon or semicolon ends a clause, and wraps
    /// often fall after one).
    var endsSentence: Bool
    /// Characters of the line's first word.
    var firstWord: Int
    /// The break after the line is a line break that may end a paragraph (LF, CR, CRLF, NEL,
    /// FF), not a line separator inside a paragraph (U+2028, VT); false for the last line.
    var breakMayEndParagraph: Bool

    /// Whether a line ending in `scalar` (the last that is not a closing mark) ends a sentence.
    static func isFinal(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ".", "!", "?", "\u{061F}", "\u{2026}", "\u{06D4}": true
        default: false
        }
    }
}

extension ParagraphLayout {
    /// Lines wrapped at a width must be at least this wide for a text to count as hard-wrapped.
    static let narrowestWrap = 25

    /// The layout of a text of `lines`, and for each line whether the break after it ends a
    /// paragraph (blank lines aside, which always do).
    static func decide(_ requested: ParagraphLayout, lines: [LineShape]) -> (decision: LayoutDecision, ends: [Bool]) {
        var inner: [Int] = []
        for index in lines.indices.dropLast() where lines[index].length > 0 && lines[index + 1].length > 0 && lines[index].breakMayEndParagraph {
            inner.append(index)
        }
        let lengths = inner.map { lines[$0].length }.sorted()
        let width = lengths.isEmpty ? nil : lengths[(lengths.count - 1) * 95 / 100]
        let wrapLike = inner.filter { !lines[$0].endsSentence && Double(lines[$0].length) >= 0.75 * Double(width ?? 0) }.count
        // Most breaks mid-sentence, and at least two of them: a headline above a paragraph or
        // two is no evidence of wrapping.
        let wrapped = (width ?? 0) >= narrowestWrap && wrapLike * 2 >= inner.count && wrapLike >= 2
        let layout: ParagraphLayout
        let reason: String
        switch requested {
        case .lines, .blankLines:
            layout = requested
            reason = "as asked"
        case .auto:
            if inner.isEmpty {
                layout = .lines
                reason = "no single line breaks"
            } else if wrapped {
                layout = .blankLines
                reason = "\(wrapLike) of \(inner.count) line breaks fall mid-sentence in lines of about \(width ?? 0) characters"
            } else {
                layout = .lines
                reason = "\(inner.count - wrapLike) of \(inner.count) line breaks end a sentence or a short line"
            }
        }
        var ends = lines.map { _ in false }
        switch layout {
        case .lines:
            for index in lines.indices where lines[index].breakMayEndParagraph { ends[index] = true }
        default:
            if let width, width >= narrowestWrap {
                for index in inner {
                    let line = lines[index]
                    let nextWordFits = line.length + 1 + lines[index + 1].firstWord
                    let heading = !line.endsSentence && Double(line.length) <= 0.6 * Double(width) && nextWordFits <= width
                    let shortLast = line.endsSentence && Double(nextWordFits) <= 0.9 * Double(width)
                    ends[index] = heading || shortLast
                }
            }
        }
        return (LayoutDecision(layout: layout, requested: requested, wrapWidth: width, reason: reason), ends)
    }

    /// The paragraphs of a text of `lines` as `layout` reads them: runs of non-blank lines, cut
    /// at blank lines, after a line whose break always ends a paragraph (U+2029), and where the
    /// layout ends one. Each range runs from its first line's start to its last line's end.
    static func paragraphs(of lines: [TextLine], layout: ParagraphLayout) -> (ranges: [Range<Int>], decision: LayoutDecision) {
        let (decision, ends) = decide(layout, lines: lines.map(\.shape))
        var paragraphs: [Range<Int>] = []
        var start: Int?
        var end = 0
        for (index, line) in lines.enumerated() {
            if line.shape.length == 0 {
                if let open = start { paragraphs.append(open ..< end) }
                start = nil
            } else {
                if start == nil { start = line.range.lowerBound }
                end = line.range.upperBound
            }
            if index + 1 < lines.count, line.breakEndsParagraph || ends[index], let open = start {
                paragraphs.append(open ..< end)
                start = nil
            }
        }
        if let open = start { paragraphs.append(open ..< end) }
        return (paragraphs, decision)
    }

    /// The lines of `scalars`, with offsets in scalars: lines end at LF, CR, CRLF, NEL, FF,
    /// U+2028, VT and U+2029.
    static func lines(_ scalars: [Unicode.Scalar]) -> [TextLine] {
        var lines: [TextLine] = []
        var start = 0
        var index = 0
        while index <= scalars.count {
            let atEnd = index == scalars.count
            let scalar = atEnd ? "\n" : scalars[index]
            guard atEnd || isLineBreak(scalar) else {
                index += 1
                continue
            }
            var shape = shape(of: scalars[start ..< index])
            shape.breakMayEndParagraph = !atEnd && scalar != "\u{2028}" && scalar != "\u{0B}"
            lines.append(TextLine(range: start ..< index, shape: shape, breakEndsParagraph: !atEnd && scalar == "\u{2029}"))
            if !atEnd, scalar == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" { index += 1 }
            index += 1
            start = index
        }
        return lines
    }

    static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    /// The shape of one line (the break after it aside).
    static func shape<Line: Collection<Unicode.Scalar>>(of line: Line) -> LineShape {
        var length = 0, firstWord = 0, inFirstWord = true, started = false
        var trailingBlank = 0
        var last: Unicode.Scalar = " "
        for scalar in line {
            let blank = ScalarClass.isBlank(scalar)
            if !started {
                if blank { continue }
                started = true
            }
            length += 1
            if blank {
                trailingBlank += 1
                inFirstWord = false
            } else {
                trailingBlank = 0
                if inFirstWord { firstWord += 1 }
                if !ScalarClass.isCloser(scalar) { last = scalar }
            }
        }
        return LineShape(length: length - trailingBlank, endsSentence: length > 0 && LineShape.isFinal(last), firstWord: firstWord,
                         breakMayEndParagraph: false)
    }
}
