import ArgumentParser
import Foundation
import TarjumanCore
import TarjumanEvaluation

struct TermsBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-terms",
        abstract: "Time tarjuman terms over a large memory (build with -c release).",
        discussion: """
            Builds a memory as bench-memory does (or opens the one --database names), then runs the recurring-term
            discovery in a child process under /usr/bin/time, so that its peak memory is its own.
            """
    )

    @OptionGroup var memory: BenchmarkMemoryOptions

    func run() throws {
        let folder = try benchmarkFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try memory.open(in: folder).path
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
        print("tarjuman terms over \(memory.units) units: \(String(format: "%.1f", seconds)) s, peak memory \(megabytes) MB; top 10:")
        print(listing, terminator: "")
    }
}
