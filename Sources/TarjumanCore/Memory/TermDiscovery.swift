import Foundation
import GRDB

/// A recurring Arabic expression of the memory that could become a glossary term.
public struct TermCandidate: Sendable, Equatable, Codable {
    /// The expression as mostly written (tatweel and diacritics removed, proclitics of its
    /// first word removed).
    public let term: String
    /// Occurrences in the units.
    public let count: Int
    /// Documents it occurs in.
    public let documents: Int
    /// The ranking score (C-value, see `TermDiscovery`).
    public let score: Double
    public let inGlossary: Bool
    /// English expressions of the units' renderings that come with it, best first.
    public let renderings: [String]

    enum CodingKeys: String, CodingKey {
        case term, count, documents, score, renderings
        case inGlossary = "in_glossary"
    }
}

/// What `tarjuman terms` looks at.
public struct TermOptions: Sendable {
    public var documents: [Int64] = []
    public var minimumCount = 2
    public var maximumWords = 4
    /// Candidates returned.
    public var limit = 50

    public init(documents: [Int64] = [], minimumCount: Int = 2, maximumWords: Int = 4, limit: Int = 50) {
        self.documents = documents
        self.minimumCount = minimumCount
        self.maximumWords = maximumWords
        self.limit = limit
    }
}

/// Finds recurring terms in the stored Arabic units.
///
/// Candidates are word n-grams (1 to `maximumWords` words) of the units' search keys that do
/// not cross punctuation, whose first word loses its proclitics (و ف, then ب ك ل; `لل` becomes
/// `ال`) as the glossary analysis reads them, keeping ال, and that hold no function word
/// (`ArabicFunctionWords`). A proclitic without ال is removed only when the rest
/// also occurs as a word of its own in the units, so that words that merely start with those
/// letters keep them (`بيان`, `لبنان`). Later words that start with و followed by a word of the
/// units end the n-gram (`حماس والجهاد` is two terms, not one).
///
/// Candidates are ranked by C-value: log2(words + 1) × (count − the mean count of the longer
/// candidates that contain it), so that `القدس` inside `سرايا القدس` yields to the longer term
/// unless it also stands alone; ties by count. The English suggested for a candidate are the
/// English 1- to 3-word expressions of its units' renderings, ranked by Dice's coefficient
/// 2·f(term, english) / (f(term) + f(english)) over the rendered units.
public struct TermDiscovery: Sendable {
    public let database: TarjumanDatabase

    public init(database: TarjumanDatabase) {
        self.database = database
    }

    /// One unit read as words.
    struct UnitWords {
        let row: Int64
        let document: Int64
        /// Runs of words not broken by punctuation; each word as (key, light form).
        let runs: [[(key: String, light: String)]]
        let rendering: String?
    }

    struct Count {
        var count = 0
        var documents = 0
        var lastDocument: Int64 = -1
        var surfaces: [String: Int] = [:]
    }

