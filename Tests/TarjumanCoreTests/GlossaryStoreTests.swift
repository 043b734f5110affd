import Foundation
import GRDB
import Testing
@testable import TarjumanCore

func makeGlossary() throws -> GlossaryStore {
    GlossaryStore(database: try TarjumanDatabase.inMemory())
}

@Suite("Glossary store")
struct GlossaryStoreTests {
    @Test("Adding the same entry again updates it; a new rendering or domain is another entry")
    func addAndUpdate() throws {
        let glossary = try makeGlossary()
        let first = try glossary.add(Term(arabic: "كتائب القسام", english: "al-Qassam Brigades"))
        #expect(first.added)
        let again = try glossary.add(Term(arabic: "كتائب القســـــام", english: "al-Qassam Brigades", alternatives: ["Qassam Brigades"]))
        #expect(!again.added)
        #expect(again.term.id == first.term.id)
        #expect(again.term.alternatives == ["Qassam Brigades"])
        _ = try glossary.add(Term(arabic: "عين", english: "eye", domain: "medicine"))
        _ = try glossary.add(Term(arabic: "عين", english: "spring", domain: "geography"))
        #expect(try glossary.terms().count == 3)
        #expect(try glossary.terms(domain: "medicine").map(\.english) == ["eye"])
    }

    @Test("Empty terms and terms in the wrong script are refused", arguments: [
        (Term(arabic: " ", english: "x"), "the Arabic term is empty"),
        (Term(arabic: "Hamas", english: "حماس"), "'Hamas' has no Arabic letter"),
        (Term(arabic: "حماس", english: ""), "the English rendering of 'حماس' is empty"),
        (Term(arabic: "حماس", english: "Hamas", alternatives: ["حركة"]), "'حركة' is meant to be English"),
    ])
    func invalid(term: Term, message: String) throws {
        let glossary = try makeGlossary()
        #expect(throws: TarjumanError.self) { try glossary.add(term) }
        do {
            try glossary.add(term)
        } catch {
            #expect(error.description.contains(message))
        }
        #expect(try glossary.terms().isEmpty)
    }

    @Test("Import counts added, updated and unchanged; one bad entry stores nothing")
    func importReport() throws {
        let glossary = try makeGlossary()
        let report = try glossary.importTerms([Term(arabic: "حماس", english: "Hamas"), Term(arabic: "غزة", english: "Gaza")])
        #expect((report.added, report.updated, report.skipped) == (2, 0, 0))
        let second = try glossary.importTerms([
            Term(arabic: "حماس", english: "Hamas"), Term(arabic: "غزة", english: "Gaza", note: "city and strip"),
            Term(arabic: "القدس", english: "Jerusalem"),
        ])
        #expect((second.added, second.updated, second.skipped) == (1, 1, 1))
        #expect(throws: TarjumanError.self) {
            try glossary.importTerms([Term(arabic: "رفح", english: "Rafah"), Term(arabic: "", english: "nothing")])
        }
        #expect(try glossary.terms().count == 3)
    }

    @Test("Remove by id, by Arabic in any spelling, narrowed by rendering")
    func remove() throws {
        let glossary = try makeGlossary()
        let hamas = try glossary.add(Term(arabic: "حماس", english: "Hamas")).term
        _ = try glossary.add(Term(arabic: "عين", english: "eye"))
        _ = try glossary.add(Term(arabic: "عين", english: "spring"))
        #expect(try glossary.remove(id: hamas.id!).arabic == "حماس")
        #expect(throws: TarjumanError.unknownTerm("with id \(hamas.id!)")) { try glossary.remove(id: hamas.id!) }
        #expect(try glossary.remove(arabic: "عيـن", english: "spring").map(\.english) == ["spring"])
        #expect(try glossary.terms().map(\.english) == ["eye"])
        #expect(throws: TarjumanError.unknownTerm("for 'غزة'")) { try glossary.remove(arabic: "غزة") }
    }

    @Test("Alternatives and forbidden renderings survive the database")
    func lists() throws {
        let glossary = try makeGlossary()
        _ = try glossary.add(Term(arabic: "الشهداء", english: "martyrs", alternatives: ["those killed"], forbidden: ["victims"], note: "house style"))
        let term = try #require(try glossary.terms().first)
        #expect(term.alternatives == ["those killed"])
        #expect(term.forbidden == ["victims"])
        #expect(term.note == "house style")
        #expect(term.searchKey == "الشهداء")
    }
}

@Suite("Glossary TSV and CSV")
struct DelimitedGlossaryTests {
    func read(_ text: String, _ format: GlossaryFormat = .csv) throws(TarjumanError) -> [Term] {
        try format.read(SourceText(origin: "g.\(format.rawValue)", text: text), sourceName: "g")
    }

    @Test("CSV as RFC 4180: quoted separators, line breaks and doubled quotes; columns in any order")
    func csvQuoting() throws {
        let terms = try read("english,arabic,note,alternatives\r\n\"Hamas, the movement\",حماس,\"said \"\"no\"\"\nthen left\",HAMAS | Islamic Resistance Movement\r\nGaza,غزة,,\r\n")
        #expect(terms.count == 2)
        #expect(terms[0].english == "Hamas, the movement")
        #expect(terms[0].note == "said \"no\"\nthen left")
        #expect(terms[0].alternatives == ["HAMAS", "Islamic Resistance Movement"])
        #expect(terms[1].arabic == "غزة")
        #expect(terms[1].alternatives.isEmpty)
    }

