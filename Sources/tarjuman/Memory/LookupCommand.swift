import Foundation
import ArgumentParser
import TarjumanCore

struct LookupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lookup",
        abstract: "Concordance: every unit containing an Arabic term, in context, and how it was rendered.",
        discussion: """
            tarjuman lookup 'الجهاد الإسلامي'
            Finds the term however clitics and spelling dress it (والجهاد, للجهاد, الاسلامي), shows each unit
            with the occurrence in [brackets] and its English with the words that render it in [brackets], then the
            renderings with counts. Renderings come from the word aligner ('tarjuman train'; imports retrain it); with
            no model yet they are guessed from the phrases the units' English shares, and a note says so.
            """
    )

    @OptionGroup var store: StoreOptions

    @Argument(help: "The Arabic term: a word or a phrase.")
    var term: String

    @Option(help: "Show at most this many units (the counts cover all of them).")
    var limit = 50

    @Option(help: "Characters of context on each side.")
    var width = 40

    @Flag(help: "Print one JSON object {term, units: [...], renderings: [{text, count}], other, unrendered, alignment}.")
    var json = false

    func run() throws {
        let result = try ConcordanceSearch(database: try store.openStore().database).lookup(term)
        let shown = Array(result.lines.prefix(max(limit, 0)))
        if json {
            try Output.printJSON(ConcordanceJSON(result, lines: shown, width: width))
            return
        }
        guard !result.lines.isEmpty else {
            Output.print("«\(result.term)» does not occur in the memory")
            return
        }
        Output.print("«\(result.term)» in \(result.lines.count) unit\(result.lines.count == 1 ? "" : "s")")
        for line in shown {
            let context = KeywordInContext(line, width: width)
            Output.print("\(line.memory.map { "\(line.unit) in memory \($0)" } ?? line.unit.description)\t\(context.left)[\(context.hit)]\(context.right)")
            Output.print("\t→ " + (line.rendering.map { "\(Output.oneLine(Self.marking(line.spans, in: $0))) [\(line.status?.rawValue ?? "")]" } ?? "(not rendered yet)"))
        }
        if shown.count < result.lines.count { Output.print("… \(result.lines.count - shown.count) more (--limit)") }
        if let model = result.model {
            let rendered = result.lines.count { $0.rendering != nil }
            let coverage = result.alignedUnits < rendered ? ", counted over the first \(result.alignedUnits) of \(rendered) rendered units" : ""
            Output.print("rendered as (by word alignment\(coverage)):")
            if !model.isCurrent {
                Output.printError("note: \(counted(model.changedRenderings, "rendering")) \(model.changedRenderings == 1 ? "is" : "are") newer than the word-alignment model: run 'tarjuman train'")
            }
        } else {
            Output.print("rendered as (guessed from shared phrases):")
            Output.printError("note: no word-alignment model yet: run 'tarjuman train' for renderings found by alignment")
        }
        for variant in result.renderings { Output.print("  \(variant.count)\t\(variant.text)") }
        if result.otherRenderings > 0 { Output.print("  \(result.otherRenderings)\t(other wording)") }
        if result.unrendered > 0 { Output.print("  \(result.unrendered)\t(not rendered yet)") }
    }
}

extension LookupCommand {
    /// The English with each aligned span in [brackets].
    static func marking(_ spans: [RenderedSpan?], in english: String) -> String {
        var scalars = Array(english.unicodeScalars)
        for span in Set(spans.compactMap { $0?.range }).sorted(by: { $0.lowerBound > $1.lowerBound })
            where span.upperBound <= scalars.count {
            scalars.insert("]", at: span.upperBound)
            scalars.insert("[", at: span.lowerBound)
        }
        return String(String.UnicodeScalarView(scalars))
    }
}

/// An occurrence with the text on either side, cut to `width` characters.
struct KeywordInContext: Encodable {
    let left: String
    let hit: String
    let right: String

    init(_ line: ConcordanceLine, width: Int) {
        let scalars = Array(Output.oneLine(line.source).unicodeScalars)
        let range = line.hits.first ?? 0 ..< 0
        let leftStart = max(0, range.lowerBound - width)
        let rightEnd = min(scalars.count, range.upperBound + width)
        left = (leftStart > 0 ? "…" : "") + String(String.UnicodeScalarView(scalars[leftStart ..< range.lowerBound]))
        hit = String(String.UnicodeScalarView(scalars[range]))
        right = String(String.UnicodeScalarView(scalars[range.upperBound ..< rightEnd])) + (rightEnd < scalars.count ? "…" : "")
    }
}

/// A concordance as JSON.
struct ConcordanceJSON: Encodable {
    struct Line: Encodable {
        let unit: String
        let document: String
        /// The memory of an entry; null for a document unit.
        @Nullable var memory: String?
        let source: String
        let hits: [[Int]]
        let surface: String
        let context: KeywordInContext
        @Nullable var rendering: String?
        @Nullable var status: String?
        /// For each hit, the English span that renders it by word alignment (null: none found);
        /// empty when the unit was not aligned.
        let spans: [SpanJSON?]
    }

    struct SpanJSON: Encodable {
        let start: Int
        let end: Int
        let text: String
    }

    /// The word-alignment model the renderings come from; null when there is none and they
    /// are guessed from shared phrases.
    struct ModelJSON: Encodable {
        let pairs: Int
        let trainedAt: Date
        let behind: Int
        let alignedUnits: Int
    }

    let term: String
    let units: [Line]
    let total: Int
    let renderings: [RenderingVariants.Variant]
    let other: Int
    let unrendered: Int
    @Nullable var alignment: ModelJSON?

    init(_ concordance: Concordance, lines: [ConcordanceLine], width: Int) {
        term = concordance.term
        units = lines.map { line in
            Line(unit: line.unit.description, document: line.document, memory: line.memory, source: line.source,
                 hits: line.hits.map { [$0.lowerBound, $0.upperBound] }, surface: line.surface,
                 context: KeywordInContext(line, width: width), rendering: line.rendering, status: line.status?.rawValue,
                 spans: line.spans.map { $0.map { SpanJSON(start: $0.range.lowerBound, end: $0.range.upperBound, text: $0.text) } })
        }
        total = concordance.lines.count
        renderings = concordance.renderings
        other = concordance.otherRenderings
        unrendered = concordance.unrendered
        alignment = concordance.model.map {
            ModelJSON(pairs: $0.pairs, trainedAt: $0.trainedAt, behind: $0.changedRenderings, alignedUnits: concordance.alignedUnits)
        }
    }
}
