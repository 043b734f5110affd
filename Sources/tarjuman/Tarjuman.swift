import ArgumentParser
import TarjumanCore

@main
struct Tarjuman: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tarjuman",
        abstract: "Translation memory and bilingual glossary for Arabic into English.",
        version: "0.1.0",
        subcommands: [
            ImportCommand.self,
            DocumentsCommand.self,
            UnitsCommand.self,
            RenderCommand.self,
            ShowCommand.self,
            ExportCommand.self,
            MatchCommand.self,
            LookupCommand.self,
            AnnotateCommand.self,
            CheckCommand.self,
            TermsCommand.self,
            AlignCommand.self,
            GlossaryCommand.self,
            SegmentCommand.self,
        ]
    )
}
