import HummingbirdBcrypt

/// Passwords as bcrypt hashes: salted, slow, with the cost inside the hash.
public enum PasswordHash {
    /// The cost new hashes get: 2^12 rounds, about a quarter of a second on this machine's class.
    public static let defaultCost = 12
    /// The fewest characters a password may have.
    public static let minimumLength = 8
    /// bcrypt reads at most 72 bytes; a longer password would be cut short without a word.
    public static let maximumBytes = 72

    /// Why `password` cannot be used, or nil when it can.
    public static func problem(with password: String) -> String? {
        if password.count < minimumLength { return "a password needs at least \(minimumLength) characters" }
        if password.utf8.count > maximumBytes { return "a password can have at most \(maximumBytes) bytes (bcrypt ignores the rest)" }
        return nil
    }

    /// The hash of `password` at `cost` (4 to 31).
    public static func make(_ password: String, cost: Int = defaultCost) -> String {
        Bcrypt.hash(password, cost: UInt8(min(max(cost, 4), 31)))
    }

    /// Whether `password` is the one `hash` was made from.
    public static func verify(_ password: String, against hash: String) -> Bool {
        Bcrypt.verify(password, hash: hash)
    }

    /// A hash of no one's password, checked when a name is unknown so that a wrong name takes
    /// as long to refuse as a wrong password.
    static let decoy = make("no account has this password", cost: defaultCost)
}
