import ArgumentParser
import TarjumanCore

struct AnnotateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annotate",
        abstract: "Analyse a new Arabic document sentence by sentence against the memory and the glossary.",
        discussion: """
            tarjuman annotate news.txt --format html > news.html
            Each sentence gets its best memory match (context 101%, exact 100%, or fuzzy from 50%), the glossary
            terms in it, or "new"; a summary line counts units and words per band. --store also imports the
            document and adds exact and context matches as draft renderings, for a translator to confirm.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, html
    }

    @OptionGroup var store: StoreOptions

    @OptionGroup var layout: ParagraphOptions

    @Argument(help: "A UTF-8 Arabic text file, or - for standard input.")
    var file: String

    @Option(help: "text (default), json or html.")
    var format: Format = .text

    @Flag(name: .customLong("store"), help: "Import the document and add exact and context matches as drafts.")
    var storeDocument = false

    func run() throws {
        let source = try SourceText(contentsOf: file)
        try source.requireArabic()
        let paragraphs = layout.paragraphs
        let annotation = storeDocument
            ? try store.withNewOrExistingStore { try Annotator(database: $0.database).annotate(source, layout: paragraphs, store: true) }
            : try Annotator(database: store.openStore().database).annotate(source, layout: paragraphs, store: false)
        if layout.verbose { Output.printError("\(file): \(annotation.layout.summary)") }
        switch format {
        case .html:
            Swift.print(AnnotationHTML.page(annotation), terminator: "")
        case .json:
            try Output.printJSON(AnnotationJSON(annotation))
        case .text:
            for unit in annotation.units {
                Output.print("\(unit.segment.index)\t[\(unit.band == .new ? "new" : unit.match.map { "\($0.score)% \($0.kind.rawValue)" } ?? "")]\t\(Output.oneLine(unit.segment.text))")
                if let match = unit.match {
                    Output.print("\ten: \(Output.oneLine(match.target))\t(\(match.memory.map { "memory \($0), entry \(match.unit)" } ?? "unit \(match.unit)"))")
                    Output.printDifferences(of: match, prefix: "\t")
                }
                if !unit.terms.isEmpty {
                    Output.print("\tterms: " + unit.terms.map { "\($0.surface) → \($0.term.english)" }.joined(separator: "; "))
                }
            }
            Output.print(AnnotationHTML.summaryLine(annotation.summary))
        }
        if storeDocument, let document = annotation.document {
            let message = annotation.alreadyPresent
                ? "\(annotation.name): already imported as document \(document); nothing added"
                : "\(annotation.name): stored as document \(document), \(annotation.draftsAdded) draft renderings from memory"
            if format == .text { Output.print(message) } else { Output.printError(message) }
        }
    }
}

/// An annotation as JSON.
struct AnnotationJSON: Encodable {
    struct Unit: Encodable {
        let index: Int
        let paragraph: Int
        let start: Int
        let end: Int
        let source: String
        let words: Int
        let band: String
        @Nullable var match: MemoryMatchJSON?
        let terms: [MatchJSON]
    }

    struct Summary: Encodable {
        let units: Int
        let words: Int
        let bands: [String: [String: Int]]
    }

    let document: String
    let layout: LayoutDecision
    let units: [Unit]
    let summary: Summary

    init(_ annotation: Annotation) {
        document = annotation.name
        layout = annotation.layout
        units = annotation.units.map { unit in
            Unit(index: unit.segment.index, paragraph: unit.segment.paragraph, start: unit.segment.start, end: unit.segment.end,
                 source: unit.segment.text, words: unit.words, band: unit.band.rawValue,
                 match: unit.match.map(MemoryMatchJSON.init), terms: unit.terms.map(MatchJSON.init))
        }
        var bands: [String: [String: Int]] = [:]
        for band in AnalysisBand.allCases {
            bands[band.rawValue] = ["units": annotation.summary.unitsByBand[band] ?? 0, "words": annotation.summary.wordsByBand[band] ?? 0]
        }
        summary = Summary(units: annotation.summary.units, words: annotation.summary.words, bands: bands)
    }
}
