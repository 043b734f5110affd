import ArgumentParser
import Foundation
import TarjumanCore

struct GlossaryExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the glossary to a TSV, CSV or TBX file.",
        discussion: "tarjuman glossary export glossary.csv"
    )

    @OptionGroup var store: StoreOptions

    @Argument(help: "The file to write.")
    var file: String

    @Option(help: "tsv, csv or tbx (default: from the file's extension).")
    var format: GlossaryFormat?

    @Option(help: "Only entries of this domain.")
    var domain: String?

    func run() throws {
        let format = try self.format ?? GlossaryFormat(path: file)
        let terms = try GlossaryStore(database: store.openStore().database).terms(domain: domain)
        do {
            try Data(format.write(terms).utf8).write(to: URL(fileURLWithPath: file), options: .atomic)
        } catch {
            throw TarjumanError.unreadableFile(file, reason: "cannot be written: \(error.localizedDescription)")
        }
        Output.print("\(file): \(counted(terms.count, "entry"))")
    }
}
