import ArgumentParser
import TarjumanCore

struct MemoryRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove a memory and all its entries; documents and their renderings are not touched."
    )

    @OptionGroup var store: StoreOptions

    @Argument(help: "The memory's name.")
    var name: String

    @Flag(help: "Do not ask for confirmation.")
    var yes = false

    func run() throws {
        let memories = MemoryStore(database: try store.openStore().database)
        guard let memory = try memories.memories().first(where: { $0.name == name }) else { throw TarjumanError.unknownMemory(name) }
        try Confirmation.require(yes, "remove memory '\(name)' with its \(counted(memory.entries, "entry"))?")
        let removed = try memories.removeMemory(named: name)
        Output.print("memory '\(name)' removed (\(counted(removed, "entry")))")
    }
}
