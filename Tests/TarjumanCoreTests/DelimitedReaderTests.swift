import Foundation
import GRDB
import Testing
@testable import TarjumanCore

@Suite("Reading TSV and CSV as their writers meant")
struct DelimitedReaderTests {
    func rows(_ text: String, separator: Unicode.Scalar = "\t", quoting: DelimitedQuoting = .auto) throws(TarjumanError) -> [[String]] {
        try rows(Data(text.utf8), separator: separator, quoting: quoting).rows
    }

    func rows(_ data: Data, separator: Unicode.Scalar = "\t", quoting: DelimitedQuoting = .auto,
              origin: String = "t.tsv") throws(TarjumanError) -> (rows: [[String]], layout: DelimitedLayout) {
        let reader = try DelimitedReader(source: TextFileBytes(data: data, origin: origin), separator: separator, quoting: quoting)
        var result: [[String]] = []
        while let row = try reader.next() { result.append(row.map(\.value)) }
        return (result, reader.layout)
    }

    @Test("Plain TSV: quotes at the start, in the middle and at the end of fields are text")
    func plainQuotes() throws {
        let text = """
            "Water for Life" Decade\tعقد "الماء من أجل الحياة"
            "المقاومة خيارنا الاستراتيجي."\t"Resistance is our strategic choice."
            قال "نعم" ثم مضى\tHe said "yes" and left
            He said: "no\tقال: "لا
            """
        #expect(try rows(text) == [
            ["\"Water for Life\" Decade", "عقد \"الماء من أجل الحياة\""],
            ["\"المقاومة خيارنا الاستراتيجي.\"", "\"Resistance is our strategic choice.\""],
            ["قال \"نعم\" ثم مضى", "He said \"yes\" and left"],
            ["He said: \"no", "قال: \"لا"],
        ])
    }

    @Test("A quotation opened in one row and closed in a later one does not swallow the rows between")
    func quotationAcrossRows() throws {
        let text = "\"He said he would come\tقال إنه سيأتي\nand he came.\"\tوقد جاء.\"\n"
        #expect(try rows(text) == [["\"He said he would come", "قال إنه سيأتي"], ["and he came.\"", "وقد جاء.\""]])
        // Quotations open in both columns of one row and close in both of the next: read as quoted,
        // the second column would take the next row's first field and the row be a field too wide.
        let both = "source\ttarget\n\"قال إنه\t\"He said\nسيأتي\"\the would come\"\nنص\ttext\n"
        #expect(try rows(both) == [["source", "target"], ["\"قال إنه", "\"He said"], ["سيأتي\"", "he would come\""], ["نص", "text"]])
        // An Arabic opening with a quotation mark and an English closing with one, on one row.
        let quoted = "\"قال إنه سيأتي”\tHe said he would come.\"\nنص\ttext\n"
        #expect(try rows(quoted) == [["\"قال إنه سيأتي”", "He said he would come.\""], ["نص", "text"]])
        #expect(try rows("source\ttarget\n" + quoted).dropFirst() == [["\"قال إنه سيأتي”", "He said he would come.\""], ["نص", "text"]])
        // A doubled quote in a quotation that spans whole rows is no writer's escaping.
        let peppa = "source\ttarget\n\"بيبا على ذلك.\t\"\"Peppa regrets it.\nماذا عليك.\tWhat.\nستبدأ الدراسة؟\"\tSchool begins?\n"
        #expect(try rows(peppa).count == 4)
        #expect(try rows(peppa)[2] == ["ماذا عليك.", "What."])
        let closedAtLineEnd = "source\ttarget\n\"بيبا.\t\"\"Peppa.\nماذا.\tWhat.\nنص\tbuilt on Solid.\"\n"
        #expect(try rows(closedAtLineEnd).count == 4)
    }

    @Test("Spreadsheet TSV: quoted cells with tabs, line breaks and doubled quotes are unquoted; other cells stay as written")
    func spreadsheetTSV() throws {
        let text = "source\ttarget\r\n\"سطر أول\nسطر ثان\"\t\"Line one\nline two\"\r\n\"قال \"\"نعم\"\"\"\t\"\"\"Yes,\"\" he said\"\r\nنص\t\"a\tb\"\r\n"
        let (read, layout) = try rows(Data(text.utf8))
        #expect(read == [["source", "target"], ["سطر أول\nسطر ثان", "Line one\nline two"], ["قال \"نعم\"", "\"Yes,\" he said"], ["نص", "a\tb"]])
        #expect(layout.quotedFields == 5)
        #expect(!layout.quotesEveryField)
    }

    @Test("Our own export of a cell with a tab and a line break reads back: a first line too short for the row is no quotation")
    func cellWithTabAndLineBreak() throws {
        let terms = [Term(arabic: "سطر\tأول\nسطر ثان", english: "one\ttwo\nthree"),
                     Term(arabic: "خلية\t\t\t\t\t\t\tبعلامات\nكثيرة", english: "many\ttabs")]
        let written = GlossaryFormat.tsv.write(terms)
        let back = try GlossaryFormat.tsv.read(Data(written.utf8), origin: "g.tsv", sourceName: "g").terms
        #expect(back.map(\.arabic) == terms.map(\.arabic))
        #expect(back.map(\.english) == terms.map(\.english))
    }

    @Test("A quote followed by a combining mark is doubled when written, and reads back")
    func quoteBeforeCombiningMark() throws {
        let value = "قال \"\u{0650}نعم\""
        #expect(DelimitedRecords.quote(value, separator: "\t") == "\"قال \"\"\u{0650}نعم\"\"\"")
        let terms = [Term(arabic: value, english: "He said \"\u{0301}yes\"")]
        let back = try GlossaryFormat.csv.read(Data(GlossaryFormat.csv.write(terms).utf8), origin: "g.csv", sourceName: "g").terms
        #expect(back.map(\.arabic) == [value])
    }

    @Test("A file that quotes every field is unquoted throughout, bare numbers allowed")
    func everyFieldQuoted() throws {
        let text = "\"source\"\t\"target\"\t\"n\"\n\"وصل الوفد.\"\t\"The delegation arrived.\"\t3\n\"\"\t\"\"\t\"\"\n"
        let (read, layout) = try rows(Data(text.utf8))
        #expect(read == [["source", "target", "n"], ["وصل الوفد.", "The delegation arrived.", "3"]])
        #expect(layout.quotesEveryField)
    }

    @Test("CSV is RFC 4180; a quote inside an unquoted field is text; a broken quoted field is refused with its place")
    func csv() throws {
        #expect(try rows("a,\"b, c\"\r\n\"x\ny\",\"He said \"\"no\"\"\"\nHa\"mas,2\n", separator: ",")
                == [["a", "b, c"], ["x\ny", "He said \"no\""], ["Ha\"mas", "2"]])
        #expect(throws: TarjumanError.malformedFile(file: "t.tsv", line: 1, column: 3, reason: "this quote is never closed")) {
            try rows("a,\"b\n", separator: ",")
        }
    }

    @Test("--quoting none keeps every quote; --quoting rfc4180 unquotes every quoted field and refuses broken ones")
    func forcedQuoting() throws {
        #expect(try rows("\"a\tb\"\tc\n", quoting: .none) == [["\"a", "b\"", "c"]])
        #expect(try rows("\"Resistance.\"\tx\n", quoting: .rfc4180) == [["Resistance.", "x"]])
        #expect(try rows("\"Resistance.\"\tx\n", quoting: .auto) == [["\"Resistance.\"", "x"]])
        #expect(throws: TarjumanError.malformedFile(file: "t.tsv", line: 1, column: 8,
                                                     reason: "text after a closing quote; double a quote inside a quoted field (\"\")")) {
            try rows("\"Water\" Decade\tx\n", quoting: .rfc4180)
        }
    }

    @Test("UTF-16 with a byte order mark (Excel's Unicode text) reads as UTF-8 would; zero bytes are refused")
    func encodings() throws {
        var utf16 = Data([0xFF, 0xFE])
        for unit in "وصل الوفد.\tThe delegation arrived.\r\n😀\tx\n".utf16 { utf16.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)]) }
        let (read, layout) = try rows(utf16)
        #expect(read == [["وصل الوفد.", "The delegation arrived."], ["😀", "x"]])
        #expect(layout.encoding == .utf16LittleEndian)
        var bigEndian = Data([0xFE, 0xFF])
        for unit in "نص\tt\n".utf16 { bigEndian.append(contentsOf: [UInt8(unit >> 8), UInt8(unit & 0xFF)]) }
        #expect(try rows(bigEndian).rows == [["نص", "t"]])
        #expect(throws: TarjumanError.binaryFile(file: "t.tsv", hint: "it holds zero bytes")) { try rows(Data(repeating: 0, count: 64)) }
        #expect(throws: TarjumanError.self) { try rows(Data([0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00])) }
    }

    @Test("Rows end at LF, CRLF and CR; blank rows are skipped; lines and columns are counted in characters")
    func lineEnds() throws {
        #expect(try rows("a\tb\r\n\r\n  \nc\td\re\tf") == [["a", "b"], ["c", "d"], ["e", "f"]])
        #expect(throws: TarjumanError.malformedFile(file: "t.tsv", line: 3, column: 9, reason: "this quote is never closed")) {
            try rows("x,y\n\"a\nb\",عربي,\"z\n", separator: ",")
        }
    }
}

