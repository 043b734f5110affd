import Foundation

/// A glossary entry as `glossary list --json` and the editor's API show it.
public struct TermJSON: Encodable, Sendable {
    public let id: Int64?
    public let arabic: String
    public let english: String
    public let alternatives: [String]
    public let forbidden: [String]
    public let note: String
    public let domain: String
    public let source: String
    /// When the entry last changed, ISO 8601 in UTC.
    public let updatedAt: String

    public init(_ term: Term) {
        id = term.id
        arabic = term.arabic
        english = term.english
        alternatives = term.alternatives
        forbidden = term.forbidden
        note = term.note
        domain = term.domain
        source = term.source
        updatedAt = term.updatedAt.formatted(.iso8601)
    }
}
