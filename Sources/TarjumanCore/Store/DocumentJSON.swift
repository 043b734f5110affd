import Foundation

/// A document with its progress, as `documents --json` and the editor's API show it.
public struct DocumentJSON: Encodable, Sendable {
    public let id: Int64
    public let name: String
    /// When it was imported, ISO 8601 in UTC.
    public let imported: String
    public let units: Int
    public let rendered: Int
    public let approved: Int
    /// Units marked translated (waiting for review), and units a reviewer rejected.
    public let translated: Int
    public let rejected: Int
    /// `docx` or `html` for a document imported from one (the English is written in it); null for text.
    @Nullable public var format: String?
    /// The account the document is assigned to.
    @Nullable public var assignee: String?

    public init(_ summary: DocumentSummary) {
        id = summary.id
        name = summary.name
        imported = summary.importedAt.formatted(.iso8601)
        units = summary.unitCount
        rendered = summary.renderedCount
        approved = summary.approvedCount
        format = summary.format?.rawValue
        translated = summary.translatedCount
        rejected = summary.rejectedCount
        assignee = summary.assignee
    }
}
