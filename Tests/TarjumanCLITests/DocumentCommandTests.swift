import Foundation
import TarjumanEvaluation
import Testing

/// The path of a program on PATH, or nil.
func program(_ name: String) -> String? {
    for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
        let path = "\(folder)/\(name)"
        if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return nil
}

let pythonDocxLacks: String? = {
    guard let python = program("python3") else { return "python3 is not installed" }
    return (try? runProcess(python, ["-c", "import docx"]).status) == 0 ? nil : "python-docx is not installed (apt-get install python3-docx)"
}()

let libreOfficeLacks: String? = program("soffice") == nil ? "LibreOffice is not installed (apt-get install libreoffice-writer-nogui)" : nil

@Suite("tarjuman with DOCX and HTML documents")
struct DocumentCommandTests {
    func article(in directory: URL) throws {
        try WordFixture.writeArticle(to: directory.appendingPathComponent("article.docx").path)
    }

    /// The article imported and partly translated, exported as out.docx.
    func translatedArticle() throws -> URL {
        let directory = try freshDirectory()
        try article(in: directory)
        let imported = try run(["import", "article.docx"], in: directory)
        #expect(imported.status == 0)
        #expect(imported.stdout == "article.docx: document 1, 7 units, 6 paragraphs, 2 inline codes\n")
        for (unit, text) in [("1.1", "Doha Climate Summit"),
                             ("1.2", "The Secretary-General said that <b1>the historic agreement</b1> would enter into force soon."),
                             ("1.3", "He added that the details are on the official website."),
                             ("1.7", "See the annual report.")] {
            #expect(try run(["render", unit, text], in: directory).status == 0)
        }
        let exported = try run(["export", "out.docx", "--document", "1"], in: directory)
        #expect(exported.status == 0)
        #expect(exported.stdout == "out.docx: 6 paragraphs, 4 units in English, 3 without a rendering kept in Arabic\n")
        return directory
    }

