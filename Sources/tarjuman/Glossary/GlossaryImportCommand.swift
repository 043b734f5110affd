import ArgumentParser
import Foundation
import TarjumanCore

struct GlossaryImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a glossary from TSV, CSV or TBX; all entries, or none.",
        discussion: "tarjuman glossary import Glossaries/news-politics.ar-en.tsv"
    )

    @OptionGroup var store: StoreOptions

    @OptionGroup var input: QuotingOptions

    @Argument(help: "The glossary file.")
    var file: String

    @Option(help: "tsv, csv or tbx (default: from the file's extension).")
    var format: GlossaryFormat?

    func run() throws {
        let format = try self.format ?? GlossaryFormat(path: file)
        let name = URL(fileURLWithPath: file).lastPathComponent
        let (terms, warnings, reading) = try format.read(SourceText.data(contentsOf: file), origin: file, sourceName: name, quoting: input.quoting)
        let report = try store.withNewOrExistingStore { try GlossaryStore(database: $0.database).importTerms(terms) }
        for warning in warnings { Output.printError("warning: \(warning)") }
        Output.print("\(name): \(report.added) added, \(report.updated) updated, \(report.skipped) unchanged" + (reading.map { " (\($0))" } ?? ""))
    }
}

extension GlossaryFormat: ExpressibleByArgument {}
