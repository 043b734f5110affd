import Foundation
import Testing
@testable import TarjumanCore

@Suite("Export formats")
struct ExportFormatTests {
    @Test("File extensions name their format; unknown ones name none", arguments: [
        ("tmx", ExportFormat.tmx), ("TMX", .tmx), ("xlf", .xliff), ("xliff", .xliff), ("tsv", .tsv), ("tab", .tsv), ("csv", .csv),
    ])
    func extensions(name: String, format: ExportFormat) {
        #expect(ExportFormat(fileExtension: name) == format)
    }

    @Test("Unknown extensions are refused")
    func unknown() {
        #expect(ExportFormat(fileExtension: "docx") == nil)
        #expect(ExportFormat(fileExtension: "") == nil)
    }

    @Test("Each format writes the rendered unit to the file")
    func writes() throws {
        let store = try makeStore()
        _ = try store.importDocuments([try segmented("قالت حماس إن الاتفاق صامد.")])
        _ = try store.render([RenderingInput(unit: UnitID(document: 1, ordinal: 1), text: "Hamas said the deal holds.")],
                             translator: nil, status: .approved, origin: "manual")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tarjuman-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for format in ExportFormat.allCases {
            let path = directory.appendingPathComponent("out.\(format.fileExtension)").path
            _ = try format.export(store.database, to: path)
            let written = try String(contentsOfFile: path, encoding: .utf8)
            #expect(written.contains("Hamas said the deal holds."), "\(format)")
            #expect(written.contains("قالت حماس إن الاتفاق صامد."), "\(format)")
        }
    }
}
