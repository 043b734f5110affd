import Foundation
import Testing
@testable import TarjumanCore

@Suite("Paragraph layout")
struct ParagraphLayoutTests {
    let paragraphs = [
        "قال المتحدث إن الوفد وصل إلى المدينة صباح اليوم، وعقد اجتماعا مطولا مع رئيس البلدية استمر ثلاث ساعات.",
        "وأضاف أن الطرفين بحثا سبل تعزيز التعاون في مجالات التعليم والصحة والمياه، واتفقا على لقاء جديد الشهر المقبل.",
        "ثم غادر الوفد المدينة متوجها إلى العاصمة.",
        "وكانت الحكومة قد أعلنت في وقت سابق عن خطة لإعادة إعمار المناطق المتضررة من الفيضانات خلال العامين المقبلين.",
    ]

    /// Words of `text` put on lines of at most `width` characters, as a text editor wraps them.
    func wrap(_ text: String, width: Int) -> String {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines.joined(separator: "\n")
    }

    @Test("One paragraph a line, no blank lines: each line is a paragraph, no unit runs across a line break")
    func onePerLine() throws {
        let text = paragraphs.joined(separator: "\n") + "\n"
        let (segments, decision) = try SentenceSegmenter().segmentation(text)
        #expect(decision.layout == .lines)
        #expect(segments.map(\.text) == paragraphs)
        #expect(segments.map(\.paragraph) == [1, 2, 3, 4])
        #expect(!segments.contains { $0.text.contains("\n") })
    }

    @Test("Hard-wrapped text keeps its paragraphs and sentences whole", arguments: [40, 60, 72])
    func hardWrapped(width: Int) throws {
        let text = paragraphs.map { wrap($0, width: width) }.joined(separator: "\n\n")
        let (segments, decision) = try SentenceSegmenter().segmentation(text)
        #expect(decision.layout == .blankLines)
        #expect(segments.count == 4)
        #expect(segments.map(\.paragraph) == [1, 2, 3, 4])
        #expect(segments.map { $0.text.replacingOccurrences(of: "\n", with: " ") } == paragraphs)
        #expect(try SentenceSegmenter().segment(text, layout: .lines).count > 4)
    }

    @Test("A heading line is its own unit in both layouts; a short last line ends its paragraph when wrapped text has no blank lines")
    func headings() throws {
        let heading = "الوفد يزور المدينة"
        let wrapped = heading + "\n" + paragraphs.prefix(2).map { wrap($0, width: 50) }.joined(separator: "\n") + "\n" + "عنوان ثان\n" + wrap(paragraphs[3], width: 50)
        let (segments, decision) = try SentenceSegmenter().segmentation(wrapped)
        #expect(decision.layout == .blankLines)
        #expect(segments.map { $0.text.replacingOccurrences(of: "\n", with: " ") } == [heading, paragraphs[0], paragraphs[1], "عنوان ثان", paragraphs[3]])
        #expect(Set(segments.map(\.paragraph)).count == 5)
        let lines = [heading] + paragraphs
        let perLine = try SentenceSegmenter().segmentation(lines.joined(separator: "\n"))
        #expect(perLine.layout.layout == .lines)
        #expect(perLine.segments.map(\.text) == lines)
    }

    @Test("Blank lines separate paragraphs in one-paragraph-a-line text too; U+2028 and VT never end a paragraph")
    func mixed() throws {
        let text = paragraphs[0] + "\n\n" + paragraphs[1] + "\n" + paragraphs[2] + "\u{2028}" + paragraphs[3]
        let segments = try SentenceSegmenter().segment(text, layout: .lines)
        #expect(segments.map(\.paragraph) == [1, 2, 3, 3])
    }

    @Test("English text follows the same layouts")
    func english() throws {
        let lines = ["Heading", "The delegation arrived this morning and met the mayor for three hours.", "Then it left the city."]
        let (segments, decision) = try EnglishSentenceSegmenter().segmentation(lines.joined(separator: "\n"))
        #expect(decision.layout == .lines)
        #expect(segments.map(\.text) == lines)
        let wrapped = "The delegation arrived this morning and met the mayor for\nthree hours, and then it left the city for the capital\nwhere it will stay.\n\nA new paragraph."
        let read = try EnglishSentenceSegmenter().segmentation(wrapped)
        #expect(read.layout.layout == .blankLines)
        #expect(read.segments.count == 2)
    }

    @Test("A stretch with no sentence end is cut at white space into units of at most 2,000 code units, offsets kept")
    func longestUnit() throws {
        let words = (0 ..< 3000).map { ["الوفد", "وصل", "إلى", "المدينة", "😀"][$0 % 5] }
        let text = words.joined(separator: " ") + " " + String(repeating: "ب", count: 4500)
        let segments = try SentenceSegmenter().segment(text)
        #expect(segments.count > 5)
        let scalars = Array(text.unicodeScalars)
        for segment in segments {
            #expect(segment.text.utf16.count <= SentenceSegmenter.longestUnit)
            #expect(String(String.UnicodeScalarView(scalars[segment.start ..< segment.end])) == segment.text)
        }
        #expect(segments.map(\.text).joined(separator: " ").replacingOccurrences(of: " ", with: "") == text.replacingOccurrences(of: " ", with: ""))
    }
}
