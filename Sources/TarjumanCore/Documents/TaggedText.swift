/// A rendering (or a source) with its unit's inline codes written as tags: `<b1>`, `</b1>`, `<f2/>`.
/// Only the tags of the unit's own codes are read as tags; any other `<` is text.
public enum TaggedText {
    /// One piece of tagged text: text, or a tag of the code at `index` in the unit's codes.
    public enum Piece: Equatable, Sendable {
        case text(String)
        case open(Int)
        case close(Int)
        case point(Int)
    }

    /// The pieces of `text`, tags of `codes` read as tags.
    public static func pieces(_ text: String, codes: [InlineCode]) -> [Piece] {
        guard !codes.isEmpty, text.contains("<") else { return text.isEmpty ? [] : [.text(text)] }
        var byTag: [String: Int] = [:]
        for (index, code) in codes.enumerated() { byTag[code.tag] = index }
        var pieces: [Piece] = []
        var plain = ""
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == "<", let (piece, next) = tag(in: text, at: index, byTag: byTag, codes: codes) {
                if !plain.isEmpty {
                    pieces.append(.text(plain))
                    plain = ""
                }
                pieces.append(piece)
                index = next
            } else {
                plain.append(text[index])
                index = text.index(after: index)
            }
        }
        if !plain.isEmpty { pieces.append(.text(plain)) }
        return pieces
    }

    /// The tag starting at `start` (`<b1>`, `</b1>`, `<t2/>`) when it names one of the codes.
    private static func tag(in text: String, at start: String.Index, byTag: [String: Int], codes: [InlineCode])
        -> (Piece, String.Index)? {
        guard let end = text[start...].prefix(12).firstIndex(of: ">") else { return nil }
        var inner = text[text.index(after: start) ..< end]
        let closing = inner.hasPrefix("/")
        if closing { inner = inner.dropFirst() }
        let selfClosing = inner.hasSuffix("/")
        if selfClosing { inner = inner.dropLast() }
        guard !(closing && selfClosing), let index = byTag[String(inner)] else { return nil }
        let code = codes[index]
        let piece: Piece
        if code.paired {
            guard !selfClosing else { return nil }
            piece = closing ? .close(index) : .open(index)
        } else {
            guard !closing else { return nil }
            piece = .point(index)
        }
        return (piece, text.index(after: end))
    }

    /// `text` without the tags of `codes`.
    public static func plain(_ text: String, codes: [InlineCode]) -> String {
        guard !codes.isEmpty, text.contains("<") else { return text }
        return pieces(text, codes: codes).reduce(into: "") { result, piece in
            if case .text(let value) = piece { result += value }
        }
    }

    /// A unit's display text with its codes written as tags; the character that shows a tab or a
    /// line break gives way to its tag.
    public static func tagged(_ text: String, codes: [InlineCode]) -> String {
        guard !codes.isEmpty else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var position = 0
        func copy(upTo limit: Int) {
            let limit = min(max(limit, position), scalars.count)
            result.append(contentsOf: scalars[position ..< limit])
            position = limit
        }
        for event in events(codes) {
            copy(upTo: event.offset)
            let code = codes[event.code]
            switch event.kind {
            case .open: result.append(contentsOf: code.openingTag.unicodeScalars)
            case .close: result.append(contentsOf: code.closingTag!.unicodeScalars)
            case .point:
                result.append(contentsOf: code.openingTag.unicodeScalars)
                position = min(max(position, code.end), scalars.count)
            }
        }
        copy(upTo: scalars.count)
        return String(result)
    }

    /// The pieces of a unit's display text with its codes in place.
    public static func sourcePieces(_ text: String, codes: [InlineCode]) -> [Piece] {
        let scalars = Array(text.unicodeScalars)
        var pieces: [Piece] = []
        var position = 0
        func copy(upTo limit: Int) {
            let limit = min(max(limit, position), scalars.count)
            if limit > position { pieces.append(.text(String(String.UnicodeScalarView(scalars[position ..< limit])))) }
            position = limit
        }
        for event in events(codes) {
            copy(upTo: event.offset)
            switch event.kind {
            case .open: pieces.append(.open(event.code))
            case .close: pieces.append(.close(event.code))
            case .point:
                pieces.append(.point(event.code))
                position = min(max(position, codes[event.code].end), scalars.count)
            }
        }
        copy(upTo: scalars.count)
        return pieces
    }

    private enum EventKind: Int { case close = 0, point = 1, open = 2 }

    /// Where tags go, in text order: at one offset, closings first, then points, then openings
    /// (an inner code closes before the outer one, and opens after it).
    private static func events(_ codes: [InlineCode]) -> [(offset: Int, kind: EventKind, code: Int)] {
        var events: [(offset: Int, kind: EventKind, code: Int)] = []
        for (index, code) in codes.enumerated() {
            if code.paired {
                events.append((code.start, .open, index))
                events.append((code.end, .close, index))
            } else {
                events.append((code.start, .point, index))
            }
        }
        return events.sorted { left, right in
            if left.offset != right.offset { return left.offset < right.offset }
            if left.kind != right.kind { return left.kind.rawValue < right.kind.rawValue }
            return left.kind == .close ? left.code > right.code : left.code < right.code
        }
    }

    /// The pieces with every paired code opened before it closes and nested in the one around
    /// it: a stray closing tag dropped, codes that cross split, codes left open closed at the end.
    public static func nested(_ pieces: [Piece]) -> [Piece] {
        var result: [Piece] = []
        var open: [Int] = []
        for piece in pieces {
            switch piece {
            case .open(let code):
                open.append(code)
                result.append(piece)
            case .close(let code):
                guard let index = open.lastIndex(of: code) else { continue }
                let above = open[(index + 1)...]
                for inner in above.reversed() { result.append(.close(inner)) }
                result.append(.close(code))
                open.remove(at: index)
                for inner in above { result.append(.open(inner)) }
            case .text, .point:
                result.append(piece)
            }
        }
        for code in open.reversed() { result.append(.close(code)) }
        return result
    }

    /// Whether `text` names a tag as Tarjuman numbers them (`b1`, `t12`).
    static func isTagName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, ("a" ... "z").contains(first), text.unicodeScalars.count > 1 else { return false }
        return text.unicodeScalars.dropFirst().allSatisfy { ("0" ... "9").contains($0) }
    }

    /// What is wrong with the tags of a rendering: codes it leaves out, tags that close before
    /// they open or never close.
    public static func problems(_ text: String, codes: [InlineCode]) -> (missing: [InlineCode], unbalanced: [InlineCode]) {
        let pieces = pieces(text, codes: codes)
        var opened = Array(repeating: 0, count: codes.count)
        var closed = Array(repeating: 0, count: codes.count)
        var seen = Array(repeating: false, count: codes.count)
        var unbalanced = Set<Int>()
        for piece in pieces {
            switch piece {
            case .text: break
            case .open(let index):
                opened[index] += 1
                seen[index] = true
            case .close(let index):
                closed[index] += 1
                seen[index] = true
                if closed[index] > opened[index] { unbalanced.insert(index) }
            case .point(let index):
                seen[index] = true
            }
        }
        for index in codes.indices where codes[index].paired && opened[index] != closed[index] { unbalanced.insert(index) }
        return (codes.indices.filter { !seen[$0] }.map { codes[$0] }, unbalanced.sorted().map { codes[$0] })
    }
}
