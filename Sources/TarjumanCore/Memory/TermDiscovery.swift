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
    /// How its units render it, best first: the English its occurrences align to (the
    /// glossary's renderings first, when they are among them), or with no alignment model the
    /// English expressions that come with it.
    public let renderings: [String]
    /// Whether `renderings` come from the word aligner.
    public var aligned = false

    enum CodingKeys: String, CodingKey {
        case term, count, documents, score, inGlossary, renderings, aligned
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
/// (`ArabicFunctionWords`). A proclitic without ال is removed only when the rest occurs as a
/// word of its own in the units at least a quarter as often as the whole word, so that words that
/// merely start with those letters keep them (`بيان`, `لبنان`, `ليلى`). Later words that start with
/// و followed by a word of the units end the n-gram (`حماس والجهاد` is two terms, not one). Words
/// are kept as ids and n-grams counted level by level, each length only where its first words are
/// already a frequent candidate, so memory follows the frequent n-grams.
///
/// Candidates are ranked by C-value: log2(words + 1) × (count − the mean count of the longer
/// candidates that contain it), so that `القدس` inside `سرايا القدس` yields to the longer term
/// unless it also stands alone; ties by count. The English suggested for a candidate are the
/// English 1- to 3-word expressions of its units' renderings, ranked by Dice's coefficient
/// 2·f(term, english) / (f(term) + f(english)), estimated from up to `sampleUnits` units of the
/// candidate and as many rendered units sampled evenly.
public struct TermDiscovery: Sendable {
    public let database: TarjumanDatabase

    public init(database: TarjumanDatabase) {
        self.database = database
    }

    public func candidates(_ options: TermOptions = TermOptions()) throws(TarjumanError) -> [TermCandidate] {
        try database.read { db in
            try ExportSelection.checkDocuments(ExportOptions(documents: options.documents), db)
            var corpus = try WordCorpus(documents: options.documents, db)
            let analysis = corpus.analyseWords()
            var counts = try countGrams(corpus, analysis, options)
            let chosen = rank(&counts, options)
            let terms = try Term.fetchAll(db)
            let matcher = terms.isEmpty ? nil : try GlossaryMatcher(terms: terms)
            let surfaces = chosen.map { $0.gram.words.map { corpus.light[Int($0)] }.joined(separator: " ") }
            let glossaryTerms = surfaces.map { surface in
                matcher?.matches(in: surface).filter { $0.start == 0 && $0.end == surface.unicodeScalars.count }.map(\.term) ?? []
            }
            let suggestions = try renderings(for: chosen.map(\.gram), surfaces: surfaces, glossary: glossaryTerms, corpus: corpus, analysis: analysis, db)
            return chosen.enumerated().map { index, item in
                let entry = counts[item.gram]!
                var candidate = TermCandidate(term: surfaces[index], count: Int(entry.count), documents: Int(entry.documents),
                                              score: (item.score * 100).rounded() / 100, inGlossary: !glossaryTerms[index].isEmpty,
                                              renderings: suggestions.renderings[index])
                candidate.aligned = suggestions.aligned
                return candidate
            }
        }
    }

    /// An n-gram of word ids (the first one with its proclitics removed).
    struct Gram: Hashable {
        let words: [Int32]
    }

    struct GramCount {
        var count: Int32 = 0
        var documents: Int32 = 0
        var lastDocument: Int32 = -1
    }

    /// Counts the candidates level by level: an n-gram is counted only where its first n − 1
    /// words are a frequent candidate and its last word is frequent, so that memory follows the
    /// frequent n-grams rather than all of them.
    func countGrams(_ corpus: WordCorpus, _ analysis: WordAnalysis, _ options: TermOptions) throws -> [Gram: GramCount] {
        var frequent: [Gram: GramCount] = [:]
        var level: [Gram: GramCount] = [:]
        let minimum = Int32(options.minimumCount)
        for length in 1 ... options.maximumWords {
            level.removeAll(keepingCapacity: true)
            for unit in 0 ..< corpus.unitCount {
                let document = corpus.documents[unit]
                let words = corpus.words[Int(corpus.unitStarts[unit]) ..< Int(corpus.unitStarts[unit + 1])]
                var position = words.startIndex
                while position < words.endIndex {
                    guard words[position] >= 0 else { position += 1; continue }
                    var gram: [Int32] = [analysis.stripped[Int(words[position])]]
                    var ok = gram[0] >= 0
                    var next = position + 1
                    while ok && gram.count < length {
                        guard next < words.endIndex, words[next] >= 0, !analysis.isFunction[Int(gram.last!)],
                              !analysis.startsWithConjunction[Int(words[next])] else { ok = false; break }
                        gram.append(words[next])
                        next += 1
                    }
                    position += 1
                    guard ok, !analysis.isFunction[Int(gram.last!)] else { continue }
                    if length == 1 {
                        guard corpus.key[Int(gram[0])].count >= 3 else { continue }
                    } else {
                        guard (frequent[Gram(words: Array(gram.dropLast()))]?.count ?? 0) >= minimum,
                              corpus.frequency[Int(gram.last!)] >= minimum else { continue }
                    }
                    let key = Gram(words: gram)
                    var entry = level[key, default: GramCount()]
                    entry.count += 1
                    if entry.lastDocument != document {
                        entry.documents += 1
                        entry.lastDocument = document
                    }
                    level[key] = entry
                }
            }
            for (gram, entry) in level where entry.count >= minimum { frequent[gram] = entry }
        }
        return frequent
    }

    /// The best candidates by C-value, then count.
    func rank(_ counts: inout [Gram: GramCount], _ options: TermOptions) -> [(gram: Gram, score: Double)] {
        var longer: [Gram: (total: Int, grams: Int)] = [:]
        for (gram, entry) in counts where gram.words.count > 1 {
            for length in 1 ..< gram.words.count {
                for start in 0 ... gram.words.count - length {
                    let inner = Gram(words: Array(gram.words[start ..< start + length]))
                    guard counts[inner] != nil else { continue }
                    var value = longer[inner, default: (0, 0)]
                    value.total += Int(entry.count)
                    value.grams += 1
                    longer[inner] = value
                }
            }
        }
        var scored: [(gram: Gram, score: Double, count: Int32)] = []
        for (gram, entry) in counts {
            var nested = 0.0
            if let containing = longer[gram] { nested = Double(containing.total) / Double(containing.grams) }
            scored.append((gram, log2(Double(gram.words.count) + 1) * (Double(entry.count) - nested), entry.count))
        }
        scored.sort { ($0.score, $0.count, $1.gram.words.lexicographicallyPrecedes($0.gram.words) ? 1 : 0) > ($1.score, $1.count, 0) }
        return scored.prefix(options.limit).map { ($0.gram, $0.score) }
    }

    /// How each candidate is rendered, best first: by word alignment when a model was trained,
    /// else the English expressions that come with it (Dice's coefficient), from at most
    /// `sampleUnits` units of the candidate and a sample of every rendered unit.
    func renderings(for grams: [Gram], surfaces: [String], glossary: [[Term]], corpus: WordCorpus, analysis: WordAnalysis,
                    _ db: Database) throws -> (renderings: [[String]], aligned: Bool) {
        guard !grams.isEmpty else { return ([], false) }
        var index: [Gram: Int] = [:]
        for (position, gram) in grams.enumerated() { index[gram] = position }
        let longest = grams.map(\.words.count).max()!
        var units: [[Int]] = Array(repeating: [], count: grams.count)
        var rendered = Array(repeating: 0, count: grams.count)
        for unit in 0 ..< corpus.unitCount where corpus.rendered[unit] {
            let words = corpus.words[Int(corpus.unitStarts[unit]) ..< Int(corpus.unitStarts[unit + 1])]
            var found = Set<Int>()
            for position in words.indices where words[position] >= 0 {
                var gram: [Int32] = [analysis.stripped[Int(words[position])]]
                guard gram[0] >= 0 else { continue }
                var next = position + 1
                while true {
                    if let hit = index[Gram(words: gram)] { found.insert(hit) }
                    guard gram.count < longest, next < words.endIndex, words[next] >= 0 else { break }
                    gram.append(words[next])
                    next += 1
                }
            }
            for hit in found {
                rendered[hit] += 1
                if units[hit].count < Self.sampleUnits { units[hit].append(unit) }
            }
        }
        if let aligned = try alignedRenderings(surfaces: surfaces, glossary: glossary, units: units, corpus: corpus, db) {
            return (aligned, true)
        }
        let renderingOf = try db.cachedStatement(sql: "SELECT text FROM \(CurrentRendering.view) WHERE unitId = ?")
        func englishGrams(of unit: Int) throws -> [String: String] {
            guard let text = try String.fetchOne(renderingOf, arguments: [corpus.rows[unit]]) else { return [:] }
            return EnglishWords.grams(text)
        }
        var together: [[String: Int]] = Array(repeating: [:], count: grams.count)
        var displays: [String: [String: Int]] = [:]
        for (hit, list) in units.enumerated() {
            for unit in list {
                for (gram, display) in try englishGrams(of: unit) {
                    together[hit][gram, default: 0] += 1
                    displays[gram, default: [:]][display, default: 0] += 1
                }
            }
        }
        let tracked = Set(together.flatMap(\.keys))
        let renderedUnits = (0 ..< corpus.unitCount).filter { corpus.rendered[$0] }
        let step = max(1, renderedUnits.count / Self.sampleUnits)
        var frequency: [String: Int] = [:]
        var sampled = 0
        for position in stride(from: 0, to: renderedUnits.count, by: step) {
            sampled += 1
            for gram in try englishGrams(of: renderedUnits[position]).keys where tracked.contains(gram) { frequency[gram, default: 0] += 1 }
        }
        let scale = Double(renderedUnits.count) / Double(max(sampled, 1))
        return (grams.indices.map { hit in
            let sample = units[hit].count
            guard sample > 0 else { return [] }
            let termShare = Double(rendered[hit]) / Double(sample)
            let ranked = together[hit].filter { $0.value >= 2 || sample == 1 }.map { gram, both -> (String, Double, Int) in
                let englishCount = Double(frequency[gram, default: 0]) * scale
                let bothCount = Double(both) * termShare
                return (gram, 2 * bothCount / (Double(rendered[hit]) + max(englishCount, bothCount)), gram.split(separator: " ").count)
            }.sorted { ($0.1, $0.2, $1.0) > ($1.1, $1.2, $0.0) }
            return ranked.prefix(3).map { gram, _, _ in displays[gram]!.max { ($0.value, $1.key) < ($1.value, $0.key) }!.key }
        }, false)
    }

    /// Each candidate's renderings counted over the English its occurrences align to in the
    /// first `ConcordanceSearch.maximumAlignedUnits` of its rendered units, as a lookup counts
    /// them (the glossary's renderings of it first); nil when no alignment model was trained.
    func alignedRenderings(surfaces: [String], glossary: [[Term]], units: [[Int]], corpus: WordCorpus, _ db: Database) throws -> [[String]]? {
        guard try WordAlignmentStore.hasModel(db) else { return nil }
        let matcher = try GlossaryMatcher(terms: surfaces.map { Term(arabic: $0, english: $0) })
        let pairOf = try FastStatement(db, sql: "SELECT u.text, r.text FROM unit u JOIN \(CurrentRendering.view) r ON r.unitId = u.id WHERE u.id = ?")
        var pairs: [(arabic: String, english: String)] = []
        var occurrences: [(candidate: Int, hits: [Range<Int>])] = []
        for (candidate, list) in units.enumerated() {
            let key = ArabicSearchKey.key(surfaces[candidate])
            for unit in list.prefix(ConcordanceSearch.maximumAlignedUnits) {
                pairOf.reset()
                pairOf.bind(corpus.rows[unit], at: 1)
                guard try pairOf.step() else { continue }
                let arabic = pairOf.text(at: 0)
                let hits = matcher.matches(in: arabic).filter { $0.term.searchKey == key }.map { $0.start ..< $0.end }
                guard !hits.isEmpty else { continue }
                pairs.append((arabic, pairOf.text(at: 1)))
                occurrences.append((candidate, hits))
            }
        }
        pairOf.reset()
        guard let (lexicon, tokens) = try WordAlignmentStore.tokenized(pairs, db) else { return nil }
        var spans = Array(repeating: [RenderedSpan](), count: surfaces.count)
        for ((candidate, hits), (pair, text)) in zip(occurrences, zip(tokens, pairs)) {
            spans[candidate] += TermRenderings.spans(arabicTokens: pair.arabic, englishTokens: pair.english, english: text.english,
                                                     hits: hits, lexicon: lexicon).compactMap { $0 }
        }
        return spans.indices.map { candidate in
            let known = glossary[candidate].flatMap { [$0.english] + $0.alternatives }
            let counted = TermRenderings.count(spans[candidate], known: known)
            let top = counted.map(\.count).max() ?? 0
            return counted.enumerated().filter { index, variant in
                index == 0 || variant.count >= max(2, top / Self.rareRenderingShare)
            }.prefix(3).map(\.element.text)
        }
    }

    /// A suggestion after the first needs at least 1/this of the most frequent one's spans (and
    /// two), so that a stray misalignment is not offered as a rendering.
    static let rareRenderingShare = 20

    /// Units of a candidate read for its English, and rendered units sampled for the English
    /// expressions' own frequencies.
    static let sampleUnits = 2_000

    /// The first word of a candidate without its proclitics, or nil when it is a function word.
    /// A proclitic without ال comes off only when the rest is a word of the units at least a
    /// quarter as frequent as the whole (`وسرايا` → `سرايا`, but `ليلى` stays).
    static func firstWord(_ word: (key: String, light: String), frequency: (String) -> Int) -> (key: String, light: String)? {
        let scalars = Array(word.light.unicodeScalars)
        var best: (key: String, light: String) = word
        var bestStart = 0
        let own = frequency(word.key)
        ArabicClitics.forEachProcliticBase(of: scalars) { start, addsArticle in
            guard start > bestStart || (start == bestStart && addsArticle) else { return }
            // Stripping ال itself is not wanted: the article belongs to the term.
            if start >= 2, !addsArticle, scalars[start - 2] == "\u{0627}", scalars[start - 1] == "\u{0644}" { return }
            let rest = Array(scalars[start...])
            let keepsArticle = addsArticle || (rest.count > 2 && rest[0] == "\u{0627}" && rest[1] == "\u{0644}")
            var view = String.UnicodeScalarView()
            if addsArticle { view.append(contentsOf: "\u{0627}\u{0644}".unicodeScalars) }
            view.append(contentsOf: rest)
            let light = String(view)
            let key = ArabicSearchKey.key(light)
            guard keepsArticle || frequency(key) * 4 >= max(own, 1) else { return }
            best = (key, light)
            bestStart = start
        }
        return ArabicFunctionWords.contains(best.key) ? nil : best
    }

    /// Whether a later word of an n-gram is و + a word of the units (a coordinated phrase).
    static func startsWithConjunction(_ key: String, frequency: (String) -> Int) -> Bool {
        guard key.hasPrefix("\u{0648}"), key.count >= 4 else { return false }
        let rest = String(key.dropFirst())
        return frequency(rest) > 0 || rest.hasPrefix("\u{0627}\u{0644}")
    }
}

/// The stored units as word ids: one flat array, runs of words broken by -1 where punctuation,
/// digits or Latin text stand, and a vocabulary of search keys with the light form first seen.
struct WordCorpus {
    var words: [Int32] = []
    var unitStarts: [Int32] = [0]
    var documents: [Int32] = []
    var rows: [Int64] = []
    var rendered: [Bool] = []
    var key: [String] = []
    var light: [String] = []
    var frequency: [Int32] = []
    var ids: [UInt64: Int32] = [:]

    var unitCount: Int { documents.count }

    init(documents filter: [Int64], _ db: Database) throws {
        let condition = filter.isEmpty ? "" : "WHERE u.documentId IN (\(filter.map { _ in "?" }.joined(separator: ", ")))"
        let statement = try FastStatement(db, sql: """
            SELECT u.id, u.documentId, u.text, EXISTS (SELECT 1 FROM rendering r WHERE r.unitId = u.id) FROM unit u \(condition) ORDER BY u.id
            """)
        statement.reset()
        statement.bind(all: filter)
        var bytes = BytesSink()
        var word: [Unicode.Scalar] = []
        while try statement.step() {
            rows.append(statement.int64(at: 0))
            documents.append(Int32(truncatingIfNeeded: statement.int64(at: 1)))
            rendered.append(statement.int64(at: 3) != 0)
            var lastWasBreak = true
            func finishWord() {
                guard !word.isEmpty else { return }
                bytes.bytes.removeAll(keepingCapacity: true)
                for scalar in word { ArabicSearchKey.appendKey(of: scalar, start: 0, end: 0, to: &bytes) }
                var hash = KeyHash()
                for byte in bytes.bytes { hash.add(byte: byte) }
                let id: Int32
                if let known = ids[hash.value] {
                    id = known
                } else {
                    id = Int32(key.count)
                    ids[hash.value] = id
                    key.append(String(decoding: bytes.bytes, as: UTF8.self))
                    var view = String.UnicodeScalarView()
                    view.append(contentsOf: word)
                    light.append(String(view))
                    frequency.append(0)
                }
                frequency[Int(id)] += 1
                words.append(id)
                lastWasBreak = false
                word.removeAll(keepingCapacity: true)
            }
            for scalar in ArabicSearchKey.lightForm(statement.text(at: 2).unicodeScalars) {
                let value = scalar.value
                if (0x0621 ... 0x064A).contains(value) || (0x0671 ... 0x06D3).contains(value) {
                    word.append(scalar)
                } else if ScalarClass.isWhitespace(value) {
                    finishWord()
                } else {
                    finishWord()
                    if !lastWasBreak { words.append(-1) }
                    lastWasBreak = true
                }
            }
            finishWord()
            unitStarts.append(Int32(words.count))
        }
    }

    /// The id of a key, adding it (with its light form) when it is new.
    mutating func id(key newKey: String, light newLight: String) -> Int32 {
        var hash = KeyHash()
        for byte in newKey.utf8 { hash.add(byte: byte) }
        if let known = ids[hash.value] { return known }
        let id = Int32(key.count)
        ids[hash.value] = id
        key.append(newKey)
        light.append(newLight)
        frequency.append(0)
        return id
    }

    func frequency(of text: String) -> Int {
        var hash = KeyHash()
        for byte in text.utf8 { hash.add(byte: byte) }
        return ids[hash.value].map { Int(frequency[Int($0)]) } ?? 0
    }

    /// What every word of the vocabulary is as a term's first word, and as a later word.
    mutating func analyseWords() -> WordAnalysis {
        let count = key.count
        var analysis = WordAnalysis(stripped: Array(repeating: -1, count: count), isFunction: Array(repeating: false, count: count),
                                    startsWithConjunction: Array(repeating: false, count: count))
        for id in 0 ..< count {
            analysis.isFunction[id] = ArabicFunctionWords.contains(key[id])
            analysis.startsWithConjunction[id] = TermDiscovery.startsWithConjunction(key[id], frequency: frequency(of:))
            if let first = TermDiscovery.firstWord((key[id], light[id]), frequency: frequency(of:)) {
                analysis.stripped[id] = first.key == key[id] ? Int32(id) : self.id(key: first.key, light: first.light)
            }
        }
        let added = key.count - count
        analysis.isFunction += key[count...].map(ArabicFunctionWords.contains)
        analysis.startsWithConjunction += Array(repeating: false, count: added)
        analysis.stripped += (count ..< key.count).map { Int32($0) }
        return analysis
    }
}

/// Per word id: the id of its form as a first word (-1 for a function word), whether it is a
/// function word, and whether it is و + another word.
struct WordAnalysis {
    var stripped: [Int32]
    var isFunction: [Bool]
    var startsWithConjunction: [Bool]
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

    /// The 1- to 3-word expressions of a rendering that neither start nor end with a function
    /// word, lowercased, with the form first seen.
    static func grams(_ text: String) -> [String: String] {
        var found: [String: String] = [:]
        let words = split(text)
        for start in words.indices {
            for length in 1 ... 3 where start + length <= words.count {
                let slice = words[start ..< start + length]
                guard !stop.contains(slice.first!.lowercased()), !stop.contains(slice.last!.lowercased()) else { continue }
                let key = slice.map { $0.lowercased() }.joined(separator: " ")
                if found[key] == nil { found[key] = slice.joined(separator: " ") }
            }
        }
        return found
    }

    static func split(_ text: String) -> [String] {
        text.split { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "'") }
            .map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: "-'")) }
            .filter { !$0.isEmpty }
    }
}
