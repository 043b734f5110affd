/// A paragraph of a formatted document as Tarjuman reads it: its plain text, and the codes
/// (formatting, links, footnote references, tabs) at their places in it. Each code points at
/// what the document's format needs to write it again (`payload`, an index the format keeps).
struct FormattedParagraph {
    struct Code {
        var kind: InlineCode.Kind
        var paired: Bool
        /// Unicode scalar offsets in the paragraph's text: what a paired code covers, or where a
        /// standalone code stands and the character that shows it (tab, line break), if any.
        var start: Int
        var end: Int
        var payload: Int
    }

    var text: String
    var codes: [Code]

    /// Whether the paragraph is for translation: it holds a letter.
    var isTranslatable: Bool {
        text.unicodeScalars.contains { $0.properties.isAlphabetic && !$0.properties.isWhitespace }
    }
}

/// The codes of one unit: those a rendering places with tags (`inner`), and those that go around
/// or at the ends of the whole unit without a tag, as OmegaT leaves leading and trailing tags out
/// of a segment: a paired code covering all of the unit (`wrapping`), standalone codes at its
/// start or end or in the space next to it (`leading`, `trailing`).
struct UnitCodePlan {
    /// The unit's codes and, for each, the paragraph code it stands for.
    var inner: [InlineCode] = []
    var innerSources: [Int] = []
    var wrapping: [Int] = []
    var leading: [Int] = []
    var trailing: [Int] = []
    /// Whether space parts the unit from its first leading code, or its last trailing one.
    var spaceAfterLeading = false
    var spaceBeforeTrailing = false

    /// The plans of the units at `ranges` (paragraph offsets, in order) of `paragraph`.
    static func plans(_ paragraph: FormattedParagraph, units ranges: [Range<Int>]) -> [UnitCodePlan] {
        var plans = Array(repeating: UnitCodePlan(), count: ranges.count)
        guard !ranges.isEmpty else { return plans }
        var inner: [[(start: Int, index: Int, kind: InlineCode.Kind, paired: Bool, end: Int)]] = Array(repeating: [], count: ranges.count)
        for (index, code) in paragraph.codes.enumerated() {
            if code.paired && code.end > code.start {
                for (unit, range) in ranges.enumerated() {
                    let start = max(code.start, range.lowerBound), end = min(code.end, range.upperBound)
                    guard start < end else { continue }
                    if start == range.lowerBound && end == range.upperBound {
                        plans[unit].wrapping.append(index)
                    } else {
                        inner[unit].append((start - range.lowerBound, index, code.kind, true, end - range.lowerBound))
                    }
                }
            } else {
                let position = code.start
                let unit = ranges.lastIndex { $0.lowerBound <= position } ?? 0
                let range = ranges[unit]
                if position < range.lowerBound || (position == range.lowerBound && code.end == code.start) {
                    plans[unit].leading.append(index)
                    plans[unit].spaceAfterLeading = Self.spaced(paragraph.text, code.end ..< range.lowerBound)
                } else if position >= range.upperBound || code.end > range.upperBound {
                    if plans[unit].trailing.isEmpty { plans[unit].spaceBeforeTrailing = Self.spaced(paragraph.text, range.upperBound ..< position) }
                    plans[unit].trailing.append(index)
                } else {
                    inner[unit].append((position - range.lowerBound, index, code.kind, false, code.end - range.lowerBound))
                }
            }
        }
        for unit in ranges.indices {
            let sorted = inner[unit].sorted { ($0.start, $0.index) < ($1.start, $1.index) }
            for (number, code) in sorted.enumerated() {
                plans[unit].inner.append(InlineCode(tag: code.kind.letter + String(number + 1), kind: code.kind, paired: code.paired,
                                                    start: code.start, end: code.end))
                plans[unit].innerSources.append(code.index)
            }
        }
        return plans
    }

    /// Whether the text at `range` (paragraph offsets) holds white space.
    private static func spaced(_ text: String, _ range: Range<Int>) -> Bool {
        guard range.lowerBound < range.upperBound else { return false }
        return text.unicodeScalars.dropFirst(range.lowerBound).prefix(range.count).contains { $0.properties.isWhitespace }
    }
}

/// A piece of a paragraph as a document's writer puts it back: text, or a paragraph code
/// opening, closing or standing at this place.
enum ParagraphPiece: Equatable {
    case text(String)
    case open(Int)
    case close(Int)
    case point(Int)

    /// The pieces of one unit: its rendering (or, with no rendering, its source text) with the
    /// plan's codes put where the tags say, codes the rendering does not place put at the ends.
    static func unit(_ plan: UnitCodePlan, rendering: String?, source: String) -> [ParagraphPiece] {
        let tagged = rendering.map { TaggedText.pieces($0, codes: plan.inner) } ?? TaggedText.sourcePieces(source, codes: plan.inner)
        var placed = Set<Int>()
        var open: [Int] = []
        var body: [ParagraphPiece] = []
        for piece in tagged {
            switch piece {
            case .text(let text): body.append(.text(text))
            case .open(let index):
                let code = plan.innerSources[index]
                placed.insert(index)
                open.append(code)
                body.append(.open(code))
            case .close(let index):
                let code = plan.innerSources[index]
                guard let at = open.lastIndex(of: code) else { continue }
                open.remove(at: at)
                body.append(.close(code))
            case .point(let index):
                placed.insert(index)
                body.append(.point(plan.innerSources[index]))
            }
        }
        for code in open.reversed() { body.append(.close(code)) }
        // A standalone code the rendering leaves out still goes into the document, after the text.
        for (index, code) in plan.inner.enumerated() where !code.paired && !placed.contains(index) {
            body.append(.point(plan.innerSources[index]))
        }
        return plan.leading.map { .point($0) } + (plan.spaceAfterLeading ? [.text(" ")] : []) + plan.wrapping.map { .open($0) } + body
            + plan.wrapping.reversed().map { .close($0) } + (plan.spaceBeforeTrailing ? [.text(" ")] : []) + plan.trailing.map { .point($0) }
    }
}
