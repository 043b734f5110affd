import Foundation
import Testing
@testable import TarjumanCore

@Suite("Reading source text")
struct SourceTextTests {
    @Test("A byte order mark is dropped; offsets then count from the first real character")
    func byteOrderMark() throws {
        let source = try SourceText(data: Data([0xEF, 0xBB, 0xBF] + Array("حماس.".utf8)), origin: "f.txt")
        #expect(source.text == "حماس.")
        #expect(try SentenceSegmenter().segment(source.text).first?.start == 0)
    }

    @Test("Invalid UTF-8 names the byte offset, counted in the file as given", arguments: [
        ([0x41, 0x42, 0xFF], 2),
        ([0xD8, 0xAD, 0xD8], 2),
        ([0xEF, 0xBB, 0xBF, 0x41, 0xC0, 0x80], 4),
        ([0xED, 0xA0, 0x80], 0),
        ([0xF4, 0x90, 0x80, 0x80], 0),
        ([0x41, 0xE2, 0x82], 1),
    ])
    func invalidUTF8(bytes: [UInt8], offset: Int) {
        #expect(throws: TarjumanError.invalidUTF8(file: "f.txt", byteOffset: offset)) {
            try SourceText(data: Data(bytes), origin: "f.txt")
        }
    }

    @Test("Well-formed UTF-8 of every length passes")
    func validUTF8() throws {
        let text = "A é ح € 😀"
        #expect(try SourceText(data: Data(text.utf8), origin: "f").text == text)
    }

    @Test("Empty and white-space-only input is refused", arguments: [[], [0xEF, 0xBB, 0xBF], Array(" \n\r\n\t".utf8)])
    func empty(bytes: [UInt8]) {
        #expect(throws: TarjumanError.emptyInput(file: "f.txt")) {
            try SourceText(data: Data(bytes), origin: "f.txt")
        }
    }

    @Test("A missing file and a folder are refused with their own messages")
    func missing() {
        #expect(throws: TarjumanError.fileNotFound("/nonexistent/file.txt")) {
            try SourceText(contentsOf: "/nonexistent/file.txt")
        }
        #expect(throws: TarjumanError.notAFile("/tmp")) {
            try SourceText(contentsOf: "/tmp")
        }
    }
}

@Suite("Content hash")
struct ContentHashTests {
    @Test("SHA-256 test vectors", arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func vectors(input: String, digest: String) {
        #expect(ContentHash.sha256Hex(input) == digest)
    }

    @Test("Every length across the padding boundaries matches sha256sum",
          .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/sha256sum"), "sha256sum is absent; skipping"))
    func lengths() throws {
        for length in [0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129, 1000] {
            let bytes = (0 ..< length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
            let input = Pipe(), output = Pipe()
            process.standardInput = input
            process.standardOutput = output
            try process.run()
            try input.fileHandleForWriting.write(contentsOf: Data(bytes))
            try input.fileHandleForWriting.close()
            let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(ContentHash.sha256Hex(bytes) == String(printed.prefix(64)), "length \(length)")
        }
    }

    @Test("A million a's")
    func long() {
        #expect(ContentHash.sha256Hex([UInt8](repeating: 0x61, count: 1_000_000)) ==
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}

@Suite("Unit ids and rendering TSV")
struct UnitIDTests {
    @Test("Unit ids parse and print as document.ordinal")
    func parse() throws {
        let id = try UnitID(parsing: "3.12")
        #expect(id == UnitID(document: 3, ordinal: 12))
        #expect(id.description == "3.12")
        for bad in ["", "3", "3.", ".12", "3.12.1", "a.b", "0.1", "1.0", "-1.2", "3,12", "١.٢"] {
            #expect(throws: TarjumanError.invalidUnitID(bad)) { try UnitID(parsing: bad) }
        }
    }

    @Test("TSV lines: header, comments and blank lines skipped; tabs kept in the English")
    func tsv() throws {
        let text = "unit\tenglish\n# a comment\n1.1\tHamas said.\r\n\n1.2\tA\tB\n"
        let inputs = try RenderingTSV.parse(SourceText(origin: "r.tsv", text: text))
        #expect(inputs == [
            RenderingInput(unit: UnitID(document: 1, ordinal: 1), text: "Hamas said."),
            RenderingInput(unit: UnitID(document: 1, ordinal: 2), text: "A\tB"),
        ])
    }

    @Test("A malformed TSV line names its line number")
    func tsvErrors() {
        #expect(throws: TarjumanError.malformedTSVLine(file: "r.tsv", line: 2, reason: "no tab on this line")) {
            try RenderingTSV.parse(SourceText(origin: "r.tsv", text: "1.1\tok\n1.2 no tab\n"))
        }
        #expect(throws: TarjumanError.malformedTSVLine(file: "r.tsv", line: 1, reason: "'x.1' is not a unit id such as 3.12")) {
            try RenderingTSV.parse(SourceText(origin: "r.tsv", text: "x.1\tok\n"))
        }
        #expect(throws: TarjumanError.malformedTSVLine(file: "r.tsv", line: 3, reason: "the English text is empty")) {
            try RenderingTSV.parse(SourceText(origin: "r.tsv", text: "1.1\tok\n\n1.2\t  \n"))
        }
    }
}
