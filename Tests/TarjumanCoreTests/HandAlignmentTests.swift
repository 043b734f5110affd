import Foundation
import Testing
@testable import TarjumanCore
@testable import TarjumanEvaluation

@Suite("Hand-aligned pairs and the alignment error rate")
struct HandAlignmentTests {
    @Test("The shipped hand-aligned fixture holds 50 pairs, each with sure links inside its words")
    func shippedFixtureParses() throws {
        let path = packageRoot.appendingPathComponent("Tests/Fixtures/hand-aligned-ar-en.txt").path
        let pairs = try HandAlignedPair.parse(String(contentsOfFile: path, encoding: .utf8), file: path)
        #expect(pairs.count == 50)
        for pair in pairs {
            #expect(!pair.sure.isEmpty)
            #expect(pair.sure.isSubset(of: pair.possible))
            let arabicWords = HandAlignedPair.words(of: pair.arabic).count
            #expect(pair.possible.allSatisfy { $0.arabic < arabicWords })
        }
    }

    @Test("Words are the pieces between spaces that hold a letter or digit; punctuation stays with its word")
    func wordsBetweenSpaces() {
        let text = "\"Can somebody help me?\" - (ARDS) 30-65"
        let words = HandAlignedPair.words(of: text).map { String(String.UnicodeScalarView(text.scalarArray[$0])) }
        #expect(words == ["\"Can", "somebody", "help", "me?\"", "(ARDS)", "30-65"])
    }

    @Test("A link outside the words or in another notation is refused with its line")
    func badLinksAreRefused() {
        #expect(throws: TarjumanError.self) {
            try HandAlignedPair.parse("اشترى فاضل\nFadil bought\n0-1 2-0\n", file: "gold.txt")
        }
        #expect(throws: TarjumanError.self) {
            try HandAlignedPair.parse("اشترى فاضل\nFadil bought\n0:1\n", file: "gold.txt")
        }
        #expect(throws: TarjumanError.self) {
            try HandAlignedPair.parse("اشترى فاضل\nFadil bought\n", file: "gold.txt")
        }
    }

    @Test("Token links of clitics project onto their word; AER counts sure and possible links as Och and Ney do")
    func errorRateOfProjectedLinks() throws {
        let pair = try #require(try HandAlignedPair.parse("اغلق جميع الأبواب\nShut all the doors\n0-0 1-1 2?2 2-3\n", file: "gold.txt").first)
        let lexicon = handLexicon([("اغلق", "shut"), ("جميع", "all"), ("ال+", "the"), ("ابواب", "doors")])
        let arabicTokens = AlignmentTokenizer.arabic(pair.arabic, splitter: lexicon.splitter)
        let englishTokens = AlignmentTokenizer.english(pair.english)
        #expect(arabicTokens.map(\.text) == ["اغلق", "جميع", "ال+", "ابواب"])
        let links = pair.wordLinks(lexicon.align(arabic: arabicTokens, english: englishTokens), arabicTokens: arabicTokens, englishTokens: englishTokens)
        #expect(links == [.init(arabic: 0, english: 0), .init(arabic: 1, english: 1), .init(arabic: 2, english: 2), .init(arabic: 2, english: 3)])
        var perfect = AlignmentErrorRate()
        perfect.add(links, gold: pair)
        #expect(perfect.errorRate == 0)
        #expect(perfect.precision == 1 && perfect.recall == 1)

        var partial = AlignmentErrorRate()
        partial.add([.init(arabic: 0, english: 0), .init(arabic: 0, english: 1)], gold: pair)
        // A = 2, S = 3, A∩S = 1, A∩P = 1: 1 − 2/5.
        #expect(abs(partial.errorRate - 0.6) < 1e-9)
        #expect(partial.precision == 0.5)
        #expect(abs(partial.recall - 1.0 / 3.0) < 1e-9)
    }
}
