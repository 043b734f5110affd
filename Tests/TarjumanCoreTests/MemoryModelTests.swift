import Foundation
import GRDB
import Testing
@testable import TarjumanCore
@testable import TarjumanEvaluation

/// Documents and memories apart: memory imports never touch renderings, every entry is kept,
/// one definition of "current" everywhere.
@Suite("Memory model")
struct MemoryModelTests {
    static let statement = "يذكر أنه سيصدر بيان مشترك عقب الاجتماع بين حركتي الجهاد وحماس."
    static let statementEnglish = "A joint statement will be issued after the meeting between Jihad and Hamas."

    func file(_ text: String, name: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tarjuman-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// A document of three sentences, the second rendered and approved by a translator.
    func translatedDocument() throws -> TranslationStore {
        let store = try makeStore()
        _ = try store.importDocuments([try segmented("قال المتحدث إن الوفد وصل. \(Self.statement) ثم غادر الوفد المدينة.")])
        _ = try store.render([RenderingInput(unit: UnitID(document: 1, ordinal: 2), text: Self.statementEnglish)],
                             translator: "layla", status: .approved, origin: "manual")
        return store
    }

    func entries(_ store: TranslationStore, memory: String) throws -> [[String]] {
        try store.entries(ofMemory: memory).map { [$0.source, $0.rendering ?? ""] }
    }

    @Test("A reference memory with the same source and other English leaves the approved rendering current")
    func importKeepsApprovedRendering() throws {
        let store = try translatedDocument()
        let path = try file("\(Self.statement)\tThe client's rendering.\n", name: "client.tsv")
        let outcome = try MemoryImporter(database: store.database).importFile(path)
        #expect(outcome.memory == "client.tsv")
        #expect(outcome.added == 1)
        let detail = try store.detail(of: UnitID(document: 1, ordinal: 2))
        #expect(detail.current?.text == Self.statementEnglish)
        #expect(detail.current?.status == .approved)
        #expect(detail.history.count == 1)
        #expect(try store.units(document: 1).map(\.rendering) == [nil, Self.statementEnglish, nil])
        // Both translations are offered, each saying where it comes from.
        let found = try MemoryMatcher(database: store.database).matches(for: Self.statement)
        #expect(Set(found.map(\.target)) == [Self.statementEnglish, "The client's rendering."])
        #expect(found.first { $0.memory == nil }?.unit == UnitID(document: 1, ordinal: 2))
        #expect(found.first { $0.memory != nil }?.memory == "client.tsv")
    }

    @Test("Three rows, two spellings and three Englishes, are three entries and three tu")
    func everyEntryKept() throws {
        let store = try makeStore()
        let path = try file("أنا جائع.\tI am hungry.\nانا جائع.\tI'm hungry.\nأنا جائع.\tI am hungry!\nأنا جائع.\tI am hungry.\n", name: "hungry.tsv")
        let outcome = try MemoryImporter(database: store.database).importFile(path)
        #expect(outcome.read == 4)
        #expect(outcome.added == 3)
        #expect(outcome.merged == 1)
        #expect(try entries(store, memory: "hungry.tsv") == [["أنا جائع.", "I am hungry."], ["انا جائع.", "I'm hungry."], ["أنا جائع.", "I am hungry!"]])
        let tmx = FileManager.default.temporaryDirectory.appendingPathComponent("tarjuman-\(UUID().uuidString).tmx").path
        #expect(try TMXWriter(database: store.database).export(to: tmx).units == 3)
        var pairs: [[String]] = []
        try TMXReader().parse(path: tmx) { pairs.append([$0.source, $0.target]) }
        #expect(pairs == [["أنا جائع.", "I am hungry."], ["انا جائع.", "I'm hungry."], ["أنا جائع.", "I am hungry!"]])
        // Search keys find both spellings; alternatives show side by side.
        let found = try MemoryMatcher(database: store.database).matches(for: "انا جائع.")
        #expect(found.count == 3)
        #expect(found.first?.source == "انا جائع.")
    }

    @Test("Two memory entries of one source with different English reach inconsistent-target, naming the memory")
    func inconsistentAcrossMemory() throws {
        let store = try translatedDocument()
        _ = try MemoryImporter(database: store.database)
            .importFile(try file("\(Self.statement)\tA joint statement follows the meeting.\n", name: "un.tsv"))
        let report = try QAChecker(database: store.database).run(CheckOptions(only: [.inconsistentTarget]))
        #expect(report.findings.count == 1)
        let message = try #require(report.findings.first?.message)
        #expect(message.contains("1.2"))
        #expect(message.contains("in memory un.tsv"))
    }

    @Test("Superseded renderings are never matched; a copy made by annotate --store shows once, counted")
    func onlyLiveTranslations() throws {
        let store = try translatedDocument()
        let unit = UnitID(document: 1, ordinal: 2)
        let matcher = MemoryMatcher(database: store.database)
        _ = try store.render([RenderingInput(unit: unit, text: "A joint statment will be issued.")], translator: "omar", status: .draft, origin: "manual")
        _ = try store.render([RenderingInput(unit: unit, text: "A joint statement will be issued.")], translator: "omar", status: .approved, origin: "manual")
        #expect(try matcher.matches(for: Self.statement).map(\.target) == ["A joint statement will be issued."])
        let annotated = try Annotator(database: store.database)
            .annotate(SourceText(origin: "again.txt", text: "قال المتحدث إن الوفد وصل. \(Self.statement)"), store: true)
        #expect(annotated.draftsAdded == 1)
        let found = try matcher.matches(for: Self.statement)
        #expect(found.map(\.target) == ["A joint statement will be issued."])
        #expect(found.first?.occurrences == 2)
    }

    @Test("Every reader of a unit's current rendering agrees: the newest edit, whatever its status")
    func currentEverywhere() throws {
        let store = try translatedDocument()
        let unit = UnitID(document: 1, ordinal: 2)
        let draft = "A joint statement will be issued after the meeting of Jihad and Hamas 2."
        _ = try store.render([RenderingInput(unit: unit, text: draft)], translator: "omar", status: .draft, origin: "manual")
        #expect(try store.units(document: 1)[1].rendering == draft)
        #expect(try store.units(document: 1)[1].status == .draft)
        #expect(try store.detail(of: unit).current?.text == draft)
        #expect(try store.documents().first?.approvedCount == 0)
        #expect(try MemoryMatcher(database: store.database).matches(for: Self.statement).map(\.target) == [draft])
        let concordance = try ConcordanceSearch(database: store.database).lookup("بيان مشترك")
        #expect(concordance.lines.map(\.rendering) == [draft])
        // The checks see the draft (its number is not in the source), not the approved text it replaced.
        let numbers = try QAChecker(database: store.database).run(CheckOptions(only: [.numbers]))
        #expect(numbers.findings.map(\.units) == [[unit]])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tarjuman-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for format in ["tmx", "tsv", "xlf"] {
            let path = folder.appendingPathComponent("out.\(format)").path
            _ = try ExportFormat(fileExtension: format)!.export(store.database, to: path)
            let written = try String(contentsOfFile: path, encoding: .utf8)
            #expect(written.contains(draft), "\(format)")
            #expect(!written.contains(Self.statementEnglish), "\(format)")
        }
        let approvedOnly = folder.appendingPathComponent("approved.tmx").path
        #expect(try TMXWriter(database: store.database).export(to: approvedOnly, options: ExportOptions(approvedOnly: true)).units == 0)
    }

