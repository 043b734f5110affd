import Foundation
import TarjumanCore

/// A document with its progress.
struct DocumentJSON: Encodable {
    let id: Int64
    let name: String
    let importedAt: Date
    let units: Int
    let rendered: Int
    let approved: Int

    init(_ summary: DocumentSummary) {
        id = summary.id
        name = summary.name
        importedAt = summary.importedAt
        units = summary.unitCount
        rendered = summary.renderedCount
        approved = summary.approvedCount
    }
}
