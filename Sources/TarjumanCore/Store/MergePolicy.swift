import Foundation

/// When something brought in is the same as what is stored, for every import path: renderings
/// (render, editor save, XLIFF, alignment, pretranslate, annotate --store) and memory entries.
/// Nothing is ever replaced: what is not the same is added beside what is stored.
public enum MergePolicy {
    /// A text as entries are compared: runs of white space made one space, ends trimmed. The
    /// text as written is what is stored; this form only decides sameness, with Swift's string
    /// equality, which holds canonically equivalent texts (NFC or not) equal.
    public static func comparable(_ text: String) -> String {
        var clean = true
        var afterSpace = true
        for scalar in text.unicodeScalars {
            let space = scalar.value < 0x80 ? (scalar == " " || (0x09 ... 0x0D).contains(scalar.value)) : scalar.properties.isWhitespace
            if space && (afterSpace || scalar != " ") {
                clean = false
                break
            }
            afterSpace = space
        }
        if clean && !afterSpace { return text }
        var result = ""
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace {
                result.unicodeScalars.append(" ")
                pendingSpace = false
            }
            result.unicodeScalars.append(scalar)
        }
        return result
    }

    /// Whether two memory entries are one: the same source as written and the same target
    /// (compared as `comparable` forms). A second target, or a source spelled otherwise, is another entry.
    public static func sameEntry(source: String, target: String, asSource stored: String, target storedTarget: String) -> Bool {
        (source == stored || comparable(source) == comparable(stored))
            && (target == storedTarget || comparable(target) == comparable(storedTarget))
    }

    /// The key under which entries that `sameEntry` holds one fall together, for grouping many.
    static func entryKey(source: String, target: String) -> String {
        comparable(source) + "\u{1}" + comparable(target)
    }

    /// Whether a new rendering of a unit repeats its current one (same text and status): then
    /// nothing is added. Anything else becomes the new current rendering, the old one its history.
    static func repeatsCurrent(_ current: Rendering?, text: String, status: RenderingStatus) -> Bool {
        guard let current else { return false }
        return current.text == text && current.status == status
    }
}
