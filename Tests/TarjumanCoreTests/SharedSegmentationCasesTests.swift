import Foundation
import Testing
@testable import TarjumanCore

let sharedData = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data")
let segmentationCases = sharedData.appendingPathComponent("segmentation-cases")
let hasSegmentationCases = FileManager.default.fileExists(atPath: segmentationCases.path)

/// The shared Arabic segmentation cases from LanguageTool (via choppa) and pySBD, read from
/// `../shared/data/segmentation-cases`. pySBD cuts after `:` and `،` by design; Tarjuman does not,
/// so pieces it cut there are joined back before comparing.
@Suite("Shared segmentation cases", .enabled(if: hasSegmentationCases, "../shared/data/segmentation-cases is absent; skipping"))
struct SharedSegmentationCasesTests {
    struct ChoppaFile: Decodable {
        struct Case: Decodable { let sentences: [String] }
        let cases: [Case]
    }

    @Test("LanguageTool's Arabic cases: each sentence alone, and all of them as one paragraph")
    func languageTool() throws {
        let data = try Data(contentsOf: segmentationCases.appendingPathComponent("choppa_languagetool_ar.json"))
        let file = try JSONDecoder().decode(ChoppaFile.self, from: data)
        let all = file.cases.flatMap(\.sentences).map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(all.count == 4)
        for sentence in all {
            #expect(try sentences(sentence) == [sentence])
        }
        #expect(try sentences(all.joined(separator: " ")) == all)
    }

    @Test("pySBD's golden rules, without its cuts at : and ،")
    func pySBD() throws {
        let source = try String(contentsOf: segmentationCases.appendingPathComponent("pysbd_test_arabic.py"), encoding: .utf8)
        let cases = Self.parsePySBDCases(source)
        #expect(cases.count == 5)
        for (text, expected) in cases {
            #expect(try sentences(text) == Self.joiningColonAndCommaCuts(expected))
        }
    }

    /// (paragraph, expected sentences) pairs from the Python test file.
    static func parsePySBDCases(_ source: String) -> [(String, [String])] {
        let pattern = try! NSRegularExpression(pattern: #"\("([^"]+)",\s*\[((?:\s*"[^"]*",?)+)\s*\]"#)
        let strings = try! NSRegularExpression(pattern: #""([^"]*)""#)
        let range = NSRange(source.startIndex..., in: source)
        return pattern.matches(in: source, range: range).map { match in
            let text = String(source[Range(match.range(at: 1), in: source)!])
            let list = String(source[Range(match.range(at: 2), in: source)!])
            let listRange = NSRange(list.startIndex..., in: list)
            let expected = strings.matches(in: list, range: listRange).map { String(list[Range($0.range(at: 1), in: list)!]) }
            return (text, expected)
        }
    }

    static func joiningColonAndCommaCuts(_ pieces: [String]) -> [String] {
        var joined: [String] = []
        for piece in pieces {
            if let last = joined.last, last.hasSuffix(":") || last.hasSuffix("،") {
                joined[joined.count - 1] = last + " " + piece
            } else {
                joined.append(piece)
            }
        }
        return joined
    }
}
