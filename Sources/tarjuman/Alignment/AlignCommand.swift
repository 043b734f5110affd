import ArgumentParser
import Foundation
import TarjumanCore

struct AlignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "align",
        abstract: "Align the sentences of an Arabic text with those of its English translation.",
        discussion: """
            tarjuman align article.ar.txt article.en.txt [--tsv | --json] [--store [--translator NAME]]
            Text output: one pair a line, confidence first, '?' marking pairs to review (confidence under 0.5).
            --store imports the Arabic as a document and the English as renderings with status 'aligned' (never approved).
            """
    )

    @OptionGroup var store: StoreOptions

    @OptionGroup var layout: ParagraphOptions

    @Argument(help: "The Arabic text (UTF-8).")
    var arabic: String

    @Argument(help: "The English translation (UTF-8).")
    var english: String

    @Flag(help: "Print one pair a line: Arabic, tab, English, tab, confidence.")
    var tsv = false

    @Flag(help: "Print one JSON object: each side's paragraph layout, and the pairs.")
    var json = false

    @Flag(name: .customLong("store"), help: "Store the Arabic as a document and the English as aligned renderings.")
    var storeResult = false

    @Option(help: "Who translated the English (with --store; default: $TARJUMAN_TRANSLATOR).")
    var translator: String?

    func validate() throws {
        if tsv && json { throw ValidationError("give --tsv or --json, not both") }
    }

    func run() throws {
        let arabicText = try SourceText(contentsOf: arabic)
        try arabicText.requireArabic()
        let englishText = try SourceText(contentsOf: english)
        let (arabicSegments, arabicLayout) = try SentenceSegmenter().segmentation(arabicText.text, layout: layout.paragraphs)
        let (englishSegments, englishLayout) = try EnglishSentenceSegmenter().segmentation(englishText.text, layout: layout.paragraphs)
        if layout.verbose {
            Output.printError("\(arabic): \(arabicLayout.summary)")
            Output.printError("\(english): \(englishLayout.summary)")
        }
        let database = try? store.openStore().database
        let terms = try database.map { try GlossaryStore(database: $0).terms() } ?? []
        let pairs = try SentenceAligner(terms: terms).align(arabic: arabicSegments, english: englishSegments)
        if storeResult {
            let name = translator ?? ProcessInfo.processInfo.environment["TARJUMAN_TRANSLATOR"]
            let stored = try store.withNewOrExistingStore { store in
                try store.storeAlignment(source: arabicText, segments: arabicSegments, pairs: pairs,
                                         englishName: URL(fileURLWithPath: english).lastPathComponent, translator: name)
            }
            let what = stored.document.alreadyPresent ? "already stored as document" : "stored as document"
            Output.printError("\(stored.document.name): \(what) \(stored.document.document); \(stored.renderings) aligned renderings added")
        }
        if json {
            try Output.printJSON(AlignmentJSON(layout: .init(arabic: arabicLayout, english: englishLayout), pairs: pairs))
        } else if tsv {
            for pair in pairs {
                Output.print("\(Output.oneLine(pair.arabic))\t\(Output.oneLine(pair.english))\t\(String(format: "%.3f", pair.confidence))")
            }
        } else {
            for pair in pairs {
                let kind = "\(pair.arabicSentences.count)-\(pair.englishSentences.count)"
                Output.print("\(String(format: "%.2f", pair.confidence))\(pair.needsReview ? " ?" : "  ")\t\(kind)\t\(Output.oneLine(pair.arabic))\t\(Output.oneLine(pair.english))")
            }
            let review = pairs.filter(\.needsReview).count
            Output.print("\(arabicSegments.count) Arabic and \(englishSegments.count) English sentences: \(counted(pairs.count, "pair")), \(review) to review")
        }
    }
}

/// The JSON output of `align`: how each side's lines were read, and the pairs.
struct AlignmentJSON: Encodable {
    struct Layouts: Encodable {
        let arabic: LayoutDecision
        let english: LayoutDecision
    }

    let layout: Layouts
    let pairs: [AlignedPair]
}