    @Test("import article.docx, render with tags, export out.docx; check finds the link a rendering left out")
    func docxRoundTrip() throws {
        let directory = try translatedArticle()
        let body = try WordFixture.part("word/document.xml", of: directory.appendingPathComponent("out.docx").path)
        #expect(body.contains(#"<w:b/><w:bCs/><w:lang w:val="en-US"/></w:rPr><w:t xml:space="preserve">the historic agreement</w:t>"#))
        #expect(body.contains(#"<w:t xml:space="preserve"> He added that the details are on the official website.</w:t>"#))
        let check = try run(["check", "--only", "inline-codes"], in: directory)
        #expect(check.stdout.contains("1.3: the English leaves out <a1>…</a1> (link); place the tags where the formatting goes"))
        let text = try run(["export", "out.txt", "--document", "1", "--untranslated", "skip"], in: directory)
        #expect(text.status == 0)
        #expect(try String(contentsOf: directory.appendingPathComponent("out.txt"), encoding: .utf8) == """
            Doha Climate Summit

            The Secretary-General said that the historic agreement would enter into force soon. He added that the details are on the official website.

            See the annual report.

            """)
    }

    @Test("python-docx reads the English DOCX: heading, paragraphs, table cells", .enabled(if: pythonDocxLacks == nil, Comment(rawValue: pythonDocxLacks ?? "")))
    func pythonDocxReadsExport() throws {
        let directory = try translatedArticle()
        let script = """
            import docx, sys
            d = docx.Document(sys.argv[1])
            for p in d.paragraphs: print(p.style.name + "|" + p.text)
            for t in d.tables:
                for r in t.rows: print("row|" + "|".join(c.text for c in r.cells))
            """
        let result = try runProcess(program("python3")!, ["-c", script, directory.appendingPathComponent("out.docx").path])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.hasPrefix("Heading 1|Doha Climate Summit\nNormal|The Secretary-General said that the historic agreement would enter into force soon. He added that the details are on the official website.\n"))
        #expect(result.output.contains("row|الدولة|المبلغ\nrow|قطر|500"))
    }

    @Test("LibreOffice converts the English DOCX to PDF headless without error", .enabled(if: libreOfficeLacks == nil, Comment(rawValue: libreOfficeLacks ?? "")))
    func libreOfficeConvertsExport() throws {
        let directory = try translatedArticle()
        let result = try runProcess(program("soffice")!, ["--headless", "-env:UserInstallation=file://\(directory.path)/lo-profile",
                                                          "--convert-to", "pdf", "--outdir", directory.path,
                                                          directory.appendingPathComponent("out.docx").path])
        #expect(result.status == 0, "\(result.output)")
        let pdf = try Data(contentsOf: directory.appendingPathComponent("out.pdf"))
        #expect(pdf.starts(with: Array("%PDF".utf8)))
    }

    @Test("A renamed .doc, a truncated DOCX, an HTML page without a body: one line on stderr, exit 1, the database as it was")
    func badDocuments() throws {
        let directory = try freshDirectory()
        #expect(try run(["import", sample], in: directory).status == 0)
        let before = try run(["units"], in: directory).stdout
        try article(in: directory)
        let good = try Data(contentsOf: directory.appendingPathComponent("article.docx"))
        try good.prefix(good.count - 200).write(to: directory.appendingPathComponent("cut.docx"))
        try (Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + Data(count: 1000)).write(to: directory.appendingPathComponent("old.docx"))
        try Data("<html><head><title>عنوان</title></head></html>".utf8).write(to: directory.appendingPathComponent("empty.html"))
        for (file, message) in [("cut.docx", "cut.docx: is not a complete DOCX file"),
                                ("old.docx", "old.docx: is a Word 97-2003 (.doc) file, not a DOCX"),
                                ("empty.html", "empty.html: has no body, so nothing to translate")] {
            let result = try run(["import", "article.docx", file], in: directory)
            #expect(result.status != 0)
            #expect(lines(result.stderr).count == 1)
            #expect(result.stderr.contains(message), "\(result.stderr)")
        }
        #expect(try run(["units"], in: directory).stdout == before)
        #expect(lines(try run(["documents"], in: directory).stdout).count == 1)
    }

    @Test("An HTML page in windows-1256 is imported as it declares (said on stderr) and exported as UTF-8 English")
    func legacyHTML() throws {
        let directory = try freshDirectory()
        let fixture = packageRoot.appendingPathComponent("Tests/Fixtures/html/news-agency-1256.html")
        try FileManager.default.copyItem(at: fixture, to: directory.appendingPathComponent("agency.html"))
        let imported = try run(["import", "agency.html"], in: directory)
        #expect(imported.status == 0)
        #expect(imported.stderr == "agency.html: read as windows-1256, as it declares\n")
        #expect(imported.stdout == "agency.html: document 1, 10 units, 9 paragraphs, 3 inline codes\n")
        #expect(try run(["render", "1.3", "Government announces next year's budget"], in: directory).status == 0)
        #expect(try run(["export", "english.html", "--document", "1"], in: directory).status == 0)
        let html = try String(contentsOf: directory.appendingPathComponent("english.html"), encoding: .utf8)
        #expect(html.contains("<b>Government announces next year's budget</b>"))
        #expect(html.contains("<html dir=\"ltr\" lang=\"en\">"))
        let wrong = try run(["export", "english.docx", "--document", "1"], in: directory)
        #expect(wrong.status != 0)
        #expect(wrong.stderr.contains("it was imported from HTML (agency.html), so it can be written as .html or .txt, not as .docx"))
    }

    @Test("A folder of text, DOCX and HTML files imports them all in one command, in name order")
    func mixedFolder() throws {
        let directory = try freshDirectory()
        let folder = directory.appendingPathComponent("inbox")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try WordFixture.writeArticle(to: folder.appendingPathComponent("b-article.docx").path)
        try FileManager.default.copyItem(at: URL(fileURLWithPath: sample), to: folder.appendingPathComponent("a-sample.txt"))
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("Tests/Fixtures/html/news-modern.html"),
                                         to: folder.appendingPathComponent("c-news.html"))
        let result = try run(["import", "inbox"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(lines(result.stdout) == [
            "a-sample.txt: document 1, 12 units",
            "b-article.docx: document 2, 7 units, 6 paragraphs, 2 inline codes",
            "c-news.html: document 3, 24 units, 22 paragraphs, 7 inline codes",
        ])
        let documents = try run(["documents", "--json"], in: directory)
        #expect(documents.stdout.contains(#""format" : "docx""#) && documents.stdout.contains(#""format" : "html""#))
    }
}
