import ArgumentParser
import Foundation
import TarjumanCore

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Store Arabic documents (text, DOCX, HTML) as sentence units, load translation memories (TMX, TSV, CSV), or take back an XLIFF file translated elsewhere.",
        discussion: """
            A folder imports every .txt, .docx, .html, .htm, .tmx, .tsv, .csv, .xlf and .xliff file in it. All files are stored,
            or none; one kind per command (documents, memory files, or XLIFF).
            DOCX and HTML: the paragraphs of the body (and of a DOCX's headers, footers, footnotes, endnotes, comments and
            text boxes; an HTML page's title, alt and title attributes and meta descriptions) become units; bold, italic,
            links, footnote references and tabs inside a sentence are codes a rendering places as tags (<b1>...</b1>, <f2/>).
            The file is kept, so that 'tarjuman export FILE.docx --document ID' writes the English document.
            Memory files (TMX by extension or content; TSV/CSV with or without a header row: source, target, status,
            translator, date, note, document) go into a memory (--memory NAME, default: the file's name; an existing memory
            is added to). Every entry is kept: the same source and English as an entry already there is merged into it (the
            newer metadata wins); another English for a source, or another spelling of it, is an entry of its own. A memory
            import never changes a document's renderings: 'tarjuman pretranslate' fills documents from memories.
            XLIFF 1.2 (from 'tarjuman export FILE.xlf'): the targets become renderings of the units their ids name;
            a file whose sources no longer match the stored units is refused.
            """
    )

    @OptionGroup var store: StoreOptions

    @OptionGroup var layout: ParagraphOptions

    @OptionGroup var input: QuotingOptions

    @Argument(help: "Files or folders of them; - reads Arabic text from standard input.")
    var files: [String]

    @Option(help: "sentence (default) or clause.")
    var granularity: SegmentGranularity = .sentence

    @Option(help: "The memory that memory files go into (default: each file's name).")
    var memory: String?

    @Option(help: "Who translated an XLIFF file's targets (default: $TARJUMAN_TRANSLATOR).")
    var translator: String?

    @Flag(help: "Do not retrain the word aligner after a memory or XLIFF import ('tarjuman train' does it later).")
    var noTrain = false

    /// The kinds of file one import takes.
    enum Kind: String {
        case text = "document", memory = "memory file", xliff = "XLIFF"

        init(path: String) {
            if path == "-" || DocumentFormat(path: path) != nil {
                self = .text
            } else if XLIFFReader.isXLIFF(path: path) {
                self = .xliff
            } else if MemoryFileFormat.recognises(path: path) {
                self = .memory
            } else {
                self = .text
            }
        }
    }

    func run() throws {
        let paths = try Self.expand(files)
        let kinds = Set(paths.map(Kind.init(path:)))
        guard kinds.count == 1, let kind = kinds.first else {
            throw ValidationError("give one kind of file per command: documents (text, DOCX, HTML), memory files (TMX, TSV, CSV) or XLIFF, not "
                + kinds.map(\.rawValue).sorted().joined(separator: " and "))
        }
        if memory != nil && kind != .memory { throw ValidationError("--memory names the memory that TMX, TSV or CSV files go into") }
        switch kind {
        case .memory: try importMemory(paths)
        case .xliff: try importXLIFF(paths)
        case .text: try importText(paths)
        }
    }

    func importText(_ paths: [String]) throws {
        let segmenter = try SentenceSegmenter(granularity: granularity)
        var documents: [DocumentToStore] = []
        for path in paths {
            if let format = DocumentFormat(path: path) {
                let document = try FormattedDocument(contentsOf: path, format: format)
                try SourceText(origin: path, text: document.text).requireArabic()
                if let note = document.note { Output.printError("\(path): read as \(note)") }
                documents.append(.formatted(PreparedFormattedDocument(document, units: document.units(segmenter: segmenter))))
            } else {
                let source = try SourceText(contentsOf: path)
                try source.requireArabic()
                let (segments, decision) = segmenter.segmentation(source.text, layout: layout.paragraphs)
                if layout.verbose { Output.printError("\(path): \(decision.summary)") }
                documents.append(.text(source, segments))
            }
        }
        let outcomes = try store.withNewOrExistingStore { try $0.importDocuments(documents) }
        for (outcome, document) in zip(outcomes, documents) {
            if outcome.alreadyPresent {
                Output.print("\(outcome.name): already imported as document \(outcome.document) (\(counted(outcome.unitCount, "unit"))); nothing added")
            } else if case .formatted(let prepared) = document {
                let codes = prepared.units.reduce(0) { $0 + $1.codes.count }
                Output.print("\(outcome.name): document \(outcome.document), \(counted(outcome.unitCount, "unit")), "
                    + "\(counted(prepared.document.paragraphCount, "paragraph")), \(counted(codes, "inline code"))")
            } else {
                Output.print("\(outcome.name): document \(outcome.document), \(counted(outcome.unitCount, "unit"))")
            }
        }
    }

    func importMemory(_ paths: [String]) throws {
        let outcomes = try store.withNewOrExistingStore { store in
            var importer = MemoryImporter(database: store.database, memory: memory)
            importer.quoting = input.quoting
            return try importer.importFiles(paths)
        }
        for outcome in outcomes {
            var line = "\(outcome.file): \(counted(outcome.read, "entry")) read into memory '\(outcome.memory)', \(outcome.added) added, \(outcome.merged) already there (merged)"
            let skipped = MemorySkipReason.allCases.compactMap { reason in outcome.skipped[reason].map { "\($0) \(reason.rawValue)" } }
            line += ", \(outcome.skipped.values.reduce(0, +)) skipped" + (skipped.isEmpty ? "" : " (" + skipped.joined(separator: ", ") + ")")
            if outcome.droppedCodes > 0 { line += "; \(outcome.droppedCodes) inline codes left out" }
            if let reading = outcome.reading { line += " (\(reading))" }
            Output.print(line)
        }
        try refreshAligner()
    }

    /// Retrains the word aligner when the import changed enough renderings.
    func refreshAligner() throws {
        guard !noTrain else { return }
        let refresh = try WordAlignmentStore(database: store.openStore().database).refresh()
        if let line = TrainCommand.describe(refresh) { Output.print(line) }
    }

    func importXLIFF(_ paths: [String]) throws {
        let name = translator ?? ProcessInfo.processInfo.environment["TARJUMAN_TRANSLATOR"]
        let outcomes = try XLIFFImporter(database: store.openStore().database).importFiles(paths, translator: name)
        for outcome in outcomes {
            var line = "\(outcome.file): \(counted(outcome.read, "unit")) read, \(outcome.changed) changed, \(outcome.unchanged) unchanged, "
                + "\(outcome.untranslated) without a target, \(outcome.unknown.count) unknown"
            if !outcome.unknown.isEmpty {
                line += " (" + outcome.unknown.prefix(5).joined(separator: ", ") + (outcome.unknown.count > 5 ? ", ..." : "") + ")"
            }
            if outcome.droppedCodes > 0 { line += "; \(outcome.droppedCodes) inline codes left out" }
            Output.print(line)
        }
        try refreshAligner()
    }

    static let extensions: Set<String> = ["txt", "docx", "html", "htm", "tmx", "tsv", "tab", "csv", "xlf", "xliff"]

    /// Files as given, folders replaced by the files in them that import reads, in name order.
    static func expand(_ paths: [String]) throws -> [String] {
        var result: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            if path != "-", FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                let names = try FileManager.default.contentsOfDirectory(atPath: path)
                    .filter { !$0.hasPrefix(".") && Self.extensions.contains(URL(fileURLWithPath: $0).pathExtension.lowercased()) }
                    .sorted()
                guard !names.isEmpty else { throw ValidationError("\(path): no .txt, .docx, .html, .tmx, .tsv, .csv, .xlf or .xliff files in this folder") }
                result += names.map { URL(fileURLWithPath: path).appendingPathComponent($0).path }
            } else {
                result.append(path)
            }
        }
        return result
    }
}
