import Foundation
import GRDB

/// Where a unit falls in a CAT tool's analysis of a new document.
public enum AnalysisBand: String, Codable, Sendable, CaseIterable {
    case context
    case exact
    case fuzzy95 = "95-99"
    case fuzzy85 = "85-94"
    case fuzzy75 = "75-84"
    case fuzzy50 = "50-74"
    case new

    /// The band of a best match (nil when there is none).
    public init(_ match: MemoryMatch?) {
        guard let match else {
            self = .new
            return
        }
        switch match.score {
        case 101...: self = .context
        case 100: self = .exact
        case 95 ..< 100: self = .fuzzy95
        case 85 ..< 95: self = .fuzzy85
        case 75 ..< 85: self = .fuzzy75
        case 50 ..< 75: self = .fuzzy50
        default: self = .new
        }
    }
}

/// One sentence of a new document with what the memory and the glossary know about it.
public struct AnnotatedUnit: Sendable, Equatable {
    public let segment: Segment
    /// Word and number tokens, for the analysis.
    public let words: Int
    /// The best memory match, if any scores 50 or more.
    public let match: MemoryMatch?
    public let band: AnalysisBand
    /// Glossary terms found in the sentence.
    public let terms: [GlossaryMatch]
}

/// Units and words per band, as a CAT tool's analysis gives them.
public struct AnalysisSummary: Sendable, Equatable, Codable {
    public var units = 0
    public var words = 0
    public var unitsByBand: [AnalysisBand: Int] = [:]
    public var wordsByBand: [AnalysisBand: Int] = [:]
}

/// A new document, sentence by sentence, with the summary; `stored` says what `--store` did.
public struct Annotation: Sendable, Equatable {
    public let name: String
    public let units: [AnnotatedUnit]
    public let summary: AnalysisSummary
    /// The document id when the document was stored.
    public let document: Int64?
    /// True when an identical document was stored before (and nothing was added).
    public let alreadyPresent: Bool
    /// Draft renderings added from exact and context matches.
    public let draftsAdded: Int
    /// How the document's lines were read as paragraphs.
    public let layout: LayoutDecision
}

/// Segments a new Arabic document and looks every sentence up in the memory and the glossary;
/// optionally stores it with exact and context matches as drafts for a human to confirm.
public struct Annotator: Sendable {
    public let database: TarjumanDatabase
    /// The lowest fuzzy score reported.
    public var minimum = 50

    public init(database: TarjumanDatabase) {
        self.database = database
    }

    public func annotate(_ source: SourceText, layout: ParagraphLayout = .auto, store: Bool = false,
                         at date: Date = Date()) throws(TarjumanError) -> Annotation {
        let (segments, decision) = try SentenceSegmenter().segmentation(source.text, layout: layout)
        let terms = try GlossaryStore(database: database).terms()
        let glossary = terms.isEmpty ? nil : try GlossaryMatcher(terms: terms)
        let matcher = MemoryMatcher(database: database)
        let minimum = self.minimum
        let name = source.origin == "-" ? "stdin" : URL(fileURLWithPath: source.origin).lastPathComponent
        let body = { (db: Database) throws -> Annotation in
            var units: [AnnotatedUnit] = []
            var summary = AnalysisSummary()
            for (index, segment) in segments.enumerated() {
                let query = MemoryQuery(segment.text)
                let context = MatchContext(previous: index > 0 ? segments[index - 1].text : nil,
                                           next: index + 1 < segments.count ? segments[index + 1].text : nil)
                let best = try matcher.matches(for: query, context: context, minimum: minimum, limit: 1, db).first
                let band = AnalysisBand(best)
                let words = query.tokens.wordCount
                units.append(AnnotatedUnit(segment: segment, words: words, match: best, band: band,
                                           terms: glossary?.matches(in: segment.text) ?? []))
                summary.units += 1
                summary.words += words
                summary.unitsByBand[band, default: 0] += 1
                summary.wordsByBand[band, default: 0] += words
            }
            guard store else {
                return Annotation(name: name, units: units, summary: summary, document: nil, alreadyPresent: false, draftsAdded: 0, layout: decision)
            }
            let writer = try UnitWriter(db)
            let outcome = try TranslationStore.storeDocument(source, segments: segments, at: date, writer: writer, db)
            try writer.finish()
            var drafts = 0
            if !outcome.alreadyPresent {
                var filler = Pretranslator(database: database, minimum: 100)
                filler.scope = .everything
                drafts = try filler.fill([outcome.document], at: date, db).filledCount
            }
            return Annotation(name: name, units: units, summary: summary, document: outcome.document,
                              alreadyPresent: outcome.alreadyPresent, draftsAdded: drafts, layout: decision)
        }
        return store ? try database.write(body) : try database.read(body)
    }
}
