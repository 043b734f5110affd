import Foundation

/// The benchmarks' way of running a program: wall time and the program's own peak memory.
enum ChildProcess {
    /// A program beside this one (`tarjuman` next to `tarjuman-eval`).
    static func binary(_ name: String) -> URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(name)
    }

    /// Runs a program to the end under /usr/bin/time: wall time, its peak resident memory and
    /// standard output.
    static func run(_ executable: URL, _ arguments: [String]) throws -> (seconds: Double, peakMegabytes: Int, output: String) {
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("tarjuman-time-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: report) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/time")
        process.arguments = ["-f", "%M", "-o", report.path, executable.path] + arguments
        let out = Pipe()
        process.standardOutput = out
        let start = DispatchTime.now().uptimeNanoseconds
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let kilobytes = Int((try? String(contentsOf: report, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? 0
        return (elapsed, kilobytes / 1024, String(decoding: output, as: UTF8.self))
    }
}
