import Foundation
import Synchronization

/// Slows password guessing: after too many wrong passwords for one name from one address, or
/// from one address for any names, logins from there wait until the oldest failure is old enough.
final class LoginThrottle: Sendable {
    /// Wrong passwords allowed per name and address, and per address, within `window`.
    let perName: Int
    let perAddress: Int
    let window: TimeInterval
    private let failures = Mutex<[String: [Date]]>([:])

    init(perName: Int = 5, perAddress: Int = 20, window: TimeInterval = 15 * 60) {
        self.perName = perName
        self.perAddress = perAddress
        self.window = window
    }

    /// Seconds to wait before `name` may try again from `address`, or nil when it may now.
    func wait(name: String, address: String, at now: Date = Date()) -> Int? {
        failures.withLock { table in
            var longest: TimeInterval = 0
            for (key, limit) in [(Self.key(name, address), perName), (Self.key(nil, address), perAddress)] {
                let recent = (table[key] ?? []).filter { now.timeIntervalSince($0) < window }
                table[key] = recent.isEmpty ? nil : recent
                if recent.count >= limit, let oldest = recent.first {
                    longest = max(longest, window - now.timeIntervalSince(oldest))
                }
            }
            return longest > 0 ? Int(longest.rounded(.up)) : nil
        }
    }

    /// Counts a wrong password.
    func failed(name: String, address: String, at now: Date = Date()) {
        failures.withLock { table in
            if table.count > 100_000 { table = table.filter { $0.value.contains { now.timeIntervalSince($0) < window } } }
            table[Self.key(name, address), default: []].append(now)
            table[Self.key(nil, address), default: []].append(now)
        }
    }

    /// Forgets the wrong passwords of `name` from `address` after it logged in.
    func succeeded(name: String, address: String) {
        _ = failures.withLock { $0.removeValue(forKey: Self.key(name, address)) }
    }

    static func key(_ name: String?, _ address: String) -> String {
        name.map { "\($0.lowercased())\u{0}\(address)" } ?? address
    }
}
