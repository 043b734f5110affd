import Foundation
import Testing
@testable import TarjumanCore

@Suite("Team accounts, sessions and review")
struct TeamStoreTests {
    let text = "أكدت حركتا حماس والجهاد الإسلامي أن المقاومة خيارهما. وقال البيان إن التنسيق عال. كتائب القسام في غزة."
    let unit = UnitID(document: 1, ordinal: 2)

    func store() throws -> TranslationStore {
        let store = try makeStore()
        _ = try store.importDocuments([try segmented(text)])
        return store
    }

    func accounts(_ store: TranslationStore) -> AccountStore {
        AccountStore(database: store.database, passwordCost: 4)
    }

    @Test("An account logs in with its password only; names are compared without case; the hash is not the password")
    func passwords() throws {
        let accounts = accounts(try store())
        #expect(try !accounts.hasAccounts())
        let mona = try accounts.add(name: "Mona", role: .admin, password: "correct horse")
        #expect(try accounts.hasAccounts())
        #expect(mona.passwordHash.hasPrefix("$2"))
        #expect(!mona.passwordHash.contains("correct horse"))
        #expect(try accounts.authenticate(name: "mona", password: "correct horse")?.name == "Mona")
        #expect(try accounts.authenticate(name: "Mona", password: "correct horsE") == nil)
        #expect(try accounts.authenticate(name: "Nobody", password: "correct horse") == nil)
        #expect(throws: TarjumanError.accountExists("MONA")) { try accounts.add(name: "MONA", role: .translator, password: "another one") }
        #expect(throws: TarjumanError.invalidAccount("a password needs at least 8 characters")) {
            try accounts.add(name: "Ali", role: .translator, password: "short")
        }
        #expect(throws: TarjumanError.invalidAccount("a name cannot begin or end with a space")) {
            try accounts.add(name: " Ali", role: .translator, password: "long enough")
        }
        #expect(try accounts.accounts().map(\.name) == ["Mona"])
    }

    @Test("A session is found by its secret until it ends or expires; a new password ends every session")
    func sessions() throws {
        let accounts = accounts(try store())
        let ali = try accounts.add(name: "Ali", role: .translator, password: "first password")
        let now = Date()
        let started = try accounts.startSession(for: ali, at: now)
        #expect(started.secret.count == 64)
        #expect(started.session.requestToken != started.secret)
        #expect(try accounts.session(secret: started.secret, at: now)?.account.name == "Ali")
        #expect(try accounts.session(secret: started.secret + "0", at: now) == nil)
        #expect(try accounts.session(secret: started.secret, at: now.addingTimeInterval(AccountStore.sessionLifetime + 1)) == nil)
        // Only the hash of the secret is stored.
        let stored = try accounts.database.read { db in try String.fetchAll(db, sql: "SELECT tokenHash FROM accountSession") }
        #expect(stored == [ContentHash.sha256Hex(started.secret)])

        try accounts.setPassword(of: "ali", to: "second password")
        #expect(try accounts.session(secret: started.secret, at: now) == nil)
        #expect(try accounts.authenticate(name: "Ali", password: "first password") == nil)
        #expect(try accounts.authenticate(name: "Ali", password: "second password") != nil)

        let again = try accounts.startSession(for: ali, at: now)
        try accounts.endSession(secret: again.secret)
        #expect(try accounts.session(secret: again.secret, at: now) == nil)
    }

    @Test("The last admin cannot be removed or demoted while other accounts exist; a role change shows in live sessions")
    func lastAdmin() throws {
        let accounts = accounts(try store())
        try accounts.add(name: "Mona", role: .admin, password: "admin password")
        let ali = try accounts.add(name: "Ali", role: .translator, password: "translator password")
        #expect(throws: TarjumanError.lastAdmin("Mona")) { try accounts.remove(name: "Mona") }
        #expect(throws: TarjumanError.lastAdmin("Mona")) { try accounts.setRole(of: "Mona", to: .reviewer) }
        let session = try accounts.startSession(for: ali)
        try accounts.setRole(of: "Ali", to: .admin)
        #expect(try accounts.session(secret: session.secret)?.account.role == .admin)
        try accounts.remove(name: "Mona")
        #expect(try accounts.session(secret: session.secret) != nil)
        try accounts.remove(name: "Ali")
        #expect(try accounts.session(secret: session.secret) == nil)
        #expect(try !accounts.hasAccounts())
    }

    @Test("Each role may do what the one below it may, and no more", arguments: TeamAction.allCases)
    func roles(action: TeamAction) {
        let allowed = TeamRole.allCases.filter { $0.permits(action) }
        #expect(allowed.first == TeamRole.least(for: action))
        #expect(allowed == Array(TeamRole.allCases.drop { $0 < TeamRole.least(for: action) }))
        #expect(TeamRole.admin.permits(action))
    }

    @Test("Approving keeps the text and the translator's credit and names the reviewer; rejecting needs a comment")
    func review() throws {
        let store = try store()
        let draft = try store.save(RenderingInput(unit: unit, text: "The statement said."), expected: nil,
                                   translator: "Ali", status: .translated, origin: "editor")
        #expect(throws: TarjumanError.rejectionNeedsComment(unit: "1.2")) {
            try store.review(unit, verdict: .reject, expected: draft.rendering.id, reviewer: "Rev", comment: "  ")
        }
        let rejected = try store.review(unit, verdict: .reject, expected: draft.rendering.id, reviewer: "Rev",
                                        comment: "Say that coordination is high.")
        #expect(rejected.changed)
        #expect(rejected.rendering.status == .rejected)
        #expect(rejected.rendering.translator == "Ali")
        #expect(rejected.rendering.reviewer == "Rev")
        #expect(rejected.rendering.comment == "Say that coordination is high.")
        #expect(rejected.rendering.text == "The statement said.")

        let fixed = try store.save(RenderingInput(unit: unit, text: "The statement said coordination is high."),
                                   expected: rejected.rendering.id, translator: "Ali", status: .translated, origin: "editor")
        // A review of what the reviewer read before the fix is refused with the fix.
        do {
            _ = try store.review(unit, verdict: .approve, expected: rejected.rendering.id, reviewer: "Rev", comment: nil)
            Issue.record("a review of an older rendering should be refused")
        } catch {
            guard case .renderingConflict(_, let current) = error else { Issue.record("unexpected error \(error)"); return }
            #expect(current?.id == fixed.rendering.id)
        }
        let approved = try store.review(unit, verdict: .approve, expected: fixed.rendering.id, reviewer: "Rev", comment: nil)
        #expect(approved.rendering.status == .approved)
        #expect(approved.rendering.translator == "Ali")
        let again = try store.review(unit, verdict: .approve, expected: fixed.rendering.id, reviewer: "Rev", comment: nil)
        #expect(!again.changed)
        #expect(try store.detail(of: unit).history.map(\.status) == [.approved, .translated, .rejected, .translated])

        #expect(throws: TarjumanError.nothingToReview(unit: "1.1")) {
            try store.review(UnitID(document: 1, ordinal: 1), verdict: .approve, expected: nil, reviewer: "Rev", comment: nil)
        }
    }

    @Test("A save that keeps approved renderings is refused over an approved one and changes nothing")
    func keepingApproved() throws {
        let store = try store()
        let approved = try store.save(RenderingInput(unit: unit, text: "Approved text."), expected: nil,
                                      translator: "Rev", status: .approved, origin: "editor")
        #expect(throws: TarjumanError.approvedNeedsReviewer(unit: "1.2")) {
            try store.save(RenderingInput(unit: unit, text: "A translator's change."), expected: approved.rendering.id,
                           translator: "Ali", status: .draft, origin: "editor", keepingApproved: true)
        }
        #expect(try store.detail(of: unit).history.count == 1)
    }

    @Test("A rejected rendering is not offered as a memory match")
    func rejectedNotMatched() throws {
        let store = try store()
        let source = try store.detail(of: unit).unit.text
        let saved = try store.save(RenderingInput(unit: unit, text: "Wrong rendering."), expected: nil,
                                   translator: "Ali", status: .translated, origin: "editor")
        let matcher = try MemoryMatcher(database: store.database)
        #expect(try matcher.matches(for: source, context: nil, minimum: 50, limit: 5, scope: MatchScope()).map(\.target) == ["Wrong rendering."])
        _ = try store.review(unit, verdict: .reject, expected: saved.rendering.id, reviewer: "Rev", comment: "Wrong.")
        #expect(try matcher.matches(for: source, context: nil, minimum: 50, limit: 5, scope: MatchScope()).isEmpty)
    }

    @Test("A document's activity lists what was done, newest first, and only what came after a given rendering")
    func activity() throws {
        let store = try store()
        let first = try store.save(RenderingInput(unit: unit, text: "One."), expected: nil, translator: "Ali", status: .draft, origin: "editor")
        let second = try store.save(RenderingInput(unit: UnitID(document: 1, ordinal: 3), text: "Two."), expected: nil,
                                    translator: "Omar", status: .translated, origin: "editor")
        _ = try store.review(unit, verdict: .approve, expected: first.rendering.id, reviewer: "Rev", comment: nil)
        let all = try store.activity(document: 1)
        #expect(all.map(\.unit.description) == ["1.2", "1.3", "1.2"])
        #expect(all.map(\.actor) == ["Rev", "Omar", "Ali"])
        let later = try store.activity(document: 1, after: second.rendering.id ?? 0)
        #expect(later.map(\.actor) == ["Rev"])
        #expect(try store.latestRenderingID() == all.first?.rendering.id)
        #expect(throws: TarjumanError.unknownDocument(9)) { try store.activity(document: 9) }
    }

    @Test("A document is assigned to an account and shows its counts of translated and rejected units")
    func assignment() throws {
        let store = try store()
        try accounts(store).add(name: "Ali", role: .translator, password: "translator password")
        try store.assign(document: 1, to: "ali")
        #expect(try store.document(1).assignee == "Ali")
        #expect(throws: TarjumanError.unknownAccount("Nobody")) { try store.assign(document: 1, to: "Nobody") }
        _ = try store.save(RenderingInput(unit: unit, text: "One."), expected: nil, translator: "Ali", status: .translated, origin: "editor")
        #expect(try store.document(1).translatedCount == 1)
        try store.assign(document: 1, to: nil)
        #expect(try store.document(1).assignee == nil)
        try accounts(store).add(name: "Omar", role: .translator, password: "translator password")
        try store.assign(document: 1, to: "Omar")
        try accounts(store).remove(name: "Omar")
        #expect(try store.document(1).assignee == nil)
    }
}

