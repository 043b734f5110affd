import ArgumentParser

struct GlossaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "glossary",
        abstract: "Keep the Arabic→English glossary and find its terms in running text.",
        subcommands: [
            GlossaryAddCommand.self,
            GlossaryRemoveCommand.self,
            GlossaryListCommand.self,
            GlossaryLookupCommand.self,
            GlossaryImportCommand.self,
            GlossaryExportCommand.self,
        ]
    )
}
