import Foundation
import GRDB
import Testing
@testable import TarjumanCore

@Suite("TMX import")
struct TMXImportTests {
    func write(_ text: String, encoding: String.Encoding = .utf8, bom: [UInt8] = [], name: String = "memory.tmx") throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tarjuman-\(UUID().uuidString)-\(name)")
        try (Data(bom) + text.data(using: encoding)!).write(to: url)
        return url.path
    }

    func pairs(_ store: TranslationStore) throws -> [[String]] {
        try store.database.read { db in
            try Row.fetchAll(db, sql: "SELECT u.text, r.text FROM rendering r JOIN unit u ON u.id = r.unitId ORDER BY r.id").map { [$0[0], $0[1]] }
        }
    }

    static let lenient = """
        <?xml version="1.0" encoding="UTF-8"?>
        <tmx version="1.1">
        <header creationtool="po2tmx" creationtoolversion="3" segtype="sentence" o-tmf="PO" adminlang="en" srclang="en" datatype="po"/>
        <body>
        <tu tuid="a" creationdate="20240102T030405Z" creationid="nadia">
          <note>checked by the desk</note>
          <prop type="client">UNRWA</prop>
          <tuv lang="FR"><seg>Bonjour</seg></tuv>
          <tuv lang="AR"><seg>قال <bpt i="1">&lt;b&gt;</bpt>المتحدث<ept i="1">&lt;/b&gt;</ept> إن <hi>الوفد</hi> وصل<ph x="2">{1}</ph>.</seg></tuv>
          <tuv lang="EN-US"><seg>The <bpt i="1">&lt;b&gt;</bpt>spokesman<ept i="1">&lt;/b&gt;</ept> said the <hi>delegation</hi> arrived.</seg></tuv>
        </tu>
        <tu changedate="2024-05-06T07:08:09Z" changeid="omar">
          <tuv xml:lang="ar_EG"><seg>  وعقد الوفد اجتماعا مطولا.  </seg></tuv>
          <tuv xml:lang="en-gb"><seg>The delegation held a long meeting.</seg></tuv>
        </tu>
        <tu><tuv xml:lang="en"><seg>English only</seg></tuv><tuv xml:lang="fr"><seg>Français</seg></tuv></tu>
        <tu><tuv xml:lang="ar"><seg>عربي فقط</seg></tuv></tu>
        <tu><tuv xml:lang="x-unknown"><seg>ثم غادر الوفد المدينة.</seg></tuv><tuv xml:lang="eng"><seg>Then the delegation left the city.</seg></tuv></tu>
        <tu><tuv xml:lang="ar"><seg> </seg></tuv><tuv xml:lang="en"><seg>Empty Arabic</seg></tuv></tu>
        </body>
        </tmx>
        """

    @Test("Lenient reading: TMX 1.1, lang, codes in any case with regions, markup reduced, three variants, a wrong srclang, script fallback")
    func lenient() throws {
        let store = try makeStore()
        let outcome = try MemoryImporter(database: store.database).importFile(try write(Self.lenient))
        #expect(outcome.read == 6)
        #expect(outcome.added == 3)
        #expect(outcome.skipped == [.noArabic: 1, .noEnglish: 1, .emptySegment: 1])
        #expect(outcome.droppedCodes == 5)
        #expect(try pairs(store) == [
            ["قال المتحدث إن الوفد وصل.", "The spokesman said the delegation arrived."],
            ["وعقد الوفد اجتماعا مطولا.", "The delegation held a long meeting."],
            ["ثم غادر الوفد المدينة.", "Then the delegation left the city."],
        ])
        let first = try store.detail(of: UnitID(document: 1, ordinal: 1))
        #expect(first.current?.translator == "nadia")
        #expect(first.current?.note == "checked by the desk")
        #expect(first.current?.properties == #"[{"type":"client","value":"UNRWA"}]"#)
        #expect(first.current?.status == .approved)
        #expect(first.current?.origin.hasPrefix("tmx ") == true)
        #expect(first.current?.createdAt == TMXReader.date("20240102T030405Z"))
        let second = try store.detail(of: UnitID(document: 1, ordinal: 2))
        #expect(second.current?.translator == "omar")
        #expect(second.current?.createdAt == Date(timeIntervalSince1970: 1_714_979_289))
        #expect(try store.documents().isEmpty)
        #expect(try MemoryStore(database: store.database).memories().map(\.entries) == [3])
        #expect(try MemoryMatcher(database: store.database).matches(for: "وعقد الوفد اجتماعا مطولا.").first?.kind == .exact)
        // Notes and properties go out again on export.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tarjuman-\(UUID().uuidString).tmx")
        _ = try TMXWriter(database: store.database).export(to: file.path)
        let exported = try String(contentsOf: file, encoding: .utf8)
        #expect(exported.contains("<note>checked by the desk</note>\n      <prop type=\"client\">UNRWA</prop>"))
    }

    @Test("UTF-8 with a byte order mark and UTF-16 (both orders) with one")
    func encodings() throws {
        let body = Self.lenient.replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"UTF-16\"")
        for (encoding, bom) in [(String.Encoding.utf16LittleEndian, [UInt8(0xFF), 0xFE]), (.utf16BigEndian, [0xFE, 0xFF])] {
            let store = try makeStore()
            #expect(try MemoryImporter(database: store.database).importFile(try write(body, encoding: encoding, bom: bom)).added == 3)
        }
        let store = try makeStore()
        #expect(try MemoryImporter(database: store.database).importFile(try write(Self.lenient, bom: [0xEF, 0xBB, 0xBF])).added == 3)
    }

    @Test("Within one file, the same source and target is merged; another target or spelling is an entry; documents are not touched")
    func repeatsInOneFile() throws {
        let store = try makeStore()
        _ = try store.importDocuments([try segmented("قالت حماس إن الاتفاق صامد.")])
        let file = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4"><header srclang="ar" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/><body>
            <tu><tuv xml:lang="ar"><seg>وصل الوفد إلى القاهرة.</seg></tuv><tuv xml:lang="en"><seg>The delegation reached Cairo.</seg></tuv></tu>
            <tu><tuv xml:lang="ar"><seg>وصل الوفد إلى القاهرة.</seg></tuv><tuv xml:lang="en"><seg>The delegation reached Cairo.</seg></tuv></tu>
            <tu><tuv xml:lang="ar"><seg>وصل الوفد الى القاهرة.</seg></tuv><tuv xml:lang="en"><seg>The delegation arrived in Cairo.</seg></tuv></tu>
            <tu><tuv xml:lang="ar"><seg>قالت حماس إن الاتفاق صامد.</seg></tuv><tuv xml:lang="en"><seg>Hamas said the deal holds.</seg></tuv></tu>
            <tu><tuv xml:lang="ar"><seg>وصل الوفد إلى القاهرة.</seg></tuv><tuv xml:lang="en"><seg>The delegation arrived in Cairo.</seg></tuv></tu>
            </body></tmx>
            """
        let outcome = try MemoryImporter(database: store.database).importFile(try write(file))
        #expect(outcome.added == 4)
        #expect(outcome.merged == 1)
        #expect(try store.detail(of: UnitID(document: 1, ordinal: 1)).current == nil)
        #expect(try MemoryStore(database: store.database).memories().map(\.entries) == [4])
    }

    @Test("Repeats near and far in a long file are found whether or not their first occurrence was written yet")
    func repeatsAcrossBatches() throws {
        let store = try makeStore()
        let header = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4"><header srclang="ar" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/><body>
            """
        func unit(_ number: Int, _ english: String) -> String {
            "<tu><tuv xml:lang=\"ar\"><seg>وصلت الرسالة رقم \(number) إلى المكتب.</seg></tuv><tuv xml:lang=\"en\"><seg>\(english)</seg></tuv></tu>\n"
        }
        var body = ""
        for number in 0 ..< 300 {
            body += unit(number, "Message \(number) reached the office.")
            if number % 50 == 7 { body += unit(number, "Message \(number) reached the office.") }
            if number % 50 == 9 { body += unit(number - 8, "Message number \(number - 8) arrived.") }
            if number % 50 == 11 { body += unit(number - 10, "Message number \(number - 10) arrived.") }
        }
        body += unit(5, "Message 5 reached the office.") + unit(299, "The last message arrived.")
        let outcome = try MemoryImporter(database: store.database).importFile(try write(header + body + "</body></tmx>"))
        #expect(outcome.read == 320)
        #expect(outcome.added == 307)
        #expect(outcome.merged == 13)
        let ids = try store.database.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM unit ORDER BY id") }
        #expect(ids == Array(1 ... 307))
        func targets(_ number: Int) throws -> [String] {
            try store.database.read { db in
                try String.fetchAll(db, sql: "SELECT r.text FROM unit u JOIN rendering r ON r.unitId = u.id WHERE u.text = ? ORDER BY r.text",
                                    arguments: ["وصلت الرسالة رقم \(number) إلى المكتب."])
            }
        }
        #expect(try targets(1) == ["Message 1 reached the office.", "Message number 1 arrived."])
        #expect(try targets(299) == ["Message 299 reached the office.", "The last message arrived."])
        #expect(try targets(7) == ["Message 7 reached the office."])
        let matches = try MemoryMatcher(database: store.database).matches(for: "وصلت الرسالة رقم 151 إلى المكتب.")
        #expect(matches.first?.score == 100)
    }

    @Test("The same entry again is merged; another English for a source is an alternative entry beside it")
    func duplicates() throws {
        let store = try makeStore()
        let importer = MemoryImporter(database: store.database, memory: "desk")
        _ = try importer.importFile(try write(Self.lenient))
        let again = try importer.importFile(try write(Self.lenient))
        #expect(again.added == 0)
        #expect(again.merged == 3)
        let changed = Self.lenient.replacingOccurrences(of: "The delegation held a long meeting.", with: "The delegation met at length.")
        let third = try importer.importFile(try write(changed))
        #expect(third.merged == 2)
        #expect(third.added == 1)
        #expect(try store.detail(of: UnitID(document: 1, ordinal: 2)).history.map(\.text) == ["The delegation held a long meeting."])
        #expect(try store.documents().isEmpty)
        #expect(try MemoryStore(database: store.database).memories().map(\.entries) == [4])
    }

    @Test("Export then import gives back the same units, renderings, translators, dates and status")
    func roundTrip() throws {
        let source = try makeStore()
        _ = try source.importDocuments([try segmented("قال المتحدث إن الوفد وصل. وعقد الوفد اجتماعا مطولا.", name: "news.txt")])
        let date = Date(timeIntervalSince1970: 1_760_000_000)
        _ = try source.render([RenderingInput(unit: UnitID(document: 1, ordinal: 1), text: "He said <it> & more.")],
                              translator: "sara", status: .draft, origin: "manual", at: date)
        _ = try source.render([RenderingInput(unit: UnitID(document: 1, ordinal: 2), text: "They met.")],
                              translator: nil, status: .approved, origin: "manual", at: date)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tarjuman-\(UUID().uuidString).tmx")
        _ = try TMXWriter(database: source.database).export(to: file.path)
        let target = try makeStore()
        let outcome = try MemoryImporter(database: target.database).importFile(file.path)
        #expect(outcome.added == 2)
        #expect(try pairs(target) == [["قال المتحدث إن الوفد وصل.", "He said <it> & more."], ["وعقد الوفد اجتماعا مطولا.", "They met."]])
        let first = try target.detail(of: UnitID(document: 1, ordinal: 1))
        #expect(first.documentName == "\(file.lastPathComponent): news.txt")
        #expect(first.current?.translator == "sara")
        #expect(first.current?.status == .draft)
        #expect(first.current?.createdAt == date)
    }

    @Test("Malformed XML is rejected with file, line and column, and nothing is stored")
    func malformed() throws {
        let store = try makeStore()
        let broken = Self.lenient.replacingOccurrences(of: "</tu>\n<tu><tuv xml:lang=\"en\">", with: "</tuu>\n<tu><tuv xml:lang=\"en\">")
        let path = try write(broken)
        do {
            _ = try MemoryImporter(database: store.database).importFile(path)
            Issue.record("a malformed file was accepted")
        } catch let TarjumanError.malformedFile(file, line, column, _) {
            #expect(file == path)
            #expect(line == 15)
            #expect(column > 1)
        }
        #expect(try store.documents().isEmpty)
        #expect(try pairs(store).isEmpty)
        let empty = try write("")
        #expect(throws: TarjumanError.emptyInput(file: empty)) { _ = try MemoryImporter(database: store.database).importFile(empty) }
    }

    @Test("No entity expansion bomb is expanded and no external entity is fetched")
    func entities() throws {
        let store = try makeStore()
        let bomb = """
            <?xml version="1.0"?>
            <!DOCTYPE tmx [
              <!ENTITY a "aaaaaaaaaa">
              <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
              <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
            ]>
            <tmx version="1.4"><header/><body><tu><tuv xml:lang="ar"><seg>&c;</seg></tuv><tuv xml:lang="en"><seg>x</seg></tuv></tu></body></tmx>
            """
        #expect(throws: TarjumanError.self) { _ = try MemoryImporter(database: store.database).importFile(try write(bomb)) }
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("tarjuman-secret-\(UUID().uuidString).dtd")
        try #"<!ENTITY leak "SECRET-FROM-DISK">"#.write(to: secret, atomically: true, encoding: .utf8)
        let external = """
            <?xml version="1.0"?>
            <!DOCTYPE tmx SYSTEM "\(secret.path)">
            <tmx version="1.4"><header/><body><tu><tuv xml:lang="ar"><seg>نص &leak; هنا</seg></tuv><tuv xml:lang="en"><seg>text</seg></tuv></tu></body></tmx>
            """
        _ = try? MemoryImporter(database: store.database).importFile(try write(external))
        #expect(try !pairs(store).contains { $0[0].contains("SECRET") })
    }

    @Test("Escapes, character references and CDATA come back as text, in attributes too")
    func escapes() throws {
        let file = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4"><header srclang="ar&amp;en"/><body>
            <tu tuid="t&amp;1" creationid="sara &amp; omar"><note>a &amp; b &lt;c&gt;</note><prop type="client &amp; co">x &amp;#38; y</prop>
            <tuv xml:lang="ar"><seg><![CDATA[نص <b> & ]]>هنا</seg></tuv><tuv xml:lang="en"><seg>Fish &amp; chips &#x41;&#66;</seg></tuv></tu>
            </body></tmx>
            """
        let reader = TMXReader()
        var entries: [MemoryEntry] = []
        try reader.parse(path: try write(file)) { entries.append($0) }
        #expect(reader.headerSourceLanguage == "ar&en")
        #expect(entries == [MemoryEntry(tuid: "t&1", source: "نص <b> & هنا", target: "Fish & chips AB", translator: "sara & omar",
                                        notes: ["a & b <c>"], properties: [MemoryProperty(type: "client & co", value: "x &#38; y")])])
    }

    /// Where a malformed-file error says the problem is, and why.
    static func malformedPlace(_ error: any Error) -> (file: String, line: Int, column: Int, reason: String)? {
        guard case let TarjumanError.malformedFile(file, line, column, reason) = error else { return nil }
        return (file, line, column, reason)
    }

    @Test("A character XML forbids, an undeclared entity, an entity declared far into the file and a truncated file are refused with their place, in one line")
    func refusedLate() throws {
        let store = try makeStore()
        let comment = "<!-- " + String(repeating: "x", count: 70_000) + " -->\n"
        let cases: [(text: String, line: Int)] = [
            ("<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header/><body>\n<tu><tuv xml:lang=\"ar\"><seg>نص \u{01} هنا</seg></tuv></tu></body></tmx>\n", 3),
            ("<?xml version=\"1.0\"?>\n<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n<tmx version=\"1.4\"><header/><body>\n"
                + "<tu><tuv xml:lang=\"ar\"><seg>نص &foo; هنا</seg></tuv><tuv xml:lang=\"en\"><seg>text</seg></tuv></tu></body></tmx>\n", 4),
            ("<?xml version=\"1.0\"?>\n" + comment + "<!DOCTYPE tmx [<!ENTITY a \"aaaa\">]>\n<tmx version=\"1.4\"><header/><body>"
                + "<tu><tuv xml:lang=\"ar\"><seg>&a;</seg></tuv><tuv xml:lang=\"en\"><seg>x</seg></tuv></tu></body></tmx>\n", 3),
            ("<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header/><body>\n<tu><tuv xml:lang=\"ar\"><seg>نص</seg></tuv>"
                + "<tuv xml:lang=\"en\"><seg>te", 3),
        ]
        for (text, expectedLine) in cases {
            let path = try write(text)
            do {
                _ = try MemoryImporter(database: store.database).importFile(path)
                Issue.record("\(path) was accepted")
            } catch {
                let place = Self.malformedPlace(error)
                #expect(place?.file == path)
                #expect(place?.line == expectedLine)
                #expect((place?.column ?? 0) > 1)
                #expect(place.map { !$0.reason.isEmpty && !$0.reason.contains("\n") } == true)
            }
        }
        let invalid = FileManager.default.temporaryDirectory.appendingPathComponent("tarjuman-\(UUID().uuidString)-invalid.tmx")
        try (Data("<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header/><body>\n<tu><tuv xml:lang=\"ar\"><seg>نص ".utf8)
            + Data([0xFF, 0xFE]) + Data(" هنا</seg></tuv></tu></body></tmx>\n".utf8)).write(to: invalid)
        do {
            _ = try MemoryImporter(database: store.database).importFile(invalid.path)
            Issue.record("invalid UTF-8 was accepted")
        } catch {
            let place = Self.malformedPlace(error)
            #expect(place?.line == 3)
            #expect(place.map { $0.reason.contains("UTF-8") && !$0.reason.contains("\n") } == true)
        }
        #expect(try pairs(store).isEmpty)
    }

    @Test("Elements nested the wrong way round are read without harm: a tu inside a segment, codes outside one, a segment before any variant")
    func oddNesting() throws {
        let file = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4"><header/><body>
            <tu><tuv xml:lang="ar"><seg>نص<tu></tu>ثم</seg><bpt i="1">x</bpt></tuv><tuv xml:lang="en"><seg>lost</seg></tuv></tu>
            <tu><seg>قبل</seg><ph>1</ph><tuv xml:lang="ar"><seg>وصل <sub><seg>داخل</seg></sub>الوفد.</seg></tuv><tuv xml:lang="en"><seg>x</seg></tuv></tu>
            <tu><tuv xml:lang="ar"><seg>وصل <ph>{1}</ph>الوفد.</seg></tuv><tuv xml:lang="en"><seg>The delegation <bpt i="1">b</bpt>arrived.</seg></tuv></tu>
            </body></tmx>
            """
        let reader = TMXReader()
        var entries: [MemoryEntry] = []
        try reader.parse(path: try write(file)) { entries.append($0) }
        // The inner tu closes the first unit (it has no variant yet); the second unit's Arabic
        // segment ends where the segment inside the code ends, empty; the third is read whole.
        #expect(reader.read == 3)
        #expect(reader.skipped == [.noArabic: 1, .emptySegment: 1])
        #expect(entries.map(\.source) == ["وصل الوفد."])
        #expect(entries.map(\.target) == ["The delegation arrived."])
        #expect(entries.map(\.droppedCodes) == [2])
    }

    static let conformance = sharedData.appendingPathComponent("tmx-conformance/src/test/resources/data/tmx")

    @Test("Every file of OmegaT's TMX suite is read whole (its tu count) and stored or skipped with reasons",
          .enabled(if: FileManager.default.fileExists(atPath: conformance.path), "../shared/data is absent; skipping"))
    func conformanceSuite() throws {
        let files = FileManager.default.enumerator(atPath: Self.conformance.path)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".tmx") }.sorted()
        #expect(files.count >= 40)
        for file in files {
            let path = Self.conformance.appendingPathComponent(file).path
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            let text: String
            if data.starts(with: [0xFF, 0xFE]) {
                text = String(data: data.dropFirst(2), encoding: .utf16LittleEndian) ?? ""
            } else if data.starts(with: [0xFE, 0xFF]) {
                text = String(data: data.dropFirst(2), encoding: .utf16BigEndian) ?? ""
            } else {
                text = String(decoding: data, as: UTF8.self)
            }
            let withoutComments = text.replacingOccurrences(of: "<!--[\\s\\S]*?-->", with: "", options: .regularExpression)
            let expected = try NSRegularExpression(pattern: "<tu[\\s>]").numberOfMatches(
                in: withoutComments, range: NSRange(withoutComments.startIndex..., in: withoutComments))
            let store = try makeStore()
            let outcome = try MemoryImporter(database: store.database).importFile(path)
            #expect(outcome.read == expected, "\(file)")
            #expect(outcome.read == outcome.added + outcome.merged + outcome.skipped.values.reduce(0, +), "\(file)")
        }
    }
}

