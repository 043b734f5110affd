import Foundation
import TarjumanCore

/// A rendering as the API shows it.
public struct RenderingJSON: Encodable, Sendable, Equatable {
    public let id: Int64?
    public let text: String
    public let status: String
    @Nullable public var translator: String?
    @Nullable public var origin: String?
    @Nullable public var date: Date?
    @Nullable public var note: String?
    /// Who approved or rejected it, and the reviewer's comment.
    @Nullable public var reviewer: String?
    @Nullable public var comment: String?

    init(_ rendering: Rendering) {
        id = rendering.id
        text = rendering.text
        status = rendering.status.rawValue
        translator = rendering.translator
        origin = rendering.origin
        date = rendering.createdAt
        note = rendering.note
        reviewer = rendering.reviewer
        comment = rendering.comment
    }

    /// The current rendering of a listed unit, or nil when it has none.
    init?(_ unit: UnitListing) {
        guard let text = unit.rendering, let status = unit.status else { return nil }
        id = unit.renderingID
        self.text = text
        self.status = status.rawValue
        translator = unit.translator
        origin = nil
        date = nil
        note = nil
        reviewer = unit.reviewer
        comment = unit.comment
    }
}
