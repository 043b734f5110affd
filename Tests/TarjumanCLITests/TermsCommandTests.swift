import Foundation
import Testing

@Suite("tarjuman terms")
struct TermsCommandTests {
    @Test("terms lists recurring expressions of the sample; --json has the documented fields")
    func terms() throws {
        let directory = try freshDirectory()
        #expect(try run(["import", sample], in: directory).status == 0)
        let text = try run(["terms", "--limit", "15"], in: directory)
        #expect(text.status == 0)
        #expect(lines(text.stdout).contains { $0.hasPrefix("سرايا القدس\t5×\t1 doc\tnew") })
        let json = try run(["terms", "--json", "--limit", "5"], in: directory)
        let candidates = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [[String: Any]]
        #expect(candidates.count == 5)
        for key in ["term", "count", "documents", "inGlossary", "renderings"] { #expect(candidates[0][key] != nil) }
        let bad = try run(["terms", "--max-words", "9"], in: directory)
        #expect(bad.status == 64)
    }
}
