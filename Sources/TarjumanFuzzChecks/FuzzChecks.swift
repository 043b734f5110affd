import Foundation
import TarjumanCore

/// The properties the fuzz targets (`Fuzz/`) and the regression test check on any input: each
/// check runs a reader on the bytes and returns what went wrong, empty when nothing did. A reader
/// may refuse the input (with Tarjuman's error); it may not crash, hang, or return units whose
/// offsets or texts do not hold.
public enum FuzzChecks {
    /// TSV and CSV glossaries in every quoting mode, and rendering files: entries written out
    /// and read back as RFC 4180 are the same entries. (Read back with `auto`, a cell holding
    /// tabs and line breaks whose every line would be a whole row is, rightly, ambiguous.)
    public static func delimited(_ data: Data) -> [String] {
        var problems: [String] = []
        for format in [GlossaryFormat.tsv, .csv] {
            for quoting in DelimitedQuoting.allCases {
                guard let read = try? format.read(data, origin: "fuzz", sourceName: "fuzz", quoting: quoting) else { continue }
                let written = format.write(read.terms)
                do {
                    let again = try format.read(Data(written.utf8), origin: "again", sourceName: "fuzz", quoting: .rfc4180).terms
                    if again.map(Self.fields) != read.terms.map(Self.fields) {
                        problems.append("\(format) \(quoting): entries written and read back differ")
                    }
                } catch {
                    problems.append("\(format) \(quoting): written entries do not read back: \(error)")
                }
            }
        }
        if let text = String(data: data, encoding: .utf8) {
            _ = try? RenderingTSV.parse(SourceText(origin: "fuzz", text: text))
        }
        return problems
    }

    private static func fields(_ term: Term) -> [String] {
        [term.arabic, term.english, term.alternatives.joined(separator: "|"), term.forbidden.joined(separator: "|"), term.note, term.domain]
    }

    /// TBX, XLIFF and TMX readers (TMX through a temporary file): every unit read has both sides.
    public static func xml(_ data: Data) -> [String] {
        var problems: [String] = []
        _ = try? TBXGlossary.read(data, origin: "fuzz.tbx", sourceName: "fuzz")
        _ = try? XLIFFReader.read(data, origin: "fuzz.xlf")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tarjuman-fuzz-\(getpid()).tmx").path
        if FileManager.default.createFile(atPath: path, contents: data) {
            var entries = 0
            _ = try? TMXReader().parse(path: path) { entry in
                entries += 1
                if entry.source.isEmpty || entry.target.isEmpty { problems.append("TMX: an entry with an empty side") }
            }
            if entries > 0 { problems += tmxRoundTrip(path) }
            try? FileManager.default.removeItem(atPath: path)
        }
        return problems
    }

    /// A TMX file imported, exported and imported again gives the same pairs (but for
    /// characters XML 1.0 cannot carry, which the writer leaves out).
    static func tmxRoundTrip(_ path: String) -> [String] {
        guard let first = try? TarjumanDatabase.inMemory(),
              (try? MemoryImporter(database: first).importFile(path)) != nil else { return [] }
        let written = path + ".out.tmx"
        defer { try? FileManager.default.removeItem(atPath: written) }
        do {
            _ = try ExportFormat.tmx.export(first, to: written)
            let second = try TarjumanDatabase.inMemory()
            _ = try MemoryImporter(database: second).importFile(written)
            let before = try pairs(first).map { ($0.0.filter(Self.xmlCarries), $0.1.filter(Self.xmlCarries)) }
            let after = try pairs(second)
            if Set(before.map { "\($0.0)\u{1}\($0.1)" }) != Set(after.map { "\($0.0)\u{1}\($0.1)" }) {
                return ["TMX: the pairs exported and imported again differ (\(before.count) before, \(after.count) after)"]
            }
        } catch {
            return ["TMX: an imported memory does not export and import again: \(error)"]
        }
        return []
    }

    /// Every memory entry's source and target.
    static func pairs(_ database: TarjumanDatabase) throws -> [(String, String)] {
        let store = TranslationStore(database: database)
        return try MemoryStore(database: database).memories().flatMap { memory in
            try store.entries(ofMemory: memory.name).map { ($0.source, $0.rendering ?? "") }
        }
    }

    /// Whether XML 1.0 can carry the character.
    static func xmlCarries(_ character: Character) -> Bool {
        character.unicodeScalars.allSatisfy { scalar in
            let value = scalar.value
            return value == 0x9 || value == 0xA || value == 0xD || (0x20 ... 0xD7FF).contains(value) || (0xE000 ... 0xFFFD).contains(value) || value >= 0x10000
        }
    }

    nonisolated(unsafe) static let segmenter = try! SentenceSegmenter()
    nonisolated(unsafe) static let english = try! EnglishSentenceSegmenter()
    nonisolated(unsafe) static let matcher = try! GlossaryMatcher(terms: [
        Term(arabic: "المقاومة", english: "resistance"), Term(arabic: "حركة الجهاد الإسلامي", english: "Islamic Jihad movement"),
        Term(arabic: "كتائب القسام", english: "al-Qassam Brigades"), Term(arabic: "غزة", english: "Gaza"),
    ])

    /// The text decoder (byte order marks, UTF-16, invalid UTF-8), both segmenters in every
    /// layout, the search key and its map back to the display text, and the glossary matcher:
    /// every offset lies in the text and cuts out exactly the unit's text; the key is idempotent.
    public static func text(_ data: Data) -> [String] {
        guard let source = try? SourceText(data: data, origin: "fuzz") else { return [] }
        var problems: [String] = []
        let scalars = Array(source.text.unicodeScalars)
        func piece(_ range: Range<Int>) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[range])
            return String(view)
        }
        for layout in ParagraphLayout.allCases {
            for segment in segmenter.segment(source.text, layout: layout) + english.segment(source.text, layout: layout) {
                guard 0 <= segment.start, segment.start < segment.end, segment.end <= scalars.count else {
                    problems.append("\(layout): unit offsets \(segment.start)..<\(segment.end) outside a text of \(scalars.count)")
                    continue
                }
                if piece(segment.start ..< segment.end) != segment.text { problems.append("\(layout): a unit's text is not the text at its offsets") }
            }
        }
        let key = ArabicSearchKey(source.text)
        if ArabicSearchKey.key(key.text) != key.text { problems.append("the search key is not idempotent") }
        for index in key.scalars.indices {
            let range = key.displayRange(of: index ..< index + 1)
            if range.lowerBound < 0 || range.upperBound > scalars.count || range.lowerBound > range.upperBound {
                problems.append("key position \(index) maps outside the text")
                break
            }
        }
        for match in matcher.matches(in: source.text, includeNested: true) {
            guard match.start >= 0, match.start < match.end, match.end <= scalars.count else {
                problems.append("a glossary match outside the text")
                continue
            }
            if piece(match.start ..< match.end) != match.surface { problems.append("a glossary match's surface is not the text at its offsets") }
        }
        return problems
    }

    /// The DOCX part processor (the input as `word/document.xml`), the DOCX package reader and
    /// the HTML reader and writer: codes inside their paragraphs; a part written again, as it was
    /// or rebuilt from its own codes, reads back with the same paragraphs.
    public static func document(_ data: Data) -> [String] {
        DocumentInvariants.problems(data)
    }
}
