import Foundation
import Testing

@Suite("tarjuman align")
struct AlignCommandTests {
    let arabic = "قال المتحدث إن الوفد وصل إلى المدينة صباح اليوم. وعقد الوفد اجتماعا مطولا مع رئيس البلدية استمر 3 ساعات.\n\nهل سيعود الوفد غدا؟ ثم غادر الوفد المدينة.\n"
    let english = "The spokesman said the delegation arrived in the city this morning and held a long meeting with the mayor that lasted 3 hours.\n\nWill the delegation return tomorrow? Then the delegation left the city.\n"

    @Test("align prints pairs as text, TSV and JSON, and --store keeps them as aligned renderings")
    func align() throws {
        let directory = try freshDirectory()
        try arabic.write(to: directory.appendingPathComponent("a.ar.txt"), atomically: true, encoding: .utf8)
        try english.write(to: directory.appendingPathComponent("a.en.txt"), atomically: true, encoding: .utf8)
        let tsv = try run(["align", "a.ar.txt", "a.en.txt", "--tsv"], in: directory)
        #expect(tsv.status == 0)
        let rows = lines(tsv.stdout).map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        #expect(rows.count == 3)
        #expect(rows.allSatisfy { $0.count == 3 })
        #expect(rows[0][0] == "قال المتحدث إن الوفد وصل إلى المدينة صباح اليوم. وعقد الوفد اجتماعا مطولا مع رئيس البلدية استمر 3 ساعات.")
        #expect(rows[2][1] == "Then the delegation left the city.")

        let json = try run(["align", "a.ar.txt", "a.en.txt", "--json"], in: directory)
        let output = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        #expect((output["layout"] as? [String: Any])?["arabic"] != nil)
        let pairs = output["pairs"] as! [[String: Any]]
        #expect(pairs.count == 3)
        for key in ["arabic", "english", "confidence"] { #expect(pairs[0][key] != nil) }

        let text = try run(["align", "a.ar.txt", "a.en.txt"], in: directory)
        #expect(lines(text.stdout).last == "4 Arabic and 3 English sentences: 3 pairs, 0 to review")

        let stored = try run(["align", "a.ar.txt", "a.en.txt", "--store", "--translator", "omar", "--tsv"], in: directory)
        #expect(stored.status == 0)
        #expect(stored.stderr == "a.ar.txt: stored as document 1; 3 aligned renderings added\n")
        let units = try run(["units"], in: directory).stdout
        #expect(units.contains("[aligned]"))
        #expect(!units.contains("[approved]"))

        let missing = try run(["align", "none.txt", "a.en.txt"], in: directory)
        #expect(missing.status == 1)
        #expect(lines(missing.stderr).count == 1)
        let both = try run(["align", "a.ar.txt", "a.en.txt", "--tsv", "--json"], in: directory)
        #expect(both.status == 64)
    }
}
