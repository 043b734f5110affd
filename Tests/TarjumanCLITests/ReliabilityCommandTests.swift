import Foundation
import Testing

@Suite("tarjuman under interruption and contention", .serialized)
struct ReliabilityCommandTests {
    /// A TSV memory of `count` distinct rows.
    func memory(_ count: Int, tag: String) -> String {
        let words = ["الوفد", "المدينة", "الاجتماع", "البلدية", "الحكومة", "المياه", "التعليم", "الصحة"]
        var text = "source\ttarget\n"
        for index in 0 ..< count {
            text += "قال \(words[index % 8]) \(words[(index / 8) % 8]) في البيان رقم \(index) \(tag).\tThe statement number \(index) \(tag) was read.\n"
        }
        return text
    }

    func start(_ arguments: [String], in directory: URL) throws -> Process {
        let process = Process()
        process.executableURL = try tarjumanBinary()
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test("kill -9 in the middle of a large import leaves the database as it was")
    func killedImport() throws {
        let directory = try freshDirectory()
        #expect(try run(["import", sample], in: directory).status == 0)
        let before = try run(["units"], in: directory).stdout
        try memory(300_000, tag: "a").write(to: directory.appendingPathComponent("big.tsv"), atomically: true, encoding: .utf8)
        let process = try start(["import", "big.tsv"], in: directory)
        let wal = directory.appendingPathComponent("tarjuman.sqlite-wal").path
        let deadline = Date().addingTimeInterval(60)
        // Wait until the import is writing pages (or has stopped, which would be a failure below).
        while process.isRunning, Date() < deadline {
            let size = (try? FileManager.default.attributesOfItem(atPath: wal)[.size] as? Int) ?? 0
            if size > 4_000_000 { break }
            usleep(20_000)
        }
        #expect(process.isRunning, "the import ended before it could be interrupted")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(try run(["units"], in: directory).stdout == before)
        let documents = try run(["documents"], in: directory)
        #expect(documents.status == 0)
        #expect(lines(documents.stdout).count == 1)
    }

    @Test("Two imports into one database at once both succeed, and both are stored")
    func concurrentImports() throws {
        let directory = try freshDirectory()
        #expect(try run(["import", sample], in: directory).status == 0)
        try memory(20_000, tag: "a").write(to: directory.appendingPathComponent("a.tsv"), atomically: true, encoding: .utf8)
        try memory(20_000, tag: "b").write(to: directory.appendingPathComponent("b.tsv"), atomically: true, encoding: .utf8)
        let first = try start(["import", "a.tsv"], in: directory)
        let second = try start(["import", "b.tsv"], in: directory)
        first.waitUntilExit()
        second.waitUntilExit()
        #expect(first.terminationStatus == 0)
        #expect(second.terminationStatus == 0)
        #expect(try run(["units", "--memory", "a.tsv"], in: directory).stdout.contains("البيان رقم 19999 a."))
        #expect(try run(["units", "--memory", "b.tsv"], in: directory).stdout.contains("البيان رقم 19999 b."))
        #expect(lines(try run(["documents"], in: directory).stdout).count == 1)
        let memories = try run(["memories"], in: directory).stdout
        #expect(memories.contains("a.tsv\t20000 entries"))
        #expect(memories.contains("b.tsv\t20000 entries"))
    }
}