@Suite("Headerless and headed delimited imports")
struct DelimitedHeaderTests {
    func write(_ text: String, name: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tarjuman-\(UUID().uuidString)-\(name)").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("A two-column glossary without a header is read as arabic, english; the reading is reported")
    func headerlessGlossary() throws {
        let contents = try GlossaryFormat.tsv.read(Data("عام\tgeneral\nمقاومة\tresistance\t\t\tnote\n".utf8), origin: "terms.tsv", sourceName: "terms.tsv")
        #expect(contents.terms.map(\.arabic) == ["عام", "مقاومة"])
        #expect(contents.terms.map(\.english) == ["general", "resistance"])
        #expect(contents.terms[1].note == "note")
        #expect(contents.reading?.hasPrefix("no header row") == true)
    }

    @Test("A header with aliases in any case is a header; an unknown column is left out with a warning")
    func headerAliases() throws {
        let contents = try GlossaryFormat.csv.read(Data("English,AR,Colour\ngeneral,عام,red\n".utf8), origin: "g.csv", sourceName: "g.csv")
        #expect(contents.terms.map(\.arabic) == ["عام"])
        #expect(contents.terms.map(\.english) == ["general"])
        #expect(contents.warnings.count == 1)
        #expect(contents.warnings[0].contains("'Colour' is not a glossary column"))
        #expect(contents.reading?.hasPrefix("header row: English, AR, Colour") == true)
    }

    @Test("A headerless memory keeps its first row; a header row is named in the outcome")
    func headerlessMemory() throws {
        let store = try makeStore()
        let bare = try write("\"المقاومة خيارنا الاستراتيجي.\"\t\"Resistance is our strategic choice.\"\nغادر الوفد.\tThe delegation left.\n", name: "bare.tsv")
        let outcome = try MemoryImporter(database: store.database).importFile(bare)
        #expect(outcome.added == 2)
        #expect(outcome.reading?.hasPrefix("no header row") == true)
        let targets = try store.database.read { db in try String.fetchAll(db, sql: "SELECT text FROM rendering ORDER BY id") }
        #expect(targets == ["\"Resistance is our strategic choice.\"", "The delegation left."])
        let headed = try write("Target\tSOURCE\nThe delegation came.\tجاء الوفد.\n", name: "headed.tsv")
        let second = try MemoryImporter(database: store.database).importFile(headed)
        #expect(second.added == 1)
        #expect(second.reading?.hasPrefix("header row: Target, SOURCE") == true)
    }

    @Test("A first row whose first field is Arabic is data even when another field is a column name")
    func arabicFirstRowIsData() throws {
        let contents = try GlossaryFormat.tsv.read(Data("مصدر\tsource\n".utf8), origin: "g.tsv", sourceName: "g.tsv")
        #expect(contents.terms.map(\.english) == ["source"])
    }

    @Test("render --tsv files read with or without a header, quotes kept as text")
    func renderings() throws {
        let inputs = try RenderingTSV.parse(SourceText(origin: "r.tsv", text: "1.1\t\"Resistance is our strategic choice.\"\n1.2\t\"Water\" Decade\n"))
        #expect(inputs.map(\.text) == ["\"Resistance is our strategic choice.\"", "\"Water\" Decade"])
        let headed = try RenderingTSV.parse(SourceText(origin: "r.tsv", text: "Unit\tTranslation\n1.1\tok\n"))
        #expect(headed.map(\.text) == ["ok"])
    }
}