    @Test("pretranslate fills only unrendered units, best match first, as drafts naming memory and score")
    func pretranslate() throws {
        let store = try translatedDocument()
        let memory = """
            قال المتحدث ان الوفد وصل.\tKey-equal spelling.
            قال المتحدث إن الوفد وصل.\tThe spokesman said the delegation had arrived.
            \(Self.statement)\tShould never replace the approved rendering.
            ثم غادر الوفد المدينة مساء.\tThen the delegation left the city in the evening.
            """
        _ = try MemoryImporter(database: store.database, memory: "desk").importFile(try file(memory + "\n", name: "desk.tsv"))
        let exact = try Pretranslator(database: store.database).pretranslate()
        #expect(exact.rendered == 1)
        #expect(exact.unrendered == 2)
        #expect(exact.filled == [.exact: 1])
        #expect(exact.unmatched == 1)
        let units = try store.units(document: 1)
        #expect(units.map(\.rendering) == ["The spokesman said the delegation had arrived.", Self.statementEnglish, nil])
        #expect(units.map(\.status) == [.draft, .approved, nil])
        #expect(try store.detail(of: UnitID(document: 1, ordinal: 1)).current?.origin == "pretranslated from memory desk, 100%")
        let fuzzy = try Pretranslator(database: store.database, minimum: 70, memories: ["desk"]).pretranslate(documents: [1])
        #expect(fuzzy.rendered == 2)
        #expect(fuzzy.filledCount == 1)
        #expect(try store.units(document: 1)[2].rendering == "Then the delegation left the city in the evening.")
        #expect(try store.detail(of: UnitID(document: 1, ordinal: 2)).history.count == 1)
        #expect(throws: TarjumanError.unknownMemory("nope")) { try Pretranslator(database: store.database, memories: ["nope"]).pretranslate() }
    }

