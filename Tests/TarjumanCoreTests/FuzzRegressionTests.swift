import Foundation
import Testing
import TarjumanFuzzChecks

@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    /// The inputs kept in Fuzz/regressions/TARGET: hand-made hard cases and every crash the
    /// fuzzers have found.
    static func inputs(_ target: String) throws -> [URL] {
        let folder = packageRoot.appendingPathComponent("Fuzz/regressions/\(target)")
        return try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil).sorted { $0.path < $1.path }
    }

    @Test("Every kept input passes the fuzz targets' checks", arguments: ["delimited", "xml", "text", "document"])
    func regressions(target: String) throws {
        let inputs = try Self.inputs(target)
        #expect(!inputs.isEmpty)
        for input in inputs {
            let data = try Data(contentsOf: input)
            let problems = switch target {
            case "delimited": FuzzChecks.delimited(data)
            case "xml": FuzzChecks.xml(data)
            case "document": FuzzChecks.document(data)
            default: FuzzChecks.text(data)
            }
            #expect(problems.isEmpty, "\(input.lastPathComponent): \(problems)")
        }
    }

    @Test("Ordinary inputs raise no problem")
    func ordinary() {
        #expect(FuzzChecks.text(Data("قال المتحدث. ثم مضى.\nسطر".utf8)).isEmpty)
        #expect(FuzzChecks.delimited(Data("عام\tgeneral\n".utf8)).isEmpty)
    }
}