@Suite("TMX dates and trimming")
struct TMXDateTests {
    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    @Test("Basic, extended and day-only dates give the moment the calendar gives", arguments: [
        ("20240102T030405Z", 2024, 1, 2, 3, 4, 5), ("2024-05-06T07:08:09Z", 2024, 5, 6, 7, 8, 9),
        ("20000229T235959Z", 2000, 2, 29, 23, 59, 59), ("19691231T235959Z", 1969, 12, 31, 23, 59, 59),
        ("19700101T000000Z", 1970, 1, 1, 0, 0, 0), ("20240506", 2024, 5, 6, 0, 0, 0),
        ("21000301T120000Z", 2100, 3, 1, 12, 0, 0), ("16000229T000000Z", 1600, 2, 29, 0, 0, 0),
    ])
    func dates(text: String, year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) throws {
        let expected = try #require(Self.calendar.date(from: DateComponents(year: year, month: month, day: day,
                                                                           hour: hour, minute: minute, second: second)))
        #expect(TMXReader.date(text) == expected)
    }

    @Test("Digits that make no date give none", arguments: ["", "2024", "20241301T000000Z", "20230229T000000Z",
                                                             "21000229T000000Z", "20240431T000000Z", "20240101T250000Z", "not a date"])
    func invalid(text: String) {
        #expect(TMXReader.date(text) == nil)
    }

    @Test("Trimming removes Unicode white space at both ends only, as Foundation does", arguments: [
        "  قال حماس  ", "\n\t Hamas said.\r\n", "\u{00A0}\u{2003}نص\u{3000}", "", "   ", "\u{2028}a b\u{2029}", "\u{200B}x\u{200B}", " \u{064B}نص",
    ])
    func trimming(text: String) {
        #expect(text.trimmingWhitespace() == text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}

@Suite("Memory entries beyond the length bound")
struct MemoryEntryBoundTests {
    @Test("An entry with a side over 64 KB is skipped with its reason; the rest of the file is imported")
    func tooLong() throws {
        let store = try makeStore()
        let long = String(repeating: "وصل الوفد إلى المدينة ", count: 3_000)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("long-\(UUID().uuidString).tsv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "وصل الوفد.\tThe delegation arrived.\n\(long)\tA very long entry.\nغادر الوفد.\tThe delegation left.\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        #expect(long.utf8.count > MemoryEntry.maximumBytes)
        let outcome = try MemoryImporter(database: store.database).importFile(path)
        #expect(outcome.read == 3)
        #expect(outcome.added == 2)
        #expect(outcome.skipped == [.tooLong: 1])
        #expect(outcome.read == outcome.added + outcome.merged + outcome.skipped.values.reduce(0, +))
    }
}