    @Test("In context ranks above an exact spelling, which ranks above a match by search key only")
    func pretranslateRanking() throws {
        let store = try makeStore()
        _ = try store.importDocuments([try segmented("وصل الوفد. قال المتحدث إن الوفد وصل. غادر الوفد.")])
        let memory = """
            قال المتحدث ان الوفد وصل.\tBy key.
            قال المتحدث إن الوفد وصل.\tAs written.
            """
        _ = try MemoryImporter(database: store.database, memory: "a").importFile(try file(memory + "\n", name: "a.tsv"))
        _ = try Pretranslator(database: store.database).pretranslate()
        #expect(try store.units(document: 1)[1].rendering == "As written.")
        let context = "وصل الوفد.\tThe delegation arrived.\nقال المتحدث ان الوفد وصل.\tIn context.\nغادر الوفد.\tThe delegation left.\n"
        let second = try makeStore()
        _ = try second.importDocuments([try segmented("وصل الوفد. قال المتحدث إن الوفد وصل. غادر الوفد.")])
        _ = try MemoryImporter(database: second.database, memory: "a").importFile(try file(memory + "\n", name: "a.tsv"))
        _ = try MemoryImporter(database: second.database, memory: "b").importFile(try file(context, name: "b.tsv"))
        let outcome = try Pretranslator(database: second.database).pretranslate()
        #expect(outcome.filled[.context] == 3)
        #expect(try second.units(document: 1)[1].rendering == "In context.")
    }

    @Test("A memory's penalty lowers its scores and its rank")
    func penalty() throws {
        let store = try makeStore()
        _ = try MemoryImporter(database: store.database, memory: "ours").importFile(try file("وصل الوفد إلى القاهرة.\tOurs.\n", name: "ours.tsv"))
        _ = try MemoryImporter(database: store.database, memory: "theirs").importFile(try file("وصل الوفد إلى القاهرة.\tTheirs.\n", name: "theirs.tsv"))
        let memories = MemoryStore(database: store.database)
        try memories.setPenalty(10, of: "ours")
        let found = try MemoryMatcher(database: store.database).matches(for: "وصل الوفد إلى القاهرة.")
        #expect(found.map(\.target) == ["Theirs.", "Ours."])
        #expect(found.map(\.score) == [100, 90])
        #expect(try MemoryMatcher(database: store.database).matches(for: "وصل الوفد إلى القاهرة.", minimum: 95).map(\.memory) == ["theirs"])
        #expect(try memories.memories().map(\.penalty) == [10, 0])
    }

