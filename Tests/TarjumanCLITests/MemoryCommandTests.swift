import Foundation
import Testing

@Suite("tarjuman match, lookup and annotate")
struct MemoryCommandTests {
    /// A database holding the sample with three units rendered.
    func renderedSample() throws -> URL {
        let directory = try freshDirectory()
        #expect(try run(["import", sample], in: directory).status == 0)
        let tsv = """
            1.1\tHamas and Islamic Jihad affirmed on Monday evening that resistance is their strategic choice.
            1.2\tThis came in a joint statement by Hamas and Islamic Jihad after a meeting in Gaza City.
            1.12\tA joint statement between Islamic Jihad and Hamas is to be issued after the meeting.
            """
        try tsv.write(to: directory.appendingPathComponent("r.tsv"), atomically: true, encoding: .utf8)
        #expect(try run(["render", "--tsv", "r.tsv", "--approve", "--translator", "lina"], in: directory).status == 0)
        return directory
    }

    @Test("match --json gives score, kind, source, target and unit, best first")
    func matchJSON() throws {
        let directory = try renderedSample()
        let query = "يذكر أنه سيصدر بيان مشترك غدا عقب الاجتماع بين حركتي الجهاد وحماس."
        let result = try run(["match", query, "--json", "--min", "60"], in: directory)
        #expect(result.status == 0)
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let best = try #require(objects.first)
        #expect(best["unit"] as? String == "1.12")
        #expect(best["kind"] as? String == "fuzzy")
        #expect((best["score"] as? Int ?? 0) >= 85)
        #expect(best["target"] as? String == "A joint statement between Islamic Jihad and Hamas is to be issued after the meeting.")
        #expect(best["translator"] as? String == "lina")
        #expect(best["source"] as? String == "يذكر أنه سيصدر بيان مشترك عقب الاجتماع بين حركتي الجهاد وحماس.")
        let differences = try #require(best["differences"] as? [[String: Any]])
        #expect(differences.first?["change"] as? String == "added")
        #expect(differences.first?["query"] as? String == "غدا")
    }

