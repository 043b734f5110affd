/// One sentence (or clause) unit of a source text.
public struct Segment: Sendable, Equatable, Codable {
    /// The paragraph the unit belongs to, from 1.
    public let paragraph: Int
    /// The unit's position in the whole text, from 1.
    public let index: Int
    /// Offset of the unit's first Unicode scalar in the text as given (byte order mark excluded).
    public let start: Int
    /// Offset just past the unit's last Unicode scalar.
    public let end: Int
    /// The text between `start` and `end`, unaltered.
    public let text: String

    public init(paragraph: Int, index: Int, start: Int, end: Int, text: String) {
        self.paragraph = paragraph
        self.index = index
        self.start = start
        self.end = end
        self.text = text
    }
}

/// How finely a text is cut into units.
public enum SegmentGranularity: String, Sendable, CaseIterable, Codable {
    /// One unit per sentence.
    case sentence
    /// Sentences further cut at `؛` and at `،` before a clause-opening conjunction.
    case clause
}
