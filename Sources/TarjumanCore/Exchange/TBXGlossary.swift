import Foundation

/// Glossaries as TBX: TBX-Basic v3 (`conceptEntry`/`langSec`/`termSec`, in the
/// `urn:iso:std:iso:30042:ed-2` or `ed:3.0` namespace) and TBX v2 (`martif`/`termEntry`/`langSet`
/// with `tig` or `ntig`) are read; TBX-Basic in the `martif` form is written.
///
/// Entity declarations are refused (no external entities, no expansion bombs) and external DTDs
/// are never fetched. The Arabic and English sides of an entry are told apart by script when
/// the language tags disagree with it, with a warning.
public enum TBXGlossary {
    /// What reading a TBX file found.
    public struct Contents: Sendable {
        public var terms: [Term] = []
        public var warnings: [String] = []
    }

    /// Reads the Arabic→English entries of a TBX file.
    public static func read(_ data: Data, origin: String, sourceName: String) throws(TarjumanError) -> Contents {
        guard !data.isEmpty else { throw .emptyInput(file: origin) }
        if let position = entityDeclaration(in: data) {
            throw .malformedFile(file: origin, line: position.line, column: position.column,
                                 reason: "entity declarations are not accepted in a glossary (no external entities, no entity expansion)")
        }
        let reader = Reader(origin: origin, sourceName: sourceName)
        do {
            try XMLDocumentReader.read(data, origin: origin, events: reader)
        } catch {
            throw reader.error ?? error
        }
        if let error = reader.error { throw error }
        guard reader.sawRoot else {
            throw .malformedFile(file: origin, line: 1, column: 1, reason: "not a TBX file: no martif or tbx root element")
        }
        var contents = Contents(terms: reader.terms)
        if reader.retaggedEntries > 0 {
            contents.warnings.append("\(origin): \(counted(reader.retaggedEntries, "entry")) had language tags that do not match their script "
                + "(the Arabic side tagged '\(reader.wrongArabicTag ?? "?")'); the sides were told apart by script")
        }
        if reader.unusableEntries > 0 {
            contents.warnings.append("\(origin): \(counted(reader.unusableEntries, "entry")) skipped: no Arabic or no English term")
        }
        return contents
    }

    /// A message for a libxml2 error code, with libxml2's own words when there are some.
    static func describe(xmlError code: Int, detail: String? = nil) -> String {
        let what: String
        switch code {
        case 4: what = "the document is empty"
        case 5: what = "the document ends too early, or goes on after its end"
        case 9: what = "a character XML does not allow"
        case 26, 27: what = "an undeclared entity"
        case 41, 73, 74: what = "a tag is not closed"
        case 76: what = "an end tag does not match its start tag"
        case 89, 104: what = "entity expansion refused"
        default: what = "malformed XML"
        }
        let words = detail.map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") } ?? ""
        let said = words.isEmpty ? "" : " (\(words))"
        return "\(what)\(said), XML error \(code); fix the file and import it again"
    }

    /// Where the first `<!ENTITY` declaration is (line and column from 1), if there is one.
    static func entityDeclaration(in data: Data) -> (line: Int, column: Int)? {
        let pattern = Array("<!ENTITY".utf8)
        let bytes = [UInt8](data)
        guard bytes.count >= pattern.count else { return nil }
        var line = 1
        var lineStart = 0
        for index in 0 ... bytes.count - pattern.count {
            if bytes[index] == 0x0A {
                line += 1
                lineStart = index + 1
            } else if bytes[index] == 0x3C, bytes[index ..< index + pattern.count].elementsEqual(pattern) {
                return (line, index - lineStart + 1)
            }
        }
        return nil
    }

    /// One term of a language section, with its status.
    struct SectionTerm {
        var text = ""
        var status = ""
    }

    final class Reader: XMLDocumentEvents {
        let origin: String
        let sourceName: String
        var terms: [Term] = []
        var error: TarjumanError?
        var sawRoot = false
        var retaggedEntries = 0
        var unusableEntries = 0
        var wrongArabicTag: String?

        private var inEntry = false
        private var entryLine = 0
        private var domain = ""
        private var notes: [String] = []
        private var sections: [(lang: String, terms: [SectionTerm])] = []
        private var inSection = false
        private var currentTerm: SectionTerm?
        private var capture: String?
        private var captureKind = ""
        private var seen: [String: Int] = [:]

        init(origin: String, sourceName: String) {
            self.origin = origin
            self.sourceName = sourceName
        }

        func fail(_ reader: XMLDocumentReader, _ error: TarjumanError) {
            if self.error == nil { self.error = error }
            reader.stop()
        }

        static func language(_ attributes: [String: String]) -> String {
            (attributes["xml:lang"] ?? attributes["lang"] ?? "").lowercased()
        }

        func start(_ elementName: String, qualifiedName: String, attributes: [String: String], reader parser: XMLDocumentReader) {
            switch elementName {
            case "martif", "tbx":
                sawRoot = true
            case "conceptEntry", "termEntry":
                inEntry = true
                entryLine = parser.line
                domain = ""
                notes = []
                sections = []
            case "langSec", "langSet":
                inSection = true
                sections.append((Self.language(attributes), []))
            case "termSec", "tig", "ntig":
                currentTerm = SectionTerm()
            case "term" where currentTerm != nil:
                capture = ""
                captureKind = "term"
            case "termNote" where currentTerm != nil:
                let type = attributes["type"] ?? ""
                if type == "administrativeStatus" || type == "normativeAuthorization" {
                    capture = ""
                    captureKind = "status"
                }
            case "descrip" where inEntry && !inSection:
                if attributes["type"] == "subjectField" {
                    capture = ""
                    captureKind = "domain"
                } else if attributes["type"] == "definition" {
                    capture = ""
                    captureKind = "note"
                }
            case "note" where inEntry && currentTerm == nil:
                capture = ""
                captureKind = "note"
            default:
                break
            }
        }

