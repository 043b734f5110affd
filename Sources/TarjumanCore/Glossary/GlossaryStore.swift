import Foundation
import GRDB

/// What importing a glossary did.
public struct GlossaryImportReport: Sendable, Equatable {
    public var added = 0
    public var updated = 0
    /// Entries already present with the same content.
    public var skipped = 0
    /// Things the user should know, such as language tags that were wrong.
    public var warnings: [String] = []

    public init() {}
}

/// The glossary in the database: every operation is one transaction.
public struct GlossaryStore: GlossaryStoring {
    public let database: TarjumanDatabase

    public init(database: TarjumanDatabase) {
        self.database = database
    }

    /// Checks a term before it is stored: both sides present and in the right script.
    public static func validate(_ term: Term, at place: String = "") throws(TarjumanError) {
        let prefix = place.isEmpty ? "" : "\(place): "
        if term.arabic.trimmingWhitespace().isEmpty {
            throw .invalidTerm("\(prefix)the Arabic term is empty")
        }
        if !term.arabic.unicodeScalars.contains(where: ScalarClass.isArabicLetter) {
            throw .invalidTerm("\(prefix)'\(term.arabic)' has no Arabic letter; give the Arabic term first, then the English")
        }
        if term.english.trimmingWhitespace().isEmpty {
            throw .invalidTerm("\(prefix)the English rendering of '\(term.arabic)' is empty")
        }
        for english in [term.english] + term.alternatives + term.forbidden
        where english.unicodeScalars.contains(where: ScalarClass.isArabicLetter) {
            throw .invalidTerm("\(prefix)'\(english)' is meant to be English but has Arabic letters")
        }
    }

    /// Adds a term, or updates the entry with the same Arabic key, rendering and domain.
    /// Returns the stored term and whether it was new.
    @discardableResult
    public func add(_ term: Term, at date: Date = Date()) throws(TarjumanError) -> (term: Term, added: Bool) {
        try Self.validate(term)
        return try database.write { db in
            let outcome = try Self.upsert(term, at: date, db)
            return (outcome.term, outcome.state == .added)
        }
    }

    /// Imports terms in one transaction: all of them, or none when one is invalid.
    public func importTerms(_ terms: [Term], at date: Date = Date()) throws(TarjumanError) -> GlossaryImportReport {
        for term in terms { try Self.validate(term) }
        return try database.write { db in
            var report = GlossaryImportReport()
            for term in terms {
                switch try Self.upsert(term, at: date, db).state {
                case .added: report.added += 1
                case .updated: report.updated += 1
                case .unchanged: report.skipped += 1
                }
            }
            return report
        }
    }

    enum UpsertState { case added, updated, unchanged }

    static func upsert(_ term: Term, at date: Date, _ db: Database) throws -> (term: Term, state: UpsertState) {
        let statement = try db.cachedStatement(sql: "SELECT * FROM term WHERE searchKey = ? AND english = ? AND domain = ?")
        let existing = try Term.fetchOne(statement, arguments: [term.searchKey, term.english, term.domain])
        if var existing {
            if existing.hasSameContent(as: term) { return (existing, .unchanged) }
            existing.arabic = term.arabic
            existing.alternatives = term.alternatives
            existing.forbidden = term.forbidden
            existing.note = term.note
            existing.source = term.source
            existing.updatedAt = date
            try existing.update(db)
            return (existing, .updated)
        }
        var new = term
        new.id = nil
        new.createdAt = date
        new.updatedAt = date
        try new.insert(db)
        return (new, .added)
    }

    /// Replaces the entry with this id by `term` (its id, creation time and source kept).
    /// Refused when another entry already has the same Arabic key, rendering and domain.
    public func update(id: Int64, with term: Term, at date: Date = Date()) throws(TarjumanError) -> Term {
        try Self.validate(term)
        return try database.write { db in
            guard var existing = try Term.fetchOne(db, key: id) else { throw TarjumanError.unknownTerm("with id \(id)") }
            let clash = try Term
                .filter(Column("searchKey") == term.searchKey && Column("english") == term.english && Column("domain") == term.domain)
                .filter(Column("id") != id)
                .fetchOne(db)
            if let clash, let clashID = clash.id {
                throw TarjumanError.invalidTerm("entry \(clashID) already renders '\(clash.arabic)' as '\(clash.english)'\(clash.domain.isEmpty ? "" : " in \(clash.domain)"); edit that entry instead")
            }
            if existing.hasSameContent(as: term) { return existing }
            existing.arabic = term.arabic
            existing.searchKey = term.searchKey
            existing.english = term.english
            existing.alternatives = term.alternatives
            existing.forbidden = term.forbidden
            existing.note = term.note
            existing.domain = term.domain
            existing.updatedAt = date
            try existing.update(db)
            return existing
        }
    }

    /// Removes the entry with this id.
    public func remove(id: Int64) throws(TarjumanError) -> Term {
        try database.write { db in
            guard let term = try Term.fetchOne(db, key: id) else { throw TarjumanError.unknownTerm("with id \(id)") }
            try term.delete(db)
            return term
        }
    }

    /// Removes the entries for an Arabic term (any spelling with the same key), narrowed by
    /// rendering and domain when given.
    public func remove(arabic: String, english: String? = nil, domain: String? = nil) throws(TarjumanError) -> [Term] {
        let key = ArabicSearchKey.key(arabic)
        return try database.write { db in
            var request = Term.filter(Column("searchKey") == key)
            if let english { request = request.filter(Column("english") == english) }
            if let domain { request = request.filter(Column("domain") == domain) }
            let terms = try request.fetchAll(db)
            guard !terms.isEmpty else { throw TarjumanError.unknownTerm("for '\(arabic)'") }
            for term in terms { try term.delete(db) }
            return terms
        }
    }

    /// Entries whose Arabic (compared by search key), English, alternatives, note or domain
    /// contain `query`; every entry when it is empty.
    public func search(_ query: String) throws(TarjumanError) -> [Term] {
        let trimmed = query.trimmingWhitespace()
        let all = try terms()
        guard !trimmed.isEmpty else { return all }
        let key = ArabicSearchKey.key(trimmed)
        return all.filter { term in
            (!key.isEmpty && term.searchKey.contains(key))
                || ([term.english, term.note, term.domain] + term.alternatives)
                    .contains { $0.range(of: trimmed, options: [.caseInsensitive, .diacriticInsensitive]) != nil }
        }
    }

    /// All entries, ordered by Arabic key, then domain and rendering.
    public func terms(domain: String? = nil) throws(TarjumanError) -> [Term] {
        try database.read { db in
            var request = Term.order(Column("searchKey"), Column("domain"), Column("english"))
            if let domain { request = request.filter(Column("domain") == domain) }
            return try request.fetchAll(db)
        }
    }
}
