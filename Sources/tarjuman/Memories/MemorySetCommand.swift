import ArgumentParser
import TarjumanCore

struct MemorySetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Set a memory's penalty: points taken off its match scores, so that its entries rank below others."
    )

    @OptionGroup var store: StoreOptions

    @Argument(help: "The memory's name.")
    var name: String

    @Option(help: "Points (0 to 100) taken off every score of this memory's matches.")
    var penalty: Int

    func validate() throws {
        guard (0 ... 100).contains(penalty) else { throw ValidationError("--penalty takes 0 to 100 points") }
    }

    func run() throws {
        try MemoryStore(database: store.openStore().database).setPenalty(penalty, of: name)
        Output.print("memory '\(name)': penalty \(penalty)")
    }
}
