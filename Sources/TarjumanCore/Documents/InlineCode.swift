import Foundation

/// A code inside a unit of a formatted document (DOCX, HTML): a bold phrase, a link, a footnote
/// reference, a tab. The unit's display text stays plain; a rendering places the code with a
/// tag, the way OmegaT shows them: `<b1>…</b1>` around what it covers, `<f2/>` where it stands.
public struct InlineCode: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        case bold, italic, underline, link, format, field, footnote, tab
        case lineBreak = "line-break"
        case object

        /// The letter of its tags.
        var letter: String {
            switch self {
            case .bold: "b"
            case .italic: "i"
            case .underline: "u"
            case .link: "a"
            case .format: "g"
            case .field, .object: "x"
            case .footnote: "f"
            case .tab: "t"
            case .lineBreak: "l"
            }
        }
    }

    /// The tag's name: the kind's letter and the code's number in the unit (`b1`).
    public let tag: String
    public let kind: Kind
    /// Whether it covers text (`<b1>…</b1>`) or stands at one place (`<f2/>`).
    public let paired: Bool
    /// Unicode scalar offsets in the unit's text: the text a paired code covers, or where a
    /// standalone code stands (with the one character that shows it in the display text, for
    /// a tab or a line break).
    public let start: Int
    public let end: Int

    public init(tag: String, kind: Kind, paired: Bool, start: Int, end: Int) {
        self.tag = tag
        self.kind = kind
        self.paired = paired
        self.start = start
        self.end = end
    }

    /// `<b1>` for a paired code, `<f2/>` for a standalone one.
    public var openingTag: String { paired ? "<\(tag)>" : "<\(tag)/>" }
    /// `</b1>`; nil for a standalone code.
    public var closingTag: String? { paired ? "</\(tag)>" : nil }

    /// The codes stored in a unit's `codes` column (JSON); none when it is null or unreadable.
    static func stored(_ json: String?) -> [InlineCode] {
        guard let json else { return [] }
        return (try? JSONDecoder().decode([InlineCode].self, from: Data(json.utf8))) ?? []
    }

    /// How a finding or a message names it: `<b1>…</b1> (bold)`.
    public var described: String {
        (paired ? "\(openingTag)…\(closingTag!)" : openingTag) + " (\(kind.rawValue))"
    }
}
