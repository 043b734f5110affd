/// How a unit's quotation marks leave a quotation open or close one opened earlier: the marks of
/// a quotation over several sentences, cut into units one sentence each (`"A. / B. / C."`), or
/// over several paragraphs, where each paragraph opens the quotation again and only the last
/// closes it.
struct QuotationEnds: Sendable, Equatable {
    /// A quotation mark opens a quotation that the unit does not close.
    var leavesOpen = false
    /// A closing mark closes a quotation the unit did not open.
    var closesEarlier = false
    /// The unit opens with a quotation mark (after any paragraph marker).
    var opensWithQuote = false

    /// Units that look this far, before or after, for the other end of a quotation.
    static let reach = 12

    /// Whether the unit's marks pair up.
    var isBalanced: Bool { !leavesOpen && !closesEarlier }

    static func isOpening(_ scalar: Unicode.Scalar) -> Bool { scalar == "\u{201C}" || scalar == "\u{00AB}" }
    static func isClosing(_ scalar: Unicode.Scalar) -> Bool { scalar == "\u{201D}" || scalar == "\u{00BB}" }

    /// The ends of the quotations in an English text; `start` is where the text proper begins,
    /// after a paragraph marker.
    init(_ scalars: [Unicode.Scalar], start: Int = 0) {
        var open = 0
        var first = true
        for index in scalars.indices where index >= start {
            let scalar = scalars[index]
            if first, !ScalarClass.isWhitespace(scalar.value) {
                first = false
                opensWithQuote = scalar == "\"" || Self.isOpening(scalar)
            }
            let opening: Bool
            if scalar == "\"" {
                // A straight mark opens at the start, after a space or an opening bracket or dash.
                let before = index > start ? scalars[index - 1] : " "
                opening = ScalarClass.isWhitespace(before.value) || "([{\u{2014}\u{2013}-/".unicodeScalars.contains(before)
            } else if Self.isOpening(scalar) {
                opening = true
            } else if Self.isClosing(scalar) {
                opening = false
            } else {
                continue
            }
            if opening {
                open += 1
            } else if open > 0 {
                open -= 1
            } else {
                closesEarlier = true
            }
        }
        leavesOpen = open > 0
    }

    /// Whether the unpaired marks of the unit at `index` are one end of a quotation whose other
    /// end is in a unit nearby: the next unit with quotation marks closes it or opens the next
    /// paragraph of it, or the last one before left it open. `units` holds the units of one
    /// document that have quotation marks, by ordinal.
    static func continues(at index: Int, in units: [(ordinal: Int, ends: QuotationEnds)]) -> Bool {
        let own = units[index]
        guard !own.ends.isBalanced else { return true }
        var explained = true
        if own.ends.leavesOpen {
            let later = index + 1 < units.count && units[index + 1].ordinal - own.ordinal <= reach ? units[index + 1].ends : nil
            explained = later.map { $0.closesEarlier || $0.opensWithQuote } ?? false
        }
        if own.ends.closesEarlier {
            let earlier = index > 0 && own.ordinal - units[index - 1].ordinal <= reach ? units[index - 1].ends : nil
            explained = explained && (earlier?.leavesOpen ?? false)
        }
        return explained
    }
}
