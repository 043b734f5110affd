import ArgumentParser
import Foundation
import TarjumanCore

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the memory as TMX 1.4b, TSV or CSV, documents as XLIFF 1.2 for other CAT tools, or a document in English (DOCX, HTML, text).",
        discussion: """
            tarjuman export memory.tmx [--document 3]... [--memory NAME]... [--approved-only] [--since 2026-11-01]
            tarjuman export memory.tsv | memory.csv     (source, target, status, translator, date, note, document, unit)
            tarjuman export article.xlf --document 3    (every unit; 'tarjuman import article.xlf' takes the work back)
            tarjuman export article.docx --document 3 [--untranslated source|skip]    (also .html, .txt)
            The English document: every paragraph of the original in order, each unit replaced by its current rendering, the
            codes where its tags put them, styles, tables, images and all else as they were; a DOCX or HTML document is written
            in its own format or as .txt, a text document as .txt. Units without a rendering keep their Arabic (--untranslated
            source, the default) or are left out (skip).
            TMX, TSV and CSV: every document unit's current rendering (its newest) and every memory entry, each its own
            entry, alternatives included; --document and --memory select (both together: those documents and those memories).
            """
    )

    @OptionGroup var store: StoreOptions

    @Argument(help: "The file to write; its extension says the format (.tmx, .tsv, .csv, .xlf, .xliff; .docx, .html, .txt for a document in English).")
    var file: String

    @Option(name: .customLong("document"), help: "Only this document (repeatable).")
    var documents: [Int64] = []

    @Option(name: .customLong("memory"), help: "Only this memory's entries (repeatable).")
    var memories: [String] = []

    @Flag(help: "Only units whose current rendering is approved.")
    var approvedOnly = false

    @Option(help: "Only renderings made on or after this date (YYYY-MM-DD, or an ISO 8601 date and time).")
    var since: String?

    @Option(help: "In an English document, units without a rendering: source (keep the Arabic, the default) or skip.")
    var untranslated: UntranslatedUnits?

    func run() throws {
        if let format = EnglishDocument.Format(path: file) {
            guard documents.count == 1, memories.isEmpty, !approvedOnly, since == nil else {
                throw ValidationError("an English document (.\(URL(fileURLWithPath: file).pathExtension)) is written from one document: give --document ID, and no --memory, --approved-only or --since")
            }
            let outcome = try EnglishDocument.write(store.openStore(), document: documents[0], to: file, format: format,
                                                    untranslated: untranslated ?? .source)
            var line = "\(file): \(counted(outcome.paragraphs, "paragraph")), \(counted(outcome.translated, "unit")) in English"
            if outcome.untranslated > 0 {
                line += ", \(outcome.untranslated) without a rendering " + ((untranslated ?? .source) == .source ? "kept in Arabic" : "left out")
            }
            Output.print(line)
            return
        }
        if untranslated != nil { throw ValidationError("--untranslated is for an English document (.docx, .html, .txt)") }
        var options = ExportOptions(documents: documents, memories: memories, approvedOnly: approvedOnly)
        if let since {
            guard let date = Self.parseDate(since) else {
                throw ValidationError("--since \(since): give a date such as 2026-11-01 or 2026-11-01T09:30:00Z")
            }
            options.since = date
        }
        guard let format = ExportFormat(fileExtension: URL(fileURLWithPath: file).pathExtension) else {
            throw ValidationError("\(file): name the file .tmx, .tsv, .csv, .xlf or .xliff (or .docx, .html, .txt for a document in English); the extension says the format")
        }
        let outcome = try format.export(try store.openStore().database, to: file, options: options)
        for (unit, count) in outcome.droppedCharacters {
            Output.printError("warning: unit \(unit): \(count) character\(count == 1 ? "" : "s") that XML 1.0 forbids (control characters) left out")
        }
        Output.print("\(file): \(counted(outcome.units, "unit"))")
    }

    /// A day (taken as midnight UTC) or an ISO 8601 date and time.
    static func parseDate(_ text: String) -> Date? {
        let full = ISO8601DateFormatter()
        if let date = full.date(from: text) { return date }
        let day = ISO8601DateFormatter()
        day.formatOptions = [.withFullDate]
        return day.date(from: text)
    }
}

extension UntranslatedUnits: ExpressibleByArgument {}
