import Foundation
import Testing

let shippedGlossary = packageRoot.appendingPathComponent("Glossaries/news-politics.ar-en.tsv").path

@Suite("tarjuman glossary")
struct GlossaryCommandTests {
    @Test("import the shipped glossary, look up the sample, export and re-import")
    func importLookupExport() throws {
        let directory = try freshDirectory()
        let imported = try run(["glossary", "import", shippedGlossary], in: directory)
        #expect(imported.status == 0)
        #expect(imported.stdout.hasPrefix("news-politics.ar-en.tsv: "))
        #expect(imported.stdout.contains(" added, 0 updated, 0 unchanged"))

        let again = try run(["glossary", "import", shippedGlossary], in: directory)
        #expect(again.stdout.contains(": 0 added, 0 updated, "))

        let lookup = try run(["glossary", "lookup", "--json", "-"], in: directory,
                             input: Data("وقال البيان إن كتائب القســـــام وسرايا القدس في غزة.".utf8))
        #expect(lookup.status == 0)
        let matches = try #require(try JSONSerialization.jsonObject(with: Data(lookup.stdout.utf8)) as? [[String: Any]])
        #expect(matches.map { $0["surface"] as? String } == ["كتائب القســـــام", "وسرايا القدس", "غزة"])
        #expect(matches.map { $0["rendering"] as? String } == ["al-Qassam Brigades", "al-Quds Brigades", "Gaza"])
        #expect(matches.map { $0["kind"] as? String } == ["normalized", "clitic", "exact"])
        #expect(matches[0]["start"] as? Int == 15)
        #expect(matches[0]["end"] as? Int == 15 + "كتائب القســـــام".unicodeScalars.count)
        #expect(Set(matches[0].keys).isSuperset(of: ["start", "end", "surface", "term", "rendering", "kind"]))

        let text = try run(["glossary", "lookup", "حماس والجهاد الإسلامي"], in: directory)
        #expect(lines(text.stdout).count == 2)

        let csv = directory.appendingPathComponent("out.csv").path
        let exported = try run(["glossary", "export", csv], in: directory)
        #expect(exported.status == 0)
        let fresh = try freshDirectory()
        let reimported = try run(["glossary", "import", csv], in: fresh)
        #expect(reimported.status == 0)
        func entries(_ directory: URL) throws -> [NSDictionary] {
            let listed = try run(["glossary", "list", "--json"], in: directory)
            let objects = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
            return objects.map { object in
                var copy = object
                copy.removeValue(forKey: "id")
                copy.removeValue(forKey: "source")
                copy.removeValue(forKey: "updatedAt")
                return copy as NSDictionary
            }
        }
        let original = try entries(directory)
        #expect(original.count >= 100)
        #expect(try entries(fresh) == original)
    }

    @Test("add, list, remove")
    func addListRemove() throws {
        let directory = try freshDirectory()
        let added = try run(["glossary", "add", "الشهداء", "martyrs", "--alt", "those killed", "--forbid", "victims",
                             "--note", "house style decides", "--domain", "politics"], in: directory)
        #expect(added.status == 0)
        #expect(added.stdout.hasPrefix("added 1\tالشهداء\tmartyrs"))
        let updated = try run(["glossary", "add", "الشهداء", "martyrs", "--domain", "politics"], in: directory)
        #expect(updated.stdout.hasPrefix("updated 1"))
        let listed = try run(["glossary", "list"], in: directory)
        #expect(lines(listed.stdout) == ["1\tالشهداء\tmartyrs\t[politics]"])
        let removed = try run(["glossary", "remove", "الشهـداء"], in: directory)
        #expect(removed.status == 0)
        #expect(try run(["glossary", "list"], in: directory).stdout.isEmpty)
    }

    @Test("Bad glossaries and terms give one line and change nothing", arguments: [
        (["glossary", "import", "broken.csv"], "broken.csv:3:5: this quote is never closed"),
        (["glossary", "import", "dupes.tsv"], "dupes.tsv:3:1: repeats the entry of line 2"),
        (["glossary", "import", "glossary.xlsx"], "cannot tell the format from the extension"),
        (["glossary", "add", "Hamas", "حماس"], "'Hamas' has no Arabic letter"),
        (["glossary", "remove", "غزة"], "no glossary entry for 'غزة'"),
        (["glossary", "lookup", "نص"], "no database here"),
    ])
    func errors(arguments: [String], message: String) throws {
        let directory = try freshDirectory()
        try Data("arabic,english\nحماس,Hamas\nغزة,\"Gaza\n".utf8).write(to: directory.appendingPathComponent("broken.csv"))
        try Data("arabic\tenglish\nحماس\tHamas\nحماس\tHamas\n".utf8).write(to: directory.appendingPathComponent("dupes.tsv"))
        try Data("x".utf8).write(to: directory.appendingPathComponent("glossary.xlsx"))
        if arguments[1] != "lookup" {
            #expect(try run(["glossary", "add", "القدس", "Jerusalem"], in: directory).status == 0)
        }
        let before = try run(["glossary", "list", "--json"], in: directory).stdout
        let result = try run(arguments, in: directory)
        #expect(result.status != 0)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(lines(result.stderr).count == 1)
        #expect(try run(["glossary", "list", "--json"], in: directory).stdout == before)
    }
}
