import ArgumentParser
import Foundation
import TarjumanCore

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the memory as TMX 1.4b, TSV or CSV, or documents as XLIFF 1.2 for other CAT tools.",
        discussion: """
            tarjuman export memory.tmx [--document 3]... [--memory NAME]... [--approved-only] [--since 2026-11-01]
            tarjuman export memory.tsv | memory.csv     (source, target, status, translator, date, note, document, unit)
            tarjuman export article.xlf --document 3    (every unit; 'tarjuman import article.xlf' takes the work back)
            TMX, TSV and CSV: every document unit's current rendering (its newest) and every memory entry, each its own
            entry, alternatives included; --document and --memory select (both together: those documents and those memories).
            """
    )

    @OptionGroup var store: StoreOptions

    @Argument(help: "The file to write; its extension says the format (.tmx, .tsv, .csv, .xlf or .xliff).")
    var file: String

    @Option(name: .customLong("document"), help: "Only this document (repeatable).")
    var documents: [Int64] = []

    @Option(name: .customLong("memory"), help: "Only this memory's entries (repeatable).")
    var memories: [String] = []

    @Flag(help: "Only units whose current rendering is approved.")
    var approvedOnly = false

    @Option(help: "Only renderings made on or after this date (YYYY-MM-DD, or an ISO 8601 date and time).")
    var since: String?

    func run() throws {
        var options = ExportOptions(documents: documents, memories: memories, approvedOnly: approvedOnly)
        if let since {
            guard let date = Self.parseDate(since) else {
                throw ValidationError("--since \(since): give a date such as 2026-11-01 or 2026-11-01T09:30:00Z")
            }
            options.since = date
        }
        guard let format = ExportFormat(fileExtension: URL(fileURLWithPath: file).pathExtension) else {
            throw ValidationError("\(file): name the file .tmx, .tsv, .csv, .xlf or .xliff; the extension says the format")
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