    public func candidates(_ options: TermOptions = TermOptions()) throws(TarjumanError) -> [TermCandidate] {
        try database.read { db in
            try ExportSelection.checkDocuments(ExportOptions(documents: options.documents), db)
            let units = try Self.readUnits(options.documents, db)
            var vocabulary = Set<String>()
            for unit in units { for run in unit.runs { for word in run { vocabulary.insert(word.key) } } }
            var counts: [String: Count] = [:]
            var occurrences: [String: [Int]] = [:]
            for (index, unit) in units.enumerated() {
                var seen = Set<String>()
                for run in unit.runs {
                    let words = run.map { word -> (key: String, light: String) in word }
                    for start in words.indices {
                        guard let first = Self.firstWord(words[start], vocabulary: vocabulary) else { continue }
                        var keyParts = [first.key]
                        var lightParts = [first.light]
                        var end = start
                        while true {
                            let key = keyParts.joined(separator: " ")
                            if !ArabicFunctionWords.contains(keyParts.last!) && (keyParts.count > 1 || first.key.count >= 3) {
                                var entry = counts[key, default: Count()]
                                entry.count += 1
                                if entry.lastDocument != unit.document {
                                    entry.documents += 1
                                    entry.lastDocument = unit.document
                                }
                                entry.surfaces[lightParts.joined(separator: " "), default: 0] += 1
                                counts[key] = entry
                                if seen.insert(key).inserted { occurrences[key, default: []].append(index) }
                            }
                            end += 1
                            guard end < words.count, keyParts.count < options.maximumWords, !ArabicFunctionWords.contains(keyParts.last!),
                                  !Self.startsWithConjunction(words[end].key, vocabulary: vocabulary) else { break }
                            keyParts.append(words[end].key)
                            lightParts.append(words[end].light)
                        }
                    }
                }
            }
            let frequent = counts.filter { $0.value.count >= options.minimumCount }
            var scored: [(key: String, score: Double)] = []
            var longer: [String: [Int]] = [:]
            for (key, entry) in frequent {
                let parts = key.split(separator: " ")
                guard parts.count > 1 else { continue }
                for length in 1 ..< parts.count {
                    for start in 0 ... parts.count - length {
                        longer[parts[start ..< start + length].joined(separator: " "), default: []].append(entry.count)
                    }
                }
            }
            for (key, entry) in frequent {
                let words = key.split(separator: " ").count
                var nested = 0.0
                if let containing = longer[key], !containing.isEmpty {
                    nested = Double(containing.reduce(0, +)) / Double(containing.count)
                }
                scored.append((key, log2(Double(words) + 1) * (Double(entry.count) - nested)))
            }
            scored.sort { ($0.score, frequent[$0.key]!.count, $1.key) > ($1.score, frequent[$1.key]!.count, $0.key) }
            let chosen = scored.prefix(options.limit)
            let terms = try Term.fetchAll(db)
            let matcher = terms.isEmpty ? nil : try GlossaryMatcher(terms: terms)
            let suggestions = Self.renderings(for: chosen.map(\.key), occurrences: occurrences, units: units)
            return chosen.map { key, score in
                let entry = frequent[key]!
                let surface = entry.surfaces.max { ($0.value, $1.key) < ($1.value, $0.key) }!.key
                let inGlossary = matcher?.matches(in: surface).contains { $0.start == 0 && $0.end == surface.unicodeScalars.count } ?? false
                return TermCandidate(term: surface, count: entry.count, documents: entry.documents, score: (score * 100).rounded() / 100,
                                     inGlossary: inGlossary, renderings: suggestions[key] ?? [])
            }
        }
    }

    /// The units with their current renderings, as runs of words.
    static func readUnits(_ documents: [Int64], _ db: Database) throws -> [UnitWords] {
        let filter = documents.isEmpty ? "" : "WHERE u.documentId IN (\(documents.map { _ in "?" }.joined(separator: ", ")))"
        let statement = try FastStatement(db, sql: """
            SELECT u.id, u.documentId, u.text,
                   (SELECT r.text FROM rendering r WHERE r.unitId = u.id ORDER BY \(Rendering.preferredFirst) LIMIT 1)
            FROM unit u \(filter) ORDER BY u.id
            """)
        statement.reset()
        statement.bind(all: documents)
        var units: [UnitWords] = []
        while try statement.step() {
            units.append(UnitWords(row: statement.int64(at: 0), document: statement.int64(at: 1),
                                   runs: wordRuns(statement.text(at: 2)), rendering: statement.optionalText(at: 3)))
        }
        return units
    }

    /// The Arabic words of a text in runs that punctuation, digits and Latin words break.
    static func wordRuns(_ text: String) -> [[(key: String, light: String)]] {
        let light = ArabicSearchKey.lightForm(text.unicodeScalars)
        var runs: [[(key: String, light: String)]] = []
        var run: [(key: String, light: String)] = []
        var word = String.UnicodeScalarView()
        func finishWord() {
            guard !word.isEmpty else { return }
            let surface = String(word)
            run.append((ArabicSearchKey.key(surface), surface))
            word = String.UnicodeScalarView()
        }
        for scalar in light {
            let value = scalar.value
            if (0x0621 ... 0x064A).contains(value) || (0x0671 ... 0x06D3).contains(value) {
                word.append(scalar)
            } else if ScalarClass.isWhitespace(value) {
                finishWord()
            } else {
                finishWord()
                if !run.isEmpty { runs.append(run) }
                run = []
            }
        }
        finishWord()
        if !run.isEmpty { runs.append(run) }
        return runs
    }

