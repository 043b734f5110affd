import Foundation

/// When something brought in is the same as what is stored, for every import path: renderings
/// (render, editor save, XLIFF, alignment, pretranslate, annotate --store) and memory entries.
/// Nothing is ever replaced: what is not the same is added beside what is stored.
public enum MergePolicy {
    /// A text as entries are compared: NFC, runs of white space made one space, ends trimmed.
    /// The text as written is what is stored; this form only decides sameness.
    public static func comparable(_ text: String) -> String {
        var result = ""
        var pendingSpace = false
        for scalar in text.precomposedStringWithCanonicalMapping.unicodeScalars {
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

    /// Whether a new rendering of a unit repeats its current one (same text and status): then
    /// nothing is added. Anything else becomes the new current rendering, the old one its history.
    static func repeatsCurrent(_ current: Rendering?, text: String, status: RenderingStatus) -> Bool {
        guard let current else { return false }
        return current.text == text && current.status == status
    }
}
