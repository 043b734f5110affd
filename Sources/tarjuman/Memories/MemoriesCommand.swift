import ArgumentParser
import TarjumanCore

struct MemoriesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "memories",
        abstract: "List the memories with their entry counts and the files imported into them."
    )

    @OptionGroup var store: StoreOptions

    @Flag(help: "Print one JSON array of {name, entries, penalty, createdAt, sources: [{file, importedAt, read, added, merged}]}.")
    var json = false

    func run() throws {
        let memories = try MemoryStore(database: store.openStore().database).memories()
        if json {
            try Output.printJSON(memories)
            return
        }
        if memories.isEmpty { Output.print("no memories; 'tarjuman import FILE.tmx' makes one") }
        for memory in memories {
            let penalty = memory.penalty > 0 ? ", penalty \(memory.penalty)" : ""
            let files = memory.sources.map(\.file)
            let sources = Array(Set(files)).sorted().joined(separator: ", ")
            Output.print("\(memory.name)\t\(counted(memory.entries, "entry"))\(penalty)\tfrom \(sources.isEmpty ? "-" : sources)")
        }
    }
}
