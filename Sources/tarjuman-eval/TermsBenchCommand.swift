import ArgumentParser
import Foundation
import TarjumanCore

struct TermsBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-terms",
        abstract: "Time tarjuman terms over a large memory (build with -c release).",
        discussion: """
            Builds a memory as bench-memory does (or opens the one --database names), then runs the recurring-term
            discovery in a child process under /usr/bin/time, so that its peak memory is its own.
            """
    )

    @OptionGroup var data: DataOptions

    @Option(help: "Units in the memory.")
    var units = 1_000_000

    @Option(help: "Keep the memory in this database file (built when absent) instead of a temporary one.")
    var database: String?

    @Option(help: "The folder of shipped glossaries.")
    var glossaries = "Glossaries"

    func run() throws {
        let root = try data.requireData()
        let real = try ParallelCorpus.all(dataRoot: root).flatMap(\.pairs)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tarjuman-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = database ?? folder.appendingPathComponent("terms.sqlite").path
        _ = try CheckBenchCommand.memory(at: path, units: units, real: real, glossaries: glossaries)
        let report = folder.appendingPathComponent("time.txt")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/time")
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("tarjuman")
        process.arguments = ["-f", "%e %M", "-o", report.path, binary.path, "terms", "--db", path, "--limit", "10"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let listing = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let figures = (try String(contentsOf: report, encoding: .utf8)).split(separator: " ")
        let seconds = Double(figures.first ?? "0") ?? 0
        let megabytes = (Int(figures.last?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "0") ?? 0) / 1024
        print("tarjuman terms over \(units) units: \(String(format: "%.1f", seconds)) s, peak memory \(megabytes) MB; top 10:")
        print(listing, terminator: "")
    }
}