    /// The first word of a candidate without its proclitics, or nil when it is a function word.
    static func firstWord(_ word: (key: String, light: String), vocabulary: Set<String>) -> (key: String, light: String)? {
        let scalars = Array(word.light.unicodeScalars)
        var best: (key: String, light: String) = word
        var bestStart = 0
        ArabicClitics.forEachProcliticBase(of: scalars) { start, addsArticle in
            guard start > bestStart || (start == bestStart && addsArticle) else { return }
            let rest = Array(scalars[start...])
            let keepsArticle = addsArticle || (rest.count > 2 && rest[0] == "\u{0627}" && rest[1] == "\u{0644}")
            var view = String.UnicodeScalarView()
            if addsArticle { view.append(contentsOf: "\u{0627}\u{0644}".unicodeScalars) }
            view.append(contentsOf: rest)
            let light = String(view)
            let key = ArabicSearchKey.key(light)
            // Stripping ال itself is not wanted: the article belongs to the term.
            if start >= 2, !addsArticle, scalars[start - 2] == "\u{0627}", scalars[start - 1] == "\u{0644}" { return }
            guard keepsArticle || vocabulary.contains(key) else { return }
            best = (key, light)
            bestStart = start
        }
        return ArabicFunctionWords.contains(best.key) ? nil : best
    }

    /// Whether a later word of an n-gram is و + a word of the units (a coordinated phrase).
    static func startsWithConjunction(_ key: String, vocabulary: Set<String>) -> Bool {
        guard key.hasPrefix("\u{0648}"), key.count >= 4 else { return false }
        let rest = String(key.dropFirst())
        return vocabulary.contains(rest) || rest.hasPrefix("\u{0627}\u{0644}")
    }

    /// English expressions that come with each candidate, best first (Dice's coefficient).
    static func renderings(for keys: [String], occurrences: [String: [Int]], units: [UnitWords]) -> [String: [String]] {
        let rendered = units.indices.filter { units[$0].rendering != nil }
        guard !rendered.isEmpty else { return [:] }
        var grams: [Int: [String: String]] = [:]
        func englishGrams(_ index: Int) -> [String: String] {
            if let cached = grams[index] { return cached }
            var found: [String: String] = [:]
            let words = EnglishWords.split(units[index].rendering ?? "")
            for start in words.indices {
                for length in 1 ... 3 where start + length <= words.count {
                    let slice = words[start ..< start + length]
                    guard !EnglishWords.stop.contains(slice.first!.lowercased()), !EnglishWords.stop.contains(slice.last!.lowercased()) else { continue }
                    let key = slice.map { $0.lowercased() }.joined(separator: " ")
                    if found[key] == nil { found[key] = slice.joined(separator: " ") }
                }
            }
            grams[index] = found
            return found
        }
        var wanted: [String: [String: Int]] = [:]
        var displays: [String: [String: Int]] = [:]
        for key in keys {
            var together: [String: Int] = [:]
            for index in occurrences[key] ?? [] where units[index].rendering != nil {
                for (gram, display) in englishGrams(index) {
                    together[gram, default: 0] += 1
                    displays[gram, default: [:]][display, default: 0] += 1
                }
            }
            wanted[key] = together
        }
        let tracked = Set(wanted.values.flatMap(\.keys))
        var frequency: [String: Int] = [:]
        for index in rendered {
            for gram in englishGrams(index).keys where tracked.contains(gram) { frequency[gram, default: 0] += 1 }
        }
        var result: [String: [String]] = [:]
        for key in keys {
            let termCount = (occurrences[key] ?? []).filter { units[$0].rendering != nil }.count
            guard termCount > 0, let together = wanted[key] else { continue }
            let ranked = together.filter { $0.value >= 2 || termCount == 1 }.map { gram, both -> (String, Double, Int) in
                (gram, 2 * Double(both) / Double(termCount + frequency[gram, default: both]), gram.split(separator: " ").count)
            }.sorted { ($0.1, $0.2, $1.0) > ($1.1, $1.2, $0.0) }
            result[key] = ranked.prefix(3).map { gram, _, _ in displays[gram]!.max { ($0.value, $1.key) < ($1.value, $0.key) }!.key }
        }
        return result
    }
}

/// English words of a rendering, and the English function words that do not start or end a
/// suggested rendering.
enum EnglishWords {
    static let stop: Set<String> = [
        "the", "a", "an", "of", "in", "on", "at", "to", "for", "and", "or", "by", "with", "from", "as", "is", "was", "were",
        "be", "been", "are", "that", "this", "these", "those", "it", "its", "he", "she", "they", "his", "her", "their", "we",
        "our", "you", "your", "i", "not", "no", "but", "which", "who", "whom", "said", "says", "has", "have", "had", "will",
        "would", "can", "could", "also", "than", "then", "there", "after", "before", "over", "into", "about", "up", "out",
        "all", "s", "so", "such", "very", "him", "them", "us", "me", "my", "do", "did", "does", "if", "when", "while",
    ]

    static func split(_ text: String) -> [String] {
        text.split { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "'") }
            .map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: "-'")) }
            .filter { !$0.isEmpty }
    }
}
