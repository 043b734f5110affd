import Foundation
import GRDB

/// A member of the team: a name to log in with, a role, and a salted slow hash of the password.
public struct Account: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "account"
    public var id: Int64?
    /// The name shown beside everything the member does; unique, compared without case.
    public var name: String
    public var role: TeamRole
    /// bcrypt of the password (`PasswordHash`).
    public var passwordHash: String
    public var createdAt: Date

    public init(id: Int64? = nil, name: String, role: TeamRole, passwordHash: String, createdAt: Date) {
        self.id = id
        self.name = name
        self.role = role
        self.passwordHash = passwordHash
        self.createdAt = createdAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// Why `name` cannot name an account, or nil when it can.
    public static func problem(withName name: String) -> String? {
        if name.isEmpty { return "a name is needed" }
        if name != name.trimmingCharacters(in: .whitespacesAndNewlines) { return "a name cannot begin or end with a space" }
        if name.count > 64 { return "a name is at most 64 characters" }
        if name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0.properties.generalCategory == .format && $0.value != 0x200C && $0.value != 0x200D }) {
            return "a name cannot hold control characters"
        }
        return nil
    }
}

extension TeamRole: DatabaseValueConvertible {}

/// A logged-in member: who, with which role, and the token the session's changes must carry.
public struct LoginSession: Sendable, Equatable {
    public let account: Account
    /// Sent by the editor in `X-Tarjuman-Token` with every change.
    public let requestToken: String
    public let expiresAt: Date
}