    @Test("memory rename and remove; document remove; none touches the other side")
    func removeAndRename() throws {
        let store = try translatedDocument()
        _ = try MemoryImporter(database: store.database).importFile(try file("\(Self.statement)\tClient.\n", name: "client.tsv"))
        let memories = MemoryStore(database: store.database)
        try memories.renameMemory("client.tsv", to: "Client 2026")
        #expect(try memories.memories().map(\.name) == ["Client 2026"])
        #expect(throws: TarjumanError.memoryExists("Client 2026")) {
            _ = try MemoryImporter(database: store.database, memory: "other").importFile(try file("\(Self.statement)\tX.\n", name: "x.tsv"))
            try memories.renameMemory("other", to: "Client 2026")
        }
        #expect(try memories.removeMemory(named: "Client 2026") == 1)
        #expect(try memories.memories().map(\.name) == ["other"])
        #expect(try store.detail(of: UnitID(document: 1, ordinal: 2)).current?.text == Self.statementEnglish)
        #expect(try MemoryMatcher(database: store.database).matches(for: Self.statement).map(\.target).sorted() == [Self.statementEnglish, "X."])
        let removed = try store.removeDocument(1)
        #expect(removed.unitCount == 3)
        #expect(try store.documents().isEmpty)
        #expect(throws: TarjumanError.unknownUnit("1.2")) { try store.detail(of: UnitID(document: 1, ordinal: 2)) }
        #expect(try MemoryMatcher(database: store.database).matches(for: Self.statement).map(\.target) == ["X."])
        #expect(try memories.memories().map(\.entries) == [1])
        #expect(throws: TarjumanError.unknownMemory("gone")) { try memories.removeMemory(named: "gone") }
    }

    @Test("A failed import into an existing memory leaves the database as it was")
    func failedImport() throws {
        let store = try makeStore()
        let importer = MemoryImporter(database: store.database, memory: "m")
        _ = try importer.importFile(try file("وصل الوفد.\tArrived.\n", name: "a.tsv"))
        let bad = FileManager.default.temporaryDirectory.appendingPathComponent("tarjuman-\(UUID().uuidString)-bad.tsv")
        var bytes = Array("غادر الوفد.\tLeft.\nعاد الوفد.\tBack.\n".utf8)
        bytes += [0xFF, 0x09, 0x41, 0x0A]
        try Data(bytes).write(to: bad)
        #expect(throws: TarjumanError.self) { try importer.importFile(bad.path) }
        #expect(try store.entries(ofMemory: "m").map(\.source) == ["وصل الوفد."])
        #expect(try MemoryStore(database: store.database).memories().first?.sources.count == 1)
    }

    @Test("Export selects by memory and by document; a memory part is not a document")
    func exportSelection() throws {
        let store = try translatedDocument()
        _ = try MemoryImporter(database: store.database, memory: "a").importFile(try file("وصل الوفد.\tArrived.\n", name: "a.tsv"))
        _ = try MemoryImporter(database: store.database, memory: "b").importFile(try file("غادر الوفد.\tLeft.\n", name: "b.tsv"))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tarjuman-\(UUID().uuidString).tsv").path
        func exported(_ options: ExportOptions) throws -> Int { try DelimitedMemory.export(store.database, to: path, separator: "\t", options: options).units }
        #expect(try exported(ExportOptions()) == 3)
        #expect(try exported(ExportOptions(memories: ["a"])) == 1)
        #expect(try exported(ExportOptions(documents: [1])) == 1)
        #expect(try exported(ExportOptions(documents: [1], memories: ["a", "b"])) == 3)
        #expect(throws: TarjumanError.unknownMemory("c")) { try exported(ExportOptions(memories: ["c"])) }
        let part = try store.entries(ofMemory: "a")[0].document
        #expect(throws: TarjumanError.notADocument(part, memory: "a")) { try exported(ExportOptions(documents: [part])) }
    }
}

@Suite("Memory round trip")
struct MemoryRoundTripTests {
    /// The (source, target, notes, properties) of a TMX file as the reader gives them, entries
    /// compared as the merge policy compares them; Tarjuman's own properties left out.
    func entries(of path: String) throws -> Set<[String]> {
        var result = Set<[String]>()
        try TMXReader().parse(path: path) { entry in
            let properties = entry.properties.filter { !MemoryImporter.ownProperties.contains($0.type) }.map { "\($0.type)=\($0.value)" }
            result.insert([MergePolicy.comparable(entry.source), MergePolicy.comparable(entry.target),
                           entry.notes.joined(separator: "\n"), properties.joined(separator: "\n")])
        }
        return result
    }