        func text(_ string: String, reader: XMLDocumentReader) {
            capture?.append(string)
        }

        func end(_ elementName: String, qualifiedName: String, reader parser: XMLDocumentReader) {
            switch elementName {
            case "term", "termNote", "descrip", "note":
                guard let text = capture?.trimmingWhitespace() else { return }
                switch captureKind {
                case "term": currentTerm?.text = text
                case "status": currentTerm?.status = text
                case "domain": domain = text
                case "note": if !text.isEmpty { notes.append(text) }
                default: break
                }
                capture = nil
            case "termSec", "tig", "ntig":
                if let term = currentTerm, !term.text.isEmpty, !sections.isEmpty {
                    sections[sections.count - 1].terms.append(term)
                }
                currentTerm = nil
            case "langSec", "langSet":
                inSection = false
            case "conceptEntry", "termEntry":
                inEntry = false
                finishEntry(parser)
            default:
                break
            }
        }

        static func isArabic(_ text: String) -> Bool {
            text.unicodeScalars.contains(where: ScalarClass.isArabicLetter)
        }

        static func isForbidden(_ status: String) -> Bool {
            let status = status.lowercased()
            return status.hasPrefix("deprecated") || status.hasPrefix("superseded") || status.hasPrefix("notrecommended")
        }

        func finishEntry(_ parser: XMLDocumentReader) {
            let arabicSections = sections.filter { $0.terms.contains { Self.isArabic($0.text) } }
            let englishSections = sections.filter { section in
                !section.terms.isEmpty && !section.terms.contains { Self.isArabic($0.text) }
                    && (section.lang.hasPrefix("en") || !sections.contains { $0.lang.hasPrefix("en") && !$0.terms.contains { Self.isArabic($0.text) } })
            }
            guard let arabicSection = arabicSections.first, let englishSection = englishSections.first else {
                unusableEntries += 1
                return
            }
            if !arabicSection.lang.hasPrefix("ar") || !englishSection.lang.hasPrefix("en") {
                retaggedEntries += 1
                if wrongArabicTag == nil { wrongArabicTag = arabicSection.lang }
            }
            let english = englishSection.terms.filter { !Self.isForbidden($0.status) }.map(\.text)
            let forbidden = englishSection.terms.filter { Self.isForbidden($0.status) }.map(\.text)
            guard let approved = english.first else {
                unusableEntries += 1
                return
            }
            for arabic in arabicSection.terms where !Self.isForbidden(arabic.status) && Self.isArabic(arabic.text) {
                let term = Term(arabic: arabic.text, english: approved, alternatives: Array(english.dropFirst()),
                                forbidden: forbidden, note: notes.joined(separator: " "), domain: domain, source: sourceName)
                do {
                    try GlossaryStore.validate(term, at: "\(origin):\(entryLine)")
                } catch {
                    fail(parser, error)
                    return
                }
                let identity = "\(term.searchKey)\t\(term.english)\t\(term.domain)"
                if let earlier = seen[identity] {
                    fail(parser, .malformedFile(file: origin, line: entryLine, column: 1,
                                                reason: "repeats the entry of line \(earlier) ('\(term.arabic)' = '\(term.english)'); keep one"))
                    return
                }
                seen[identity] = entryLine
                terms.append(term)
            }
        }
    }

    /// The entries as TBX-Basic (`martif` form, valid against the TBX core schema): one
    /// `termEntry` per entry, the English alternatives admitted and the forbidden renderings deprecated.
    public static func write(_ terms: [Term]) -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <martif type="TBX-Basic" xml:lang="en">
              <martifHeader>
                <fileDesc>
                  <sourceDesc>
                    <p>Tarjuman glossary</p>
                  </sourceDesc>
                </fileDesc>
              </martifHeader>
              <text>
                <body>

            """
        for (index, term) in terms.enumerated() {
            xml += "      <termEntry id=\"t\(term.id.map(String.init) ?? String(index + 1))\">\n"
            if !term.domain.isEmpty {
                xml += "        <descrip type=\"subjectField\">\(escape(term.domain))</descrip>\n"
            }
            if !term.note.isEmpty {
                xml += "        <note>\(escape(term.note))</note>\n"
            }
            xml += "        <langSet xml:lang=\"ar\">\n"
            xml += "          <tig>\n            <term>\(escape(term.arabic))</term>\n          </tig>\n"
            xml += "        </langSet>\n"
            xml += "        <langSet xml:lang=\"en\">\n"
            let english = [(term.english, "preferredTerm-admn-sts")] + term.alternatives.map { ($0, "admittedTerm-admn-sts") }
                + term.forbidden.map { ($0, "deprecatedTerm-admn-sts") }
            for (text, status) in english {
                xml += "          <tig>\n"
                xml += "            <term>\(escape(text))</term>\n"
                xml += "            <termNote type=\"administrativeStatus\">\(status)</termNote>\n"
                xml += "          </tig>\n"
            }
            xml += "        </langSet>\n"
            xml += "      </termEntry>\n"
        }
        xml += "    </body>\n  </text>\n</martif>\n"
        return xml
    }

    /// Text escaped for XML, without the characters XML 1.0 forbids.
    static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default:
                let value = scalar.value
                let allowed = value == 0x9 || value == 0xA || value == 0xD || (0x20...0xD7FF).contains(value)
                    || (0xE000...0xFFFD).contains(value) || value >= 0x10000
                if allowed { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }
}
