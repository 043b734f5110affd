import Foundation
import ZIPFoundation

/// DOCX files written in code for tests and evaluations: the package parts Word needs, with the
/// body and footnotes given as WordprocessingML.
package enum WordFixture {
    package static let namespaces = #"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#

    /// Run properties of right-to-left Arabic text.
    package static let arabicRun = #"<w:rPr><w:rtl/><w:lang w:bidi="ar-SA"/></w:rPr>"#

    /// A right-to-left paragraph of Arabic runs; each run given as its text, or as raw XML when it starts with `<`.
    package static func paragraph(_ runs: [String], style: String? = nil) -> String {
        let properties = "<w:pPr>" + (style.map { #"<w:pStyle w:val="\#($0)"/>"# } ?? "") + "<w:bidi/></w:pPr>"
        return "<w:p>" + properties + runs.map { run in
            run.hasPrefix("<") ? run : #"<w:r>\#(arabicRun)<w:t xml:space="preserve">\#(run)</w:t></w:r>"#
        }.joined() + "</w:p>"
    }

    /// A news article: a heading, a sentence with a bold phrase and a footnote reference, a
    /// sentence with a hyperlink, a table of two rows, an empty paragraph; and its footnote.
    package static let articleBody = [
        paragraph(["قمة الدوحة للمناخ"], style: "Heading1"),
        paragraph([
            "قال الأمين العام إن ",
            #"<w:r><w:rPr><w:b/><w:bCs/><w:rtl/></w:rPr><w:t>الاتفاق التاريخي</w:t></w:r>"#,
            " سيدخل حيز التنفيذ قريبا.",
            #"<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/><w:rtl/></w:rPr><w:footnoteReference w:id="1"/></w:r>"#,
            " وأضاف أن التفاصيل متاحة على ",
            #"<w:hyperlink r:id="rId3"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/><w:rtl/></w:rPr><w:t>الموقع الرسمي</w:t></w:r></w:hyperlink>"#,
            ".",
        ]),
        #"<w:tbl><w:tblPr><w:bidiVisual/></w:tblPr><w:tblGrid><w:gridCol w:w="4000"/><w:gridCol w:w="4000"/></w:tblGrid>"#
            + "<w:tr><w:tc>" + paragraph(["الدولة"]) + "</w:tc><w:tc>" + paragraph(["المبلغ"]) + "</w:tc></w:tr>"
            + "<w:tr><w:tc>" + paragraph(["قطر"]) + "</w:tc><w:tc><w:p><w:r><w:t>500</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
        "<w:p/>",
    ].joined(separator: "\n")

    package static let articleFootnotes = #"<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>"#
        + #"<w:footnote w:id="1"><w:p><w:pPr><w:bidi/></w:pPr><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>"#
        + #"<w:r>\#(arabicRun)<w:t xml:space="preserve"> انظر التقرير السنوي.</w:t></w:r></w:p></w:footnote>"#

    /// The parts of a DOCX package with `body` as the document's body and `footnotes` (the
    /// `w:footnote` elements) as its footnotes.
    package static func parts(body: String, footnotes: String? = nil) -> [(path: String, text: String)] {
        let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        var types = #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>"#
        var relations = #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/" TargetMode="External"/>"#
        if footnotes != nil {
            types += #"<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>"#
            relations += #"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>"#
        }
        var parts: [(String, String)] = [
            ("[Content_Types].xml", declaration + types + "</Types>"),
            ("_rels/.rels", declaration + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#),
            ("word/_rels/document.xml.rels", declaration + relations + "</Relationships>"),
            ("word/document.xml", declaration + "<w:document \(namespaces)><w:body>\n" + body + "\n<w:sectPr><w:bidi/></w:sectPr></w:body></w:document>"),
            ("word/styles.xml", declaration + "<w:styles \(namespaces)>"
                + #"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>"#
                + #"<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style>"#
                + #"<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr></w:style>"#
                + "</w:styles>"),
        ]
        if let footnotes { parts.append(("word/footnotes.xml", declaration + "<w:footnotes \(namespaces)>" + footnotes + "</w:footnotes>")) }
        return parts
    }

    /// Writes a zip package of `parts` to `path`.
    package static func write(_ parts: [(path: String, text: String)], to path: String) throws {
        try? FileManager.default.removeItem(atPath: path)
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        for part in parts {
            let data = Data(part.text.utf8)
            try archive.addEntry(with: part.path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position) ..< Int(position) + size)
            }
        }
    }

    /// Writes the article (body and footnote) to `path`.
    package static func writeArticle(to path: String) throws {
        try write(parts(body: articleBody, footnotes: articleFootnotes), to: path)
    }

    /// The text of the part at `part` in the package at `path`.
    package static func part(_ part: String, of path: String) throws -> String {
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        guard let entry = archive[part] else { return "" }
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return String(decoding: data, as: UTF8.self)
    }
}
