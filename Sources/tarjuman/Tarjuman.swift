import ArgumentParser
import TarjumanCore

@main
struct Tarjuman: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tarjuman",
        abstract: "Translation memory and bilingual glossary for Arabic into English.",
        version: TarjumanVersion.current,
        subcommands: [
            ImportCommand.self,
            DocumentsCommand.self,
            DocumentCommand.self,
            MemoriesCommand.self,
            MemoryCommand.self,
            PretranslateCommand.self,
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
            TrainCommand.self,
            GlossaryCommand.self,
            SegmentCommand.self,
            ServeCommand.self,
            UserCommand.self,
        ]
    )
}
