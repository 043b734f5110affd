import ArgumentParser
import Foundation
import TarjumanCore
import TarjumanEvaluation

struct DocumentBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-document",
        abstract: "DOCX and HTML import and English export speed and peak memory.",
        discussion: """
            Build with -c release. Writes a DOCX and an HTML page of --paragraphs paragraphs of the shared corpora's
            Arabic (a bold phrase in every third), then, with the tarjuman binary beside this one (child processes,
            so the peak memory is their own): imports each into a new database, renders one unit, and exports the
            English document in its own format and as text.
            """
    )

    @OptionGroup var data: DataOptions

    @Option(help: "Paragraphs of each document.")
    var paragraphs = 20_000

    func run() throws {
        let root = try data.requireData()
        let sources = try ParallelCorpus.all(dataRoot: root).flatMap(\.pairs).map(\.source).filter { !$0.isEmpty }
        let folder = try benchmarkFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var docx: [String] = []
        var html = "<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"utf-8\"><title>\(escape(sources[0]))</title></head><body><article>\n"
        for index in 0 ..< paragraphs {
            let text = escape(sources[index % sources.count])
            let words = text.split(separator: " ", omittingEmptySubsequences: false)
            if index % 3 == 0, words.count > 6 {
                let head = words[..<2].joined(separator: " ") + " ", bold = words[2 ..< 4].joined(separator: " "), tail = " " + words[4...].joined(separator: " ")
                docx.append(WordFixture.paragraph([head, #"<w:r><w:rPr><w:b/><w:rtl/></w:rPr><w:t>\#(bold)</w:t></w:r>"#, tail]))
                html += "<p>\(head)<strong>\(bold)</strong>\(tail)</p>\n"
            } else {
                docx.append(WordFixture.paragraph([text]))
                html += "<p>\(text)</p>\n"
            }
        }
        html += "</article></body></html>\n"
        let docxPath = folder.appendingPathComponent("bench.docx").path
        try WordFixture.write(WordFixture.parts(body: docx.joined(separator: "\n")), to: docxPath)
        let htmlPath = folder.appendingPathComponent("bench.html").path
        try html.write(toFile: htmlPath, atomically: true, encoding: .utf8)
        let tarjuman = ChildProcess.binary("tarjuman")
        for (label, path, format) in [("DOCX", docxPath, "docx"), ("HTML", htmlPath, "html")] {
            let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            let database = folder.appendingPathComponent("\(format).sqlite").path
            let imported = try ChildProcess.run(tarjuman, ["import", path, "--db", database])
            print("\(label), \(paragraphs) paragraphs, \(size / 1000) KB: import \(format2(imported.seconds)) s, peak \(imported.peakMegabytes) MB; \(imported.output.trimmingCharacters(in: .whitespacesAndNewlines))")
            _ = try ChildProcess.run(tarjuman, ["render", "1.1", "The first paragraph in English.", "--db", database])
            for target in [format, "txt"] {
                let output = folder.appendingPathComponent("english.\(target)").path
                let exported = try ChildProcess.run(tarjuman, ["export", output, "--document", "1", "--db", database])
                print("  export .\(target): \(format2(exported.seconds)) s, peak \(exported.peakMegabytes) MB")
            }
        }
    }

    func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    func format2(_ value: Double) -> String { String(format: "%.2f", value) }
}
