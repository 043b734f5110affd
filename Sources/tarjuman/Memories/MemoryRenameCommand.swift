import ArgumentParser
import TarjumanCore

struct MemoryRenameCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rename",
        abstract: "Rename a memory."
    )

    @OptionGroup var store: StoreOptions

    @Argument(help: "The memory's name.")
    var name: String

    @Argument(help: "Its new name.")
    var newName: String

    func run() throws {
        try MemoryStore(database: store.openStore().database).renameMemory(name, to: newName)
        Output.print("memory '\(name)' is now '\(newName)'")
    }
}
