import Foundation

/// Documents being translated: their units and, for each unit, the renderings people gave it.
/// `TranslationStore` is the SQLite implementation.
public protocol DocumentStoring: Sendable {
    func importDocuments(_ documents: [(source: SourceText, segments: [Segment])], at date: Date) throws(TarjumanError) -> [ImportOutcome]
    func documents() throws(TarjumanError) -> [DocumentSummary]
    func units(document: Int64?, untranslatedOnly: Bool) throws(TarjumanError) -> [UnitListing]
    func detail(of id: UnitID) throws(TarjumanError) -> UnitDetail
    func render(_ inputs: [RenderingInput], translator: String?, status: RenderingStatus,
                origin: String, at date: Date) throws(TarjumanError) -> [RenderOutcome]
    func save(_ input: RenderingInput, expected: Int64?, translator: String?, status: RenderingStatus,
              origin: String, at date: Date, keepingApproved: Bool) throws(TarjumanError) -> RenderOutcome
    func review(_ id: UnitID, verdict: ReviewVerdict, expected: Int64?, reviewer: String,
                comment: String?, at date: Date) throws(TarjumanError) -> RenderOutcome
    func assign(document id: Int64, to name: String?) throws(TarjumanError)
    func activity(document id: Int64, after: Int64, limit: Int) throws(TarjumanError) -> [ActivityEntry]
    func removeDocument(_ id: Int64) throws(TarjumanError) -> DocumentSummary
}

/// Named memories of translation entries, kept apart from documents. `MemoryStore` is the
/// SQLite implementation; `MemoryImporter` fills them.
public protocol MemoryStoring: Sendable {
    func memories() throws(TarjumanError) -> [MemorySummary]
    func removeMemory(named name: String) throws(TarjumanError) -> Int
    func renameMemory(_ name: String, to newName: String) throws(TarjumanError)
    func setPenalty(_ penalty: Int, of name: String) throws(TarjumanError)
}

/// The Arabic→English glossary. `GlossaryStore` is the SQLite implementation.
public protocol GlossaryStoring: Sendable {
    func add(_ term: Term, at date: Date) throws(TarjumanError) -> (term: Term, added: Bool)
    func importTerms(_ terms: [Term], at date: Date) throws(TarjumanError) -> GlossaryImportReport
    func update(id: Int64, with term: Term, at date: Date) throws(TarjumanError) -> Term
    func remove(id: Int64) throws(TarjumanError) -> Term
    func search(_ query: String) throws(TarjumanError) -> [Term]
    func terms(domain: String?) throws(TarjumanError) -> [Term]
}

/// The match index over live translations (document units' current renderings and memory
/// entries). `MemoryMatcher` is the SQLite implementation, its posting lists kept in SQLite.
public protocol TranslationMatching: Sendable {
    func matches(for text: String, context: MatchContext?, minimum: Int, limit: Int, scope: MatchScope) throws(TarjumanError) -> [MemoryMatch]
}

/// The team's accounts and their login sessions. `AccountStore` is the SQLite implementation.
public protocol AccountStoring: Sendable {
    func hasAccounts() throws(TarjumanError) -> Bool
    func accounts() throws(TarjumanError) -> [Account]
    func account(named name: String) throws(TarjumanError) -> Account
    func add(name: String, role: TeamRole, password: String, at date: Date) throws(TarjumanError) -> Account
    func remove(name: String) throws(TarjumanError) -> Account
    func setPassword(of name: String, to password: String) throws(TarjumanError)
    func setRole(of name: String, to role: TeamRole) throws(TarjumanError)
    func authenticate(name: String, password: String) throws(TarjumanError) -> Account?
    func startSession(for account: Account, at date: Date) throws(TarjumanError) -> (secret: String, session: LoginSession)
    func session(secret: String, at date: Date) throws(TarjumanError) -> LoginSession?
    func endSession(secret: String) throws(TarjumanError)
}
