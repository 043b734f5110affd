import Foundation
import GRDB
import Testing
@testable import TarjumanCore

@Suite("Sentence alignment")
struct SentenceAlignerTests {
    @Test("English sentences: ICU's rules with abbreviations kept, paragraphs, offsets")
    func english() throws {
        let text = "Mr. Smith met the U.S. envoy on Monday. They talked for 3.5 hours.\nThen they left.\n\nA new paragraph? Yes."
        let segments = try EnglishSentenceSegmenter().segment(text, layout: .blankLines)
        #expect(segments.map(\.text) == ["Mr. Smith met the U.S. envoy on Monday.", "They talked for 3.5 hours.", "Then they left.",
                                         "A new paragraph?", "Yes."])
        #expect(segments.map(\.paragraph) == [1, 1, 1, 2, 2])
        #expect(try EnglishSentenceSegmenter().segment(text).map(\.paragraph) == [1, 1, 2, 3, 3])
        let scalars = Array(text.unicodeScalars)
        for segment in segments {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[segment.start ..< segment.end])
            #expect(String(view) == segment.text)
        }
    }

    let arabic = [
        "قال المتحدث إن الوفد وصل إلى المدينة صباح اليوم.",
        "وعقد الوفد اجتماعا مطولا مع رئيس البلدية استمر 3 ساعات.",
        "هل سيعود الوفد غدا؟",
        "ثم غادر الوفد المدينة.",
    ]

    @Test("One to one, with numbers, questions and glossary terms as anchors")
    func oneToOne() throws {
        let english = [
            "The spokesman said the delegation arrived in the city this morning.",
            "The delegation held a long meeting with the mayor that lasted 3 hours.",
            "Will the delegation return tomorrow?",
            "Then the delegation left the city.",
        ]
        let pairs = try SentenceAligner(terms: [Term(arabic: "الوفد", english: "delegation")]).align(arabic: arabic, english: english)
        #expect(pairs.map(\.arabicSentences) == [[0], [1], [2], [3]])
        #expect(pairs.map(\.englishSentences) == [[0], [1], [2], [3]])
        #expect(pairs.allSatisfy { !$0.needsReview })
    }

    @Test("Two Arabic sentences rendered as one English sentence, and a sentence left out")
    func mergedAndMissing() throws {
        let merged = [
            "The spokesman said the delegation arrived in the city this morning and held a long meeting with the mayor that lasted 3 hours.",
            "Will the delegation return tomorrow?",
            "Then the delegation left the city.",
        ]
        let pairs = try SentenceAligner().align(arabic: arabic, english: merged)
        #expect(pairs.map(\.arabicSentences) == [[0, 1], [2], [3]])
        #expect(pairs[0].english == merged[0])
        #expect(pairs[0].arabic == arabic[0] + " " + arabic[1])

        let missing = ["The spokesman said the delegation arrived in the city this morning.", "Will the delegation return tomorrow?",
                       "Then the delegation left the city."]
        let gapped = try SentenceAligner().align(arabic: arabic, english: missing)
        #expect(gapped.map(\.arabicSentences) == [[0], [1], [2], [3]])
        #expect(gapped.map(\.englishSentences) == [[0], [], [1], [2]])
        #expect(gapped[1].confidence == 0)
        #expect(gapped[1].needsReview)
    }

    @Test("Paragraphs that correspond are aligned each on its own")
    func paragraphs() throws {
        let arabicSegments = try SentenceSegmenter().segment(arabic[0] + " " + arabic[1] + "\n\n" + arabic[2] + " " + arabic[3])
        let englishSegments = try EnglishSentenceSegmenter().segment(
            "The spokesman said the delegation arrived in the city this morning. The delegation met the mayor for 3 hours.\n\nWill it return tomorrow? Then the delegation left the city.")
        let pairs = try SentenceAligner().align(arabic: arabicSegments, english: englishSegments)
        #expect(pairs.map(\.englishSentences) == [[0], [1], [2], [3]])
    }

    @Test("--store keeps the Arabic as a document and the English as aligned renderings, never approved")
    func store() throws {
        let store = try makeStore()
        let source = SourceText(origin: "article.ar.txt", text: arabic.joined(separator: " "))
        let segments = try SentenceSegmenter().segment(source.text)
        let english = ["The spokesman said the delegation arrived in the city this morning and held a long meeting with the mayor that lasted 3 hours.",
                       "Will the delegation return tomorrow?", "Then the delegation left the city."]
        let pairs = try SentenceAligner().align(arabic: segments, english: english.enumerated().map {
            Segment(paragraph: 1, index: $0.offset + 1, start: 0, end: 0, text: $0.element)
        })
        let stored = try store.storeAlignment(source: source, segments: segments, pairs: pairs, englishName: "article.en.txt", translator: "omar")
        #expect(stored.renderings == 3)
        let first = try store.detail(of: UnitID(document: stored.document.document, ordinal: 1))
        #expect(first.current?.status == .aligned)
        #expect(first.current?.origin == "aligned article.en.txt")
        #expect(first.current?.note?.hasPrefix("aligned, unreviewed (confidence") == true)
        #expect(first.current?.note?.hasSuffix("also renders unit 1.2") == true)
        #expect(try store.detail(of: UnitID(document: 1, ordinal: 2)).history.isEmpty)
    }

    @Test("A database made before aligned renderings keeps its renderings and takes aligned ones")
    func migration() throws {
        let queue = try DatabaseQueue()
        var migrator = Schema.migrator
        try migrator.migrate(queue, upTo: "v5: check settings and accepted findings")
        try queue.write { db in
            try db.execute(sql: "INSERT INTO document (name, contentHash, importedAt, text) VALUES ('old', 'h', '2024-01-01 00:00:00', 'x')")
            try db.execute(sql: """
                INSERT INTO unit (documentId, ordinal, paragraph, startOffset, endOffset, text, searchKey)
                VALUES (1, 1, 1, 0, 5, 'وصل الوفد.', 'وصل الوفد.')
                """)
            try db.execute(sql: """
                INSERT INTO rendering (unitId, text, status, origin, createdAt, note) VALUES (1, 'It arrived.', 'approved', 'manual', '2024-01-01 00:00:00', 'n')
                """)
        }
        migrator = Schema.migrator
        try migrator.migrate(queue)
        let store = TranslationStore(database: TarjumanDatabase(writer: queue, path: ":memory:"))
        _ = try store.render([RenderingInput(unit: UnitID(document: 1, ordinal: 1), text: "The delegation arrived.")],
                             translator: nil, status: .aligned, origin: "aligned x")
        let history = try store.detail(of: UnitID(document: 1, ordinal: 1)).history
        #expect(history.map(\.status) == [.aligned, .approved])
        #expect(history[1].note == "n")
        let indexes = try queue.read { db in try db.indexes(on: "rendering").map(\.name) }
        let references = try queue.read { db in try db.foreignKeys(on: "rendering").map(\.destinationTable) }
        #expect(indexes.contains("rendering_on_unitId"))
        #expect(references == ["unit"])
    }

    @Test("NTREX-128 documents: line F1 at least 0.95 on plain and merged documents, 0.88 with a sentence deleted",
          .enabled(if: FileManager.default.fileExists(atPath: sharedData.appendingPathComponent("ntrex128").path), "../shared/data is absent; skipping"))
    func ntrex() throws {
        let documents = try AlignmentCorpus.ntrex(dataRoot: sharedData)
        #expect(documents.count > 100)
        let aligner = try SentenceAligner()
        let arabicSegmenter = try SentenceSegmenter(), englishSegmenter = try EnglishSentenceSegmenter()
        for (variant, minimum) in [(AlignmentVariant.plain, 0.95), (.mergedEnglish, 0.95), (.deletedSentence, 0.88)] {
            var score = AlignmentScore()
            for (index, original) in documents.enumerated() {
                let document = AlignmentCorpus.variant(original, variant, seed: UInt64(index + 1))
                let arabic = AlignmentCorpus.joined(document.arabicLines, paragraphs: document.arabicParagraphs)
                let english = AlignmentCorpus.joined(document.englishLines, paragraphs: document.englishParagraphs)
                let arabicSegments = arabicSegmenter.segment(arabic.text), englishSegments = englishSegmenter.segment(english.text)
                let pairs = aligner.align(arabic: arabicSegments, english: englishSegments)
                score.add(predicted: AlignmentCorpus.links(pairs.map { ($0.arabicSentences, $0.englishSentences) },
                                                           arabicLines: AlignmentCorpus.lines(of: arabicSegments, in: arabic.ranges),
                                                           englishLines: AlignmentCorpus.lines(of: englishSegments, in: english.ranges)),
                          gold: document.gold)
            }
            #expect(score.f1 >= minimum, "\(variant.rawValue): F1 \(score.f1)")
        }
    }
}
