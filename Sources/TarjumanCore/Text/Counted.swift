/// A count with its noun in the right number: `1 unit`, `2 units`, `1 entry`, `0 entries`.
public func counted(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(count) \(count == 1 ? singular : plural ?? Counted.plural(of: singular))"
}

enum Counted {
    /// The regular English plural: `entry` → `entries`, `unit` → `units`, `match` → `matches`.
    static func plural(of noun: String) -> String {
        if noun.hasSuffix("y"), let before = noun.dropLast().last, !"aeiou".contains(before) { return noun.dropLast() + "ies" }
        if noun.hasSuffix("s") || noun.hasSuffix("x") || noun.hasSuffix("ch") || noun.hasSuffix("sh") { return noun + "es" }
        return noun + "s"
    }
}