    @Test("match in text form, and clear errors for an empty query, a bad --min and a missing database")
    func matchText() throws {
        let directory = try renderedSample()
        let exact = try run(["match", "-"], in: directory, input: Data("يذكر أنه سيصدر بيان مشترك عقب الاجتماع بين حركتي الجهاد وحماس.".utf8))
        #expect(exact.status == 0)
        #expect(exact.stdout.hasPrefix("100% exact\tunit 1.12 (000_d30af9c42a70480b.txt)\tapproved, lina, "))
        #expect(exact.stdout.contains("  en: A joint statement between Islamic Jihad and Hamas"))
        let none = try run(["match", "ذهب الولد إلى المدرسة."], in: directory)
        #expect(none.status == 0)
        #expect(none.stdout == "no match at 70% or more\n")
        let empty = try run(["match", "   "], in: directory)
        #expect(empty.status != 0)
        #expect(lines(empty.stderr).count == 1)
        #expect(empty.stderr.contains("the query has no words"))
        let badMin = try run(["match", "نص", "--min", "0"], in: directory)
        #expect(badMin.status != 0)
        let missing = try run(["match", "نص", "--db", "nothing.sqlite"], in: directory)
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("no database here"))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("nothing.sqlite").path))
    }

    @Test("lookup shows each unit with the term marked, and the English used for it")
    func lookup() throws {
        let directory = try renderedSample()
        let result = try run(["lookup", "الجهاد الإسلامي"], in: directory)
        #expect(result.status == 0)
        let output = lines(result.stdout)
        #expect(output.first == "«الجهاد الإسلامي» in 3 units")
        #expect(output.contains { $0.hasPrefix("1.1\t") && $0.contains("[والجهاد الإسلامي]") })
        #expect(output.suffix(3) == ["rendered as (guessed from shared phrases):", "  2\tIslamic Jihad", "  1\t(not rendered yet)"])
        #expect(result.stderr == "note: no word-alignment model yet: run 'tarjuman train' for renderings found by alignment\n")
        let json = try run(["lookup", "سرايا القدس", "--json", "--limit", "2"], in: directory)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["total"] as? Int == 5)
        #expect((object["units"] as? [Any])?.count == 2)
        #expect(object["unrendered"] as? Int == 4)
        // No model yet: the key is there, null (every JSON field without a value is null).
        #expect(object.keys.contains("alignment"))
        #expect(object["alignment"] is NSNull)

        let status = try run(["train", "--status"], in: directory)
        #expect(status.stdout == "no word-alignment model yet: run 'tarjuman train'\n")
        let trained = try run(["train"], in: directory)
        #expect(trained.status == 0)
        #expect(trained.stdout.hasPrefix("word alignment trained on 3 pairs in "))
        #expect(trained.stdout.hasSuffix("; up to date\n"))
        let aligned = try run(["lookup", "الجهاد الإسلامي"], in: directory)
        #expect(aligned.status == 0)
        #expect(aligned.stderr.isEmpty)
        #expect(lines(aligned.stdout).contains("rendered as (by word alignment):"))
        let alignedJSON = try run(["lookup", "الجهاد الإسلامي", "--json"], in: directory)
        let alignedObject = try #require(try JSONSerialization.jsonObject(with: Data(alignedJSON.stdout.utf8)) as? [String: Any])
        let model = try #require(alignedObject["alignment"] as? [String: Any])
        #expect(model["pairs"] as? Int == 3)
        #expect(model["behind"] as? Int == 0)
        let units = try #require(alignedObject["units"] as? [[String: Any]])
        #expect(units.first?["spans"] is [Any])
        #expect(try run(["train", "--iterations", "0"], in: directory).status != 0)
    }

    @Test("annotate prints every sentence and the analysis; --format html writes one page; --store adds drafts")
    func annotate() throws {
        let directory = try renderedSample()
        let text = try run(["annotate", sample], in: directory)
        #expect(text.status == 0)
        #expect(lines(text.stdout).first?.hasPrefix("1\t[101% context]\t") == true)
        #expect(lines(text.stdout).last == "12 units, 516 words: context 3 (75 words), exact 0 (0 words), 95-99 0 (0 words), 85-94 0 (0 words), 75-84 0 (0 words), 50-74 0 (0 words), new 9 (441 words)")

        let html = try run(["annotate", sample, "--format", "html"], in: directory)
        #expect(html.status == 0)
        #expect(html.stdout.hasPrefix("<!DOCTYPE html>"))
        #expect(html.stdout.hasSuffix("</html>\n"))
        #expect(html.stdout.components(separatedBy: "<td class=\"ar\" dir=\"rtl\"").count == 13)

        let edited = "وقال البيان إن الاجتماع كان إيجابيا.\n\nجاء ذلك في بيان مشترك بين حركتي حماس والجهاد الإسلامي، عقب اجتماع عقد في مدينة غزة،  بحضور كبار قادة كتائب القسام وسرايا القدس والقادة الأمنيين من الحركتين."
        try edited.write(to: directory.appendingPathComponent("new.txt"), atomically: true, encoding: .utf8)
        let json = try run(["annotate", "new.txt", "--format", "json", "--store"], in: directory)
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let units = try #require(object["units"] as? [[String: Any]])
        #expect(units.map { $0["band"] as? String } == ["new", "exact"])
        #expect(json.stderr == "new.txt: stored as document 2, 1 draft renderings from memory\n")
        let listed = try run(["units", "--json"], in: directory)
        #expect(listed.stdout.contains("This came in a joint statement by Hamas and Islamic Jihad after a meeting in Gaza City."))
        let missing = try run(["annotate", "absent.txt"], in: directory)
        #expect(missing.status != 0)
        #expect(lines(missing.stderr).count == 1)
    }
}