    func roundTrip(_ path: String) throws -> (before: Set<[String]>, after: Set<[String]>) {
        let store = try makeStore()
        _ = try MemoryImporter(database: store.database).importFile(path)
        let exported = FileManager.default.temporaryDirectory.appendingPathComponent("tarjuman-\(UUID().uuidString).tmx").path
        _ = try TMXWriter(database: store.database).export(to: exported)
        // Notes and properties of merged duplicates are the newer entry's: compare pairs for those.
        return (try entries(of: path), try entries(of: exported))
    }

    @Test("A TMX with alternatives, spellings, notes and properties comes back whole")
    func alternatives() throws {
        let file = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4"><header srclang="ar" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/><body>
            <tu><note>desk</note><prop type="client">UN</prop><tuv xml:lang="ar"><seg>أنا جائع.</seg></tuv><tuv xml:lang="en"><seg>I am hungry.</seg></tuv></tu>
            <tu><tuv xml:lang="ar"><seg>انا جائع.</seg></tuv><tuv xml:lang="en"><seg>I'm hungry.</seg></tuv></tu>
            <tu><prop type="client">NGO</prop><tuv xml:lang="ar"><seg>أنا جائع.</seg></tuv><tuv xml:lang="en"><seg>I am hungry!</seg></tuv></tu>
            <tu><tuv xml:lang="ar"><seg>أنا  جائعٌ.</seg></tuv><tuv xml:lang="en"><seg>I am hungry.</seg></tuv></tu>
            </body></tmx>
            """
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tarjuman-\(UUID().uuidString).tmx")
        try file.write(to: path, atomically: true, encoding: .utf8)
        let (before, after) = try roundTrip(path.path)
        #expect(before.count == 4)
        #expect(after == before)
    }

    @Test("The shared corpora as a TMX 1.1 file of another tool (lang attributes, notes, properties): every distinct pair comes back",
          .enabled(if: FileManager.default.fileExists(atPath: sharedData.path), "../shared/data is absent; skipping"))
    func corpora() throws {
        let pairs = try ParallelCorpus.all(dataRoot: sharedData).flatMap(\.pairs)
        var file = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.1"><header creationtool="other" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="EN" srclang="AR" datatype="plaintext"/><body>

            """
        func escaped(_ text: String) -> String {
            var bytes: [UInt8] = []
            _ = XMLText.append(text, to: &bytes)
            return String(decoding: bytes, as: UTF8.self)
        }
        for (index, pair) in pairs.enumerated() {
            file += "<tu tuid=\"\(index)\"><note>line \(index)</note><prop type=\"corpus\">\(index % 7)</prop>"
            file += "<tuv lang=\"AR\"><seg>\(escaped(pair.source))</seg></tuv><tuv lang=\"EN\"><seg>\(escaped(pair.target))</seg></tuv></tu>\n"
        }
        file += "</body></tmx>\n"
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tarjuman-\(UUID().uuidString)-corpora.tmx")
        try file.write(to: path, atomically: true, encoding: .utf8)
        let (before, after) = try roundTrip(path.path)
        let distinct = Set(pairs.map { [MergePolicy.comparable($0.source), MergePolicy.comparable($0.target)] })
        #expect(Set(before.map { [$0[0], $0[1]] }) == distinct)
        let returned = Set(after.map { [$0[0], $0[1]] })
        let lost = distinct.subtracting(returned)
        #expect(lost.isEmpty, "\(lost.count) of \(distinct.count) pairs lost, such as \(lost.first ?? [])")
        #expect(returned.count == distinct.count)
        // A pair seen once keeps its note and property.
        let counts = Dictionary(grouping: before, by: { [$0[0], $0[1]] }).mapValues(\.count)
        let single = before.filter { counts[[$0[0], $0[1]]] == 1 }
        #expect(single.subtracting(after).isEmpty)
    }
}
