import Foundation
import Testing

@Suite("tarjuman memories, memory, document remove, pretranslate")
struct MemoriesCommandTests {
    static let lastSentence = "يذكر أنه سيصدر بيان مشترك عقب الاجتماع بين حركتي الجهاد وحماس."

    /// The sample with 1.12 approved, and a client memory holding 1.12's source with other English.
    func fixture() throws -> URL {
        let directory = try freshDirectory()
        #expect(try run(["import", sample], in: directory).status == 0)
        let approved = try run(["render", "1.12", "A joint statement will be issued after the meeting.", "--approve", "--translator", "layla"], in: directory)
        #expect(approved.status == 0)
        try "\(Self.lastSentence)\tThe client's English.\nأنا جائع.\tI am hungry.\nانا جائع.\tI'm hungry.\nأنا جائع.\tI am hungry!\n"
            .write(to: directory.appendingPathComponent("client.tsv"), atomically: true, encoding: .utf8)
        let imported = try run(["import", "client.tsv"], in: directory)
        #expect(imported.stdout.hasPrefix("client.tsv: 4 entries read into memory 'client.tsv', 4 added, 0 already there (merged), 0 skipped (no header row, columns by position: source, target)\n"
                                          + "word alignment retrained on 5 pairs in "))
        return directory
    }

    @Test("A memory import leaves show 1.12 as the translator approved it; memories lists the entries")
    func importLeavesDocument() throws {
        let directory = try fixture()
        let shown = try run(["show", "1.12"], in: directory).stdout
        #expect(shown.contains("current: A joint statement will be issued after the meeting."))
        #expect(shown.contains("history (1, newest first)"))
        #expect(try run(["memories"], in: directory).stdout == "client.tsv\t4 entries\tfrom client.tsv\n")
        let json = try run(["memories", "--json"], in: directory)
        let list = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(list.first?["entries"] as? Int == 4)
        #expect((list.first?["sources"] as? [[String: Any]])?.first?["file"] as? String == "client.tsv")
        #expect(try run(["import", "client.tsv", "--memory", "client.tsv"], in: directory).stdout.contains("0 added, 4 already there (merged)"))
        let matched = try run(["match", Self.lastSentence], in: directory).stdout
        #expect(matched.contains("unit 1.12 (000_d30af9c42a70480b.txt)"))
        #expect(matched.contains("memory client.tsv (entry"))
        let tmx = try run(["export", "client.tmx", "--memory", "client.tsv"], in: directory)
        #expect(tmx.stdout == "client.tmx: 4 units\n")
        #expect(try run(["export", "all.tsv"], in: directory).stdout == "all.tsv: 5 units\n")
        let unknown = try run(["export", "x.tmx", "--memory", "nope"], in: directory)
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "Error: no memory is named 'nope'; 'tarjuman memories' lists the memories.\n")
    }

    @Test("memory set, rename and remove; remove asks unless --yes")
    func manageMemories() throws {
        let directory = try fixture()
        #expect(try run(["memory", "set", "client.tsv", "--penalty", "10"], in: directory).stdout == "memory 'client.tsv': penalty 10\n")
        #expect(try run(["match", "أنا جائع.", "--json"], in: directory).stdout.contains("\"score\" : 90"))
        #expect(try run(["memory", "set", "client.tsv", "--penalty", "101"], in: directory).status != 0)
        #expect(try run(["memory", "rename", "client.tsv", "Client"], in: directory).status == 0)
        let refused = try run(["memory", "remove", "Client"], in: directory, input: Data("n\n".utf8))
        #expect(refused.status == 1)
        #expect(try run(["memories"], in: directory).stdout.hasPrefix("Client\t4 entries, penalty 10"))
        let removed = try run(["memory", "remove", "Client", "--yes"], in: directory)
        #expect(removed.stdout == "memory 'Client' removed (4 entries)\n")
        #expect(try run(["memories"], in: directory).stdout.hasPrefix("no memories"))
        #expect(try run(["show", "1.12"], in: directory).stdout.contains("current: A joint statement will be issued after the meeting."))
    }

    @Test("document remove takes a document with its renderings, after a confirmation; a memory part is refused")
    func removeDocument() throws {
        let directory = try fixture()
        let asked = try run(["document", "remove", "1"], in: directory, input: Data("y\n".utf8))
        #expect(asked.status == 0)
        #expect(asked.stdout == "document 1 (000_d30af9c42a70480b.txt) removed: 12 units\n")
        #expect(try run(["documents"], in: directory).stdout.isEmpty)
        #expect(try run(["show", "1.12"], in: directory).status == 1)
        let part = try run(["document", "remove", "2", "--yes"], in: directory)
        #expect(part.status == 1)
        #expect(part.stderr.contains("part of memory 'client.tsv'"))
        #expect(try run(["memories"], in: directory).stdout.contains("4 entries"))
    }

    @Test("pretranslate fills unrendered units from memories as drafts and prints counts per band")
    func pretranslate() throws {
        let directory = try freshDirectory()
        #expect(try run(["import", sample], in: directory).status == 0)
        let tsv = try run(["export", "seed.tsv"], in: directory)
        #expect(tsv.stdout == "seed.tsv: 0 units\n")
        try "\(Self.lastSentence)\tThe statement follows the meeting.\n".write(to: directory.appendingPathComponent("desk.tsv"), atomically: true, encoding: .utf8)
        #expect(try run(["import", "desk.tsv", "--memory", "desk"], in: directory).status == 0)
        let filled = try run(["pretranslate"], in: directory)
        #expect(filled.status == 0)
        #expect(filled.stdout == "1 of 12 units without a rendering filled as drafts (context 0, exact 1, 95-99 0, 85-94 0, 75-84 0, 50-74 0); 11 without a match at 100 or more; 0 rendered units left as they were\n")
        let shown = try run(["show", "1.12"], in: directory).stdout
        #expect(shown.contains("draft [pretranslated from memory desk, 100%]: The statement follows the meeting."))
        let again = try run(["pretranslate", "--document", "1", "--memory", "desk", "--json"], in: directory)
        let outcome = try #require(try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [String: Any])
        #expect(outcome["rendered"] as? Int == 1)
        #expect(try run(["pretranslate", "--memory", "none"], in: directory).status == 1)
    }
}
