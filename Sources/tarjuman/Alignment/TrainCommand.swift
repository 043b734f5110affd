import ArgumentParser
import Foundation
import TarjumanCore

struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train the word aligner on every unit and memory entry with English, for lookup's and terms' renderings.",
        discussion: """
            The aligner (IBM Model 2 with a diagonal prior, both directions, symmetrized) learns from the database's own
            pairs which English words render which Arabic words, clitics split off. It is stored in the database, so a
            lookup never retrains. Imports of memories and XLIFF retrain it when the renderings changed by 5% or more;
            run this after rendering many units by hand, or when lookup says the model is behind.
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(help: "EM iterations in each direction.")
    var iterations = WordAlignerSettings().iterations

    @Flag(help: "Only say whether the stored model is up to date.")
    var status = false

    func validate() throws {
        guard (1 ... 50).contains(iterations) else { throw ValidationError("--iterations takes 1 to 50") }
    }

    func run() throws {
        let model = WordAlignmentStore(database: try store.openStore().database)
        if status {
            guard let current = try model.status() else {
                Output.print("no word-alignment model yet: run 'tarjuman train'")
                return
            }
            Output.print(Self.describe(current))
            return
        }
        var settings = WordAlignerSettings()
        settings.iterations = iterations
        Output.print(Self.describe(try model.train(settings: settings)))
    }

    static func describe(_ status: WordAlignmentStatus) -> String {
        let trained = String(format: "word alignment trained on %d pair%@ in %.1f s", status.pairs, status.pairs == 1 ? "" : "s", status.seconds)
        return status.isCurrent ? trained + "; up to date"
            : trained + "; \(status.changedRenderings) rendering\(status.changedRenderings == 1 ? "" : "s") changed since: run 'tarjuman train'"
    }

    /// The line an import prints after refreshing the model.
    static func describe(_ refresh: WordAlignmentStore.Refresh) -> String? {
        switch refresh {
        case .trained(let status): String(format: "word alignment retrained on %d pairs in %.1f s", status.pairs, status.seconds)
        case .behind(let status):
            "word alignment: \(counted(status.changedRenderings, "rendering")) newer than the model (under \(Int(WordAlignmentStore.retrainingShare * 100))%): 'tarjuman train' to include them"
        case .current: nil
        }
    }
}