@Suite("Review states in exchange files")
struct ReviewStateExchangeTests {
    @Test("Translated and rejected renderings keep their status through a TSV memory and a TMX memory written by Tarjuman")
    func roundTrip() throws {
        let store = try makeStore()
        _ = try store.importDocuments([try segmented("وصل الوفد إلى المدينة. وانتهى الاجتماع مساء اليوم.")])
        let first = UnitID(document: 1, ordinal: 1), second = UnitID(document: 1, ordinal: 2)
        _ = try store.save(RenderingInput(unit: first, text: "The delegation arrived in the city."), expected: nil,
                           translator: "Ali", status: .translated, origin: "editor")
        let saved = try store.save(RenderingInput(unit: second, text: "The meeting ended."), expected: nil,
                                   translator: "Ali", status: .translated, origin: "editor")
        _ = try store.review(second, verdict: .reject, expected: saved.rendering.id, reviewer: "Rev", comment: "When did it end?")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("review-states-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["memory.tsv", "memory.tmx"] {
            let path = folder.appendingPathComponent(name).path
            _ = try ExportFormat(fileExtension: (name as NSString).pathExtension)!.export(store.database, to: path)
            let other = try makeStore()
            _ = try MemoryImporter(database: other.database).importFile(path)
            let statuses = try other.database.read { db in try String.fetchAll(db, sql: "SELECT status FROM rendering ORDER BY unitId") }
            #expect(statuses == ["translated", "rejected"], "\(name)")
        }
    }
}
