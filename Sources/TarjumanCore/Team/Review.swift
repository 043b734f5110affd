import Foundation
import GRDB

/// A reviewer's decision on a unit's current rendering.
public enum ReviewVerdict: String, Sendable, Codable, CaseIterable {
    case approve
    case reject

    var status: RenderingStatus { self == .approve ? .approved : .rejected }
}

extension TranslationStore {
    /// Approves or rejects the unit's current rendering: a new rendering with the same text and
    /// translator, the reviewer's name and comment, and the verdict as its status. `expected`
    /// is the rendering the reviewer read; when another has come since, nothing changes and the
    /// error carries the newer one. A rejection needs a comment.
    public func review(_ id: UnitID, verdict: ReviewVerdict, expected: Int64?, reviewer: String,
                       comment: String?, at date: Date = Date()) throws(TarjumanError) -> RenderOutcome {
        let comment = comment?.trimmingCharacters(in: .whitespacesAndNewlines)
        if verdict == .reject && (comment ?? "").isEmpty { throw .rejectionNeedsComment(unit: id.description) }
        return try database.write { db in
            let unit = try Self.fetchUnit(id, db)
            guard let current = try Self.currentRendering(of: unit.id ?? 0, db) else {
                throw TarjumanError.nothingToReview(unit: id.description)
            }
            if current.status == verdict.status, current.reviewer == reviewer, (current.comment ?? "") == (comment ?? "") {
                return RenderOutcome(unit: id, rendering: current, changed: false)
            }
            if current.id != expected {
                throw TarjumanError.renderingConflict(unit: id.description, current: current)
            }
            var rendering = Rendering(unitId: current.unitId, text: current.text, translator: current.translator,
                                      status: verdict.status, origin: "review", createdAt: date,
                                      note: current.note, properties: current.properties,
                                      reviewer: reviewer, comment: comment?.isEmpty == false ? comment : nil)
            try rendering.insert(db)
            return RenderOutcome(unit: id, rendering: rendering, changed: true)
        }
    }

    /// Assigns the document to the account named `name`, or to no one when nil.
    public func assign(document id: Int64, to name: String?) throws(TarjumanError) {
        try database.write { db in
            try Self.requireDocument(id, db)
            let account = try name.map { name throws in try AccountStore.fetch(name, db) }
            try db.execute(sql: "UPDATE document SET assigneeId = ? WHERE id = ?", arguments: [account?.id, id])
        }
    }
}

/// One thing someone did to a unit: a rendering saved, marked translated, approved or rejected.
public struct ActivityEntry: Sendable, Equatable {
    public let unit: UnitID
    public let rendering: Rendering

    /// Who did it: the reviewer of a review, else the translator.
    public var actor: String? { rendering.reviewer ?? rendering.translator }
}

extension TranslationStore {
    /// What was done to the document's units, newest first: everything after the rendering id
    /// `after` (for telling an open editor what changed), at most `limit` entries.
    public func activity(document id: Int64, after: Int64 = 0, limit: Int = 200) throws(TarjumanError) -> [ActivityEntry] {
        try database.read { db in
            try Self.requireDocument(id, db)
            // The unary + keeps SQLite from walking the whole rendering table by id: the unit index
            // finds the document's units, the rendering index their renderings.
            let rows = try Row.fetchAll(db, sql: """
                SELECT r.*, u.ordinal AS unitOrdinal FROM unit u JOIN rendering r ON r.unitId = u.id
                WHERE u.documentId = ? AND +r.id > ?
                ORDER BY r.id DESC LIMIT ?
                """, arguments: [id, after, limit])
            return try rows.map { row in
                ActivityEntry(unit: UnitID(document: id, ordinal: row["unitOrdinal"]), rendering: try Rendering(row: row))
            }
        }
    }

    /// The id of the newest rendering in the database: where an editor starts listening.
    public func latestRenderingID() throws(TarjumanError) -> Int64 {
        try database.read { db in try Int64.fetchOne(db, sql: "SELECT max(id) FROM rendering") ?? 0 }
    }
}