    @Test("Write then read gives the same entries, in TSV and in CSV", arguments: GlossaryFormat.allCases)
    func roundTrip(format: GlossaryFormat) throws {
        let terms = [
            Term(arabic: "حماس", english: "Hamas", alternatives: ["Islamic Resistance Movement"], forbidden: ["Hammas"],
                 note: "a note, with \"quotes\"\tand a tab", domain: "organizations", source: "g"),
            Term(arabic: "سرايا القدس", english: "al-Quds Brigades", source: "g"),
        ]
        let back = try read(format.write(terms), format)
        #expect(back.map { [$0.arabic, $0.english, $0.note, $0.domain] } == terms.map { [$0.arabic, $0.english, $0.note, $0.domain] })
        #expect(back.map(\.alternatives) == terms.map(\.alternatives))
        #expect(back.map(\.forbidden) == terms.map(\.forbidden))
    }

    @Test("Malformed files are refused with line and column", arguments: [
        ("arabic,english\nحماس,\"Hamas\n", "g.csv:2:6: this quote is never closed"),
        ("arabic,english\nحماس,\"Hamas\"x\n", "g.csv:2:13: text after a closing quote"),
        ("arabic,note\nحماس,x\n", "g.csv:1:1: the header row has no 'english' column"),
        ("arabic,english\nحماس,Hamas,extra\n", "g.csv:2:12: 3 fields where the header has 2"),
        ("arabic,english\nحماس,Hamas\nحمـاس,Hamas\n", "g.csv:3:1: repeats the entry of line 2"),
        ("arabic,english\nHamas,حماس\n", "g.csv:2: 'Hamas' has no Arabic letter"),
    ])
    func malformed(text: String, message: String) {
        do {
            _ = try read(text)
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix(message), "\(error.description)")
        }
    }

    @Test("The format comes from the extension")
    func formatFromExtension() throws {
        #expect(try GlossaryFormat(path: "a/b.TSV") == .tsv)
        #expect(try GlossaryFormat(path: "b.csv") == .csv)
        #expect(throws: TarjumanError.unknownFormat(file: "b.xlsx", hint: "pass --format tsv, csv or tbx")) { try GlossaryFormat(path: "b.xlsx") }
    }
}

@Suite("Glossary editing and search")
struct GlossaryEditingTests {
    @Test("Updating an entry replaces its content and keeps its id and creation time")
    func update() throws {
        let glossary = try makeGlossary()
        let created = Date(timeIntervalSince1970: 1_700_000_000)
        let entry = try glossary.add(Term(arabic: "سرايا القدس", english: "Quds Brigades"), at: created).term
        let id = try #require(entry.id)
        let updated = try glossary.update(id: id, with: Term(arabic: "سرايا القدس", english: "al-Quds Brigades",
                                                             alternatives: ["Quds Brigades"], note: "armed wing of Islamic Jihad"),
                                          at: created.addingTimeInterval(60))
        #expect(updated.id == id)
        #expect(updated.english == "al-Quds Brigades")
        #expect(updated.alternatives == ["Quds Brigades"])
        #expect(updated.createdAt == created)
        #expect(updated.updatedAt == created.addingTimeInterval(60))
        #expect(try glossary.terms().map(\.english) == ["al-Quds Brigades"])
    }

    @Test("An update that would duplicate another entry, or names no entry, is refused and changes nothing")
    func refusedUpdate() throws {
        let glossary = try makeGlossary()
        _ = try glossary.add(Term(arabic: "حماس", english: "Hamas"))
        let other = try #require(try glossary.add(Term(arabic: "حماس", english: "HAMAS", domain: "style")).term.id)
        #expect(throws: TarjumanError.self) { try glossary.update(id: other, with: Term(arabic: "حماس", english: "Hamas")) }
        #expect(throws: TarjumanError.self) { try glossary.update(id: 99, with: Term(arabic: "حماس", english: "Hamas")) }
        #expect(Set(try glossary.terms().map(\.english)) == ["Hamas", "HAMAS"])
    }

    @Test("Search finds entries by Arabic key (spelling variants too), English, alternatives and notes")
    func search() throws {
        let glossary = try makeGlossary()
        _ = try glossary.add(Term(arabic: "كتائب القسام", english: "al-Qassam Brigades", note: "armed wing of Hamas"))
        _ = try glossary.add(Term(arabic: "سرايا القدس", english: "al-Quds Brigades", alternatives: ["Saraya al-Quds"]))
        _ = try glossary.add(Term(arabic: "الجهاد الإسلامي", english: "Islamic Jihad"))
        #expect(try glossary.search("القســـــام").map(\.english) == ["al-Qassam Brigades"])
        #expect(try glossary.search("الاسلامي").map(\.english) == ["Islamic Jihad"])
        #expect(try glossary.search("brigades").count == 2)
        #expect(try glossary.search("saraya").map(\.english) == ["al-Quds Brigades"])
        #expect(try glossary.search("hamas").map(\.english) == ["al-Qassam Brigades"])
        #expect(try glossary.search("  ").count == 3)
        #expect(try glossary.search("nothing like this").isEmpty)
    }
}
