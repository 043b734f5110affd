import Foundation
import GRDB

/// The team's accounts and their login sessions. A database with at least one account is in
/// team mode: the editor asks everyone to log in and credits their work to their account.
public struct AccountStore: AccountStoring {
    public let database: TarjumanDatabase
    /// The bcrypt cost of new password hashes.
    public let passwordCost: Int
    /// How long a session lasts after logging in.
    public static let sessionLifetime: TimeInterval = 7 * 24 * 3600

    public init(database: TarjumanDatabase, passwordCost: Int = PasswordHash.defaultCost) {
        self.database = database
        self.passwordCost = passwordCost
    }

    /// Whether any account exists (team mode).
    public func hasAccounts() throws(TarjumanError) -> Bool {
        try database.read { db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM account)") ?? false }
    }

    /// Every account, by name.
    public func accounts() throws(TarjumanError) -> [Account] {
        try database.read { db in try Account.order(Column("name").collating(.nocase)).fetchAll(db) }
    }

    /// The account named `name` (compared without case).
    public func account(named name: String) throws(TarjumanError) -> Account {
        try database.read { db in try Self.fetch(name, db) }
    }

    /// Adds an account; the password is kept only as its hash.
    @discardableResult
    public func add(name: String, role: TeamRole, password: String, at date: Date = Date()) throws(TarjumanError) -> Account {
        if let problem = Account.problem(withName: name) { throw .invalidAccount(problem) }
        if let problem = PasswordHash.problem(with: password) { throw .invalidAccount(problem) }
        let hash = PasswordHash.make(password, cost: passwordCost)
        return try database.write { db in
            if try Account.filter(Column("name").collating(.nocase) == name).fetchOne(db) != nil {
                throw TarjumanError.accountExists(name)
            }
            var account = Account(name: name, role: role, passwordHash: hash, createdAt: date)
            try account.insert(db)
            return account
        }
    }

    /// Removes an account and its sessions; what it did stays, credited to its name.
    @discardableResult
    public func remove(name: String) throws(TarjumanError) -> Account {
        try database.write { db in
            let account = try Self.fetch(name, db)
            if account.role == .admin, try Self.isLastAdmin(account, db),
               try Account.fetchCount(db) > 1 {
                throw TarjumanError.lastAdmin(account.name)
            }
            try db.execute(sql: "DELETE FROM account WHERE id = ?", arguments: [account.id])
            return account
        }
    }

    /// Sets a new password and ends every session of the account.
    public func setPassword(of name: String, to password: String) throws(TarjumanError) {
        if let problem = PasswordHash.problem(with: password) { throw .invalidAccount(problem) }
        let hash = PasswordHash.make(password, cost: passwordCost)
        try database.write { db in
            let account = try Self.fetch(name, db)
            try db.execute(sql: "UPDATE account SET passwordHash = ? WHERE id = ?", arguments: [hash, account.id])
            try db.execute(sql: "DELETE FROM accountSession WHERE accountId = ?", arguments: [account.id])
        }
    }

    /// Changes the role of an account; its sessions carry the new role from their next request.
    public func setRole(of name: String, to role: TeamRole) throws(TarjumanError) {
        try database.write { db in
            let account = try Self.fetch(name, db)
            if account.role == .admin, role != .admin, try Self.isLastAdmin(account, db) {
                throw TarjumanError.lastAdmin(account.name)
            }
            try db.execute(sql: "UPDATE account SET role = ? WHERE id = ?", arguments: [role, account.id])
        }
    }

    /// The account when `password` is its password, nil otherwise (also for an unknown name,
    /// which takes as long to refuse).
    public func authenticate(name: String, password: String) throws(TarjumanError) -> Account? {
        let account = try database.read { db in
            try Account.filter(Column("name").collating(.nocase) == name).fetchOne(db)
        }
        guard let account else {
            _ = PasswordHash.verify(password, against: PasswordHash.decoy)
            return nil
        }
        return PasswordHash.verify(password, against: account.passwordHash) ? account : nil
    }

    /// Starts a session for `account`: the secret for its cookie, and the session with its
    /// request token. Only a hash of the secret is stored.
    public func startSession(for account: Account, at date: Date = Date()) throws(TarjumanError) -> (secret: String, session: LoginSession) {
        let secret = Self.randomToken(), requestToken = Self.randomToken()
        let expires = date.addingTimeInterval(Self.sessionLifetime)
        try database.write { db in
            try db.execute(sql: "DELETE FROM accountSession WHERE expiresAt <= ?", arguments: [date])
            try db.execute(sql: """
                INSERT INTO accountSession (tokenHash, accountId, requestToken, createdAt, expiresAt) VALUES (?, ?, ?, ?, ?)
                """, arguments: [ContentHash.sha256Hex(secret), account.id, requestToken, date, expires])
        }
        return (secret, LoginSession(account: account, requestToken: requestToken, expiresAt: expires))
    }

    /// The live session whose cookie holds `secret`, with its account as it is now.
    public func session(secret: String, at date: Date = Date()) throws(TarjumanError) -> LoginSession? {
        try database.read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT s.requestToken, s.expiresAt, a.* FROM accountSession s JOIN account a ON a.id = s.accountId
                WHERE s.tokenHash = ? AND s.expiresAt > ?
                """, arguments: [ContentHash.sha256Hex(secret), date]) else { return nil }
            return LoginSession(account: try Account(row: row), requestToken: row["requestToken"], expiresAt: row["expiresAt"])
        }
    }

    /// Ends the session whose cookie holds `secret`.
    public func endSession(secret: String) throws(TarjumanError) {
        try database.write { db in
            try db.execute(sql: "DELETE FROM accountSession WHERE tokenHash = ?", arguments: [ContentHash.sha256Hex(secret)])
        }
    }

    /// 256 random bits as hex, from the system's secure generator.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0 ..< 4).map { _ in String(format: "%016llx", generator.next() as UInt64) }.joined()
    }

    static func fetch(_ name: String, _ db: Database) throws -> Account {
        guard let account = try Account.filter(Column("name").collating(.nocase) == name).fetchOne(db) else {
            throw TarjumanError.unknownAccount(name)
        }
        return account
    }

    static func isLastAdmin(_ account: Account, _ db: Database) throws -> Bool {
        try Account.filter(Column("role") == TeamRole.admin.rawValue && Column("id") != account.id).fetchCount(db) == 0
    }
}
