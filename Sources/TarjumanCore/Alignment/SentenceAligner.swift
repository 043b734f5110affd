import Foundation

/// Arabic sentences aligned with English ones: 1-1, 1-2, 2-1, 2-2, 1-0 or 0-1.
public struct AlignedPair: Sendable, Equatable, Encodable {
    /// Indices of the Arabic and English sentences (from 0), either may be empty.
    public let arabicSentences: [Int]
    public let englishSentences: [Int]
    public let arabic: String
    public let english: String
    /// The English sentences one by one.
    public let englishParts: [String]
    /// How sure the aligner is, from 0 to 1.
    public let confidence: Double
    /// Low confidence, or several sentences on both sides: a person should look at it.
    public var needsReview: Bool { confidence < SentenceAligner.reviewBelow || (arabicSentences.count > 1 && englishSentences.count > 1) }

    enum CodingKeys: String, CodingKey {
        case arabic, english, confidence, arabicSentences, englishSentences
        case needsReview = "review"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(arabic, forKey: .arabic)
        try container.encode(english, forKey: .english)
        try container.encode(confidence, forKey: .confidence)
        try container.encode(arabicSentences, forKey: .arabicSentences)
        try container.encode(englishSentences, forKey: .englishSentences)
        try container.encode(needsReview, forKey: .needsReview)
    }

    public init(arabicSentences: [Int], englishSentences: [Int], arabic: String, english: String, confidence: Double,
                englishParts: [String]? = nil) {
        self.arabicSentences = arabicSentences
        self.englishSentences = englishSentences
        self.arabic = arabic
        self.english = english
        self.confidence = confidence
        self.englishParts = englishParts ?? (english.isEmpty ? [] : [english])
    }
}

/// Aligns the sentences of an Arabic text with those of its English translation by dynamic
/// programming over Gale and Church's length model, strengthened by anchors.
///
/// Length: the English length (Unicode scalars) of a bead is taken as normal around
/// `meanRatio` × the Arabic length, with variance `variance` per character; both are measured on
/// the 15,414 published pairs of FLORES, NTREX, Tatoeba and TICO-19 (Gale and Church's English-
/// French values were 1 and 6.8; `tarjuman-eval align-corpus --ratio R --variance V` tries
/// others). Bead priors are Gale and Church's: 1-1 0.89, 1-2 and 2-1 0.0445 each, 1-0 and 0-1
/// 0.0049 each, 2-2 0.011. Anchors lower or raise a bead's cost: numbers found on both sides
/// (digits of any script, as the `numbers` check reads them), glossary terms whose rendering is on
/// the English side, quotation marks and questions on both sides or only one, and paragraph breaks
/// on both sides or only one. When both texts have as many paragraphs and each pair of paragraphs
/// has plausible lengths, each pair is aligned on its own.
public final class SentenceAligner {
    public static let meanRatio = 1.133
    public static let variance = 3.92
    public static let reviewBelow = 0.5

    static let beads: [(arabic: Int, english: Int, prior: Double)] = [
        (1, 1, 0.89), (1, 0, 0.0049), (0, 1, 0.0049), (2, 1, 0.0445), (1, 2, 0.0445), (2, 2, 0.011),
    ]

    let glossary: GlossaryMatcher?
    /// The length model in use (`meanRatio` and `variance` unless given).
    public let ratio: Double
    public let lengthVariance: Double
    /// Whether numbers, glossary terms and questions count (off: the length model alone).
    public let useAnchors: Bool

    public init(terms: [Term] = [], ratio: Double = SentenceAligner.meanRatio, variance: Double = SentenceAligner.variance,
                useAnchors: Bool = true) throws(TarjumanError) {
        glossary = terms.isEmpty || !useAnchors ? nil : try GlossaryMatcher(terms: terms)
        self.ratio = ratio
        self.lengthVariance = variance
        self.useAnchors = useAnchors
    }

    /// What the anchors need of one sentence.
    struct Sentence {
        let length: Double
        let numbers: [Set<String>]
        let numberForms: Set<String>
        let isQuestion: Bool
        /// A paragraph starts with this sentence.
        var startsParagraph: Bool
        /// It holds quotation marks.
        let quotes: Bool
        /// Arabic: the English renderings allowed for each glossary term in it.
        var terms: [[EnglishPhrase]] = []
        /// English: the sentence as words.
        var phrase: EnglishPhrase?

        init(_ segments: [Segment], _ index: Int, language: NumberReading.Language) {
            let scalars = Array(segments[index].text.unicodeScalars)
            length = Double(scalars.count)
            numbers = NumberReading.mentions(in: scalars, language: language).map(\.forms)
            numberForms = Set(numbers.flatMap { $0 })
            isQuestion = UnitChecks.finalMark(scalars) == .question
            startsParagraph = index == 0 || segments[index - 1].paragraph != segments[index].paragraph
            quotes = scalars.contains(where: SentenceAligner.isQuote)
        }
    }

    /// Aligns sentences given as texts, all in one paragraph.
    public func align(arabic: [String], english: [String]) -> [AlignedPair] {
        align(arabic: arabic.enumerated().map { Segment(paragraph: 1, index: $0.offset + 1, start: 0, end: 0, text: $0.element) },
              english: english.enumerated().map { Segment(paragraph: 1, index: $0.offset + 1, start: 0, end: 0, text: $0.element) })
    }

    /// Aligns segmented sentences; paragraph breaks that both sides share are anchors too.
    public func align(arabic arabicSegments: [Segment], english englishSegments: [Segment]) -> [AlignedPair] {
        let arabic = arabicSegments.map(\.text)
        let english = englishSegments.map(\.text)
        var source = arabicSegments.indices.map { index -> Sentence in
            var sentence = Sentence(arabicSegments, index, language: .arabic)
            if let glossary {
                var seen = Set<String>()
                for match in glossary.matches(in: arabicSegments[index].text) where seen.insert(match.term.english).inserted {
                    sentence.terms.append(([match.term.english] + match.term.alternatives).map(EnglishPhrase.init))
                }
            }
            return sentence
        }
        var target = englishSegments.indices.map { index -> Sentence in
            var sentence = Sentence(englishSegments, index, language: .english)
            if glossary != nil { sentence.phrase = EnglishPhrase(englishSegments[index].text) }
            return sentence
        }
        var termHits: [Int: Int] = [:]
        let m = target.count
        func hits(_ i: Int, _ j: Int) -> Int {
            guard !source[i].terms.isEmpty, let phrase = target[j].phrase else { return 0 }
            let key = i * m + j
            if let known = termHits[key] { return known }
            let found = source[i].terms.filter { alternatives in alternatives.contains { !phrase.occurrences(of: $0).isEmpty } }.count
            termHits[key] = found
            return found
        }
        var beads: [(arabic: Range<Int>, english: Range<Int>, prior: Double)] = []
        let stretches = blocks(arabicSegments, englishSegments, source, target)
        if stretches.count > 1 {
            // Inside a group of paragraphs merged or split in translation, a paragraph break on
            // one side only is expected: it is no anchor there.
            for block in stretches {
                for i in block.arabic.dropFirst() { source[i].startsParagraph = false }
                for j in block.english.dropFirst() { target[j].startsParagraph = false }
            }
        }
        for block in stretches {
            beads += alignBlock(block.arabic, block.english, source, target, hits)
        }
        return beads.map { bead in
            let score = beadCost(bead.arabic, bead.english, prior: bead.prior, source, target, hits) + log(bead.prior / Self.beads[0].prior)
            var confidence = bead.arabic.isEmpty || bead.english.isEmpty ? 0 : 1 / (1 + exp(score - 3))
            // Two sentences on each side may as well be two pairs: a person decides.
            if bead.arabic.count > 1 && bead.english.count > 1 { confidence = min(confidence, Self.reviewBelow - 0.01) }
            return AlignedPair(arabicSentences: Array(bead.arabic), englishSentences: Array(bead.english),
                               arabic: bead.arabic.map { arabic[$0] }.joined(separator: " "),
                               english: bead.english.map { english[$0] }.joined(separator: " "),
                               confidence: (confidence * 1000).rounded() / 1000,
                               englishParts: bead.english.map { english[$0] })
        }
    }

    /// The stretches aligned on their own: each pair of paragraphs when both sides have as many
    /// paragraphs and every pair has plausible lengths; otherwise groups of paragraphs that
    /// correspond (a paragraph merged, split or left out in translation), found by the length
    /// model and the numbers over whole paragraphs; else the whole texts.
    func blocks(_ arabic: [Segment], _ english: [Segment], _ source: [Sentence], _ target: [Sentence]) -> [(arabic: Range<Int>, english: Range<Int>)] {
        let whole = [(arabic: 0 ..< arabic.count, english: 0 ..< english.count)]
        func paragraphs(_ segments: [Segment]) -> [Range<Int>] {
            var ranges: [Range<Int>] = []
            var start = 0
            for index in segments.indices.dropFirst() where segments[index].paragraph != segments[index - 1].paragraph {
                ranges.append(start ..< index)
                start = index
            }
            if start < segments.count { ranges.append(start ..< segments.count) }
            return ranges
        }
        let arabicParagraphs = paragraphs(arabic), englishParagraphs = paragraphs(english)
        guard arabicParagraphs.count > 1 || englishParagraphs.count > 1 else { return whole }
        if arabicParagraphs.count == englishParagraphs.count {
            let plausible = zip(arabicParagraphs, englishParagraphs).allSatisfy { a, e in
                abs(lengthDelta(a, e, source, target)) < Self.paragraphDeltaLimit
            }
            if plausible { return Array(zip(arabicParagraphs, englishParagraphs)).map { (arabic: $0.0, english: $0.1) } }
        }
        return paragraphGroups(arabicParagraphs, englishParagraphs, source, target) ?? whole
    }

    /// How far apart the lengths of two stretches are, in standard deviations of the length model
    /// (its variance times `spread`).
    func lengthDelta(_ arabicRange: Range<Int>, _ englishRange: Range<Int>, _ source: [Sentence], _ target: [Sentence],
                     spread: Double = 1) -> Double {
        let arabicLength = arabicRange.reduce(0.0) { $0 + source[$1].length }, englishLength = englishRange.reduce(0.0) { $0 + target[$1].length }
        let mean = (arabicLength + englishLength / ratio) / 2
        guard mean > 0 else { return 0 }
        return (englishLength - arabicLength * ratio) / (mean * lengthVariance * spread).squareRoot()
    }

    /// Paragraph lengths vary more between translations than sentence lengths do (a sentence
    /// added or dropped): the paragraph beads use the length model's variance times this.
    static let paragraphSpread = 3.0

    /// Paragraph beads: one paragraph to one, two or three, or to none, either way.
    static let paragraphBeads: [(arabic: Int, english: Int, prior: Double)] = [
        (1, 1, 0.89), (1, 0, 0.01), (0, 1, 0.01), (2, 1, 0.04), (1, 2, 0.04), (3, 1, 0.005), (1, 3, 0.005),
    ]

    /// The paragraphs of both sides grouped into corresponding stretches by dynamic programming
    /// over paragraph beads; nil when some group's lengths are implausible.
    func paragraphGroups(_ arabicParagraphs: [Range<Int>], _ englishParagraphs: [Range<Int>],
                         _ source: [Sentence], _ target: [Sentence]) -> [(arabic: Range<Int>, english: Range<Int>)]? {
        let n = arabicParagraphs.count, m = englishParagraphs.count
        guard n * m <= 250_000 else { return nil }
        /// The sentences of a run of paragraphs (an empty run sits where its paragraph would start).
        func span(_ paragraphs: [Range<Int>], _ range: Range<Int>) -> Range<Int> {
            let end = paragraphs.last?.upperBound ?? 0
            let lower = range.lowerBound < paragraphs.count ? paragraphs[range.lowerBound].lowerBound : end
            return lower ..< (range.isEmpty ? lower : paragraphs[range.upperBound - 1].upperBound)
        }
        func cost(_ a: Range<Int>, _ e: Range<Int>, prior: Double) -> Double {
            var total = -log(prior)
            guard !a.isEmpty, !e.isEmpty else { return total }
            let arabicSentences = span(arabicParagraphs, a), englishSentences = span(englishParagraphs, e)
            let delta = lengthDelta(arabicSentences, englishSentences, source, target, spread: Self.paragraphSpread)
            total -= log(max(erfc(abs(delta) / 2.squareRoot()), 1e-12))
            guard useAnchors else { return total }
            var englishForms = Set<String>(), arabicForms = Set<String>()
            for j in englishSentences { englishForms.formUnion(target[j].numberForms) }
            for i in arabicSentences { arabicForms.formUnion(source[i].numberForms) }
            var matched = 0, unmatched = 0
            for i in arabicSentences {
                for mention in source[i].numbers { if mention.isDisjoint(with: englishForms) { unmatched += 1 } else { matched += 1 } }
            }
            for j in englishSentences {
                for mention in target[j].numbers where mention.isDisjoint(with: arabicForms) { unmatched += 1 }
            }
            return total - 1.5 * Double(matched) + 0.5 * Double(unmatched)
        }
        var best = [Double](repeating: .infinity, count: (n + 1) * (m + 1))
        var back = [Int8](repeating: -1, count: (n + 1) * (m + 1))
        best[0] = 0
        for i in 0 ... n {
            for j in 0 ... m where !(i == 0 && j == 0) {
                for (index, bead) in Self.paragraphBeads.enumerated() where i >= bead.arabic && j >= bead.english {
                    let previous = best[(i - bead.arabic) * (m + 1) + j - bead.english]
                    guard previous.isFinite else { continue }
                    let total = previous + cost(i - bead.arabic ..< i, j - bead.english ..< j, prior: bead.prior)
                    if total < best[i * (m + 1) + j] {
                        best[i * (m + 1) + j] = total
                        back[i * (m + 1) + j] = Int8(index)
                    }
                }
            }
        }
        var groups: [(arabic: Range<Int>, english: Range<Int>)] = []
        var i = n, j = m
        while i > 0 || j > 0 {
            let choice = back[i * (m + 1) + j]
            guard choice >= 0 else { return nil }
            let bead = Self.paragraphBeads[Int(choice)]
            let a = i - bead.arabic ..< i, e = j - bead.english ..< j
            let arabicSentences = span(arabicParagraphs, a), englishSentences = span(englishParagraphs, e)
            if !a.isEmpty, !e.isEmpty, abs(lengthDelta(arabicSentences, englishSentences, source, target)) >= Self.paragraphDeltaLimit { return nil }
            groups.append((arabicSentences, englishSentences))
            i -= bead.arabic
            j -= bead.english
        }
        // A paragraph left out beside one added is one paragraph translated loosely: one group,
        // within which sentences are aligned (and left out) one by one.
        var merged: [(arabic: Range<Int>, english: Range<Int>)] = []
        for group in groups.reversed() {
            if let last = merged.last, (last.arabic.isEmpty && group.english.isEmpty) || (last.english.isEmpty && group.arabic.isEmpty) {
                merged[merged.count - 1] = (last.arabic.lowerBound ..< group.arabic.upperBound, last.english.lowerBound ..< group.english.upperBound)
            } else {
                merged.append(group)
            }
        }
        return merged
    }

    /// How far (in standard deviations of the length model) a paragraph pair's lengths may
    /// differ for the paragraphs to be taken as translations of each other.
    static let paragraphDeltaLimit = 8.0

    /// The best beads for sentences `arabicRange` and `englishRange`, by dynamic programming in a
    /// band around the diagonal.
    func alignBlock(_ arabicRange: Range<Int>, _ englishRange: Range<Int>, _ source: [Sentence], _ target: [Sentence],
                    _ hits: (Int, Int) -> Int) -> [(arabic: Range<Int>, english: Range<Int>, prior: Double)] {
        let n = arabicRange.count, m = englishRange.count
        let a0 = arabicRange.lowerBound, e0 = englishRange.lowerBound
        if n == 0 || m == 0 {
            return arabicRange.map { ($0 ..< $0 + 1, e0 ..< e0, Self.beads[1].prior) } + englishRange.map { (a0 ..< a0, $0 ..< $0 + 1, Self.beads[2].prior) }
        }
        let width = 60 + abs(n - m)
        var cost = [Double](repeating: .infinity, count: (n + 1) * (m + 1))
        var back = [Int8](repeating: -1, count: (n + 1) * (m + 1))
        cost[0] = 0
        for i in 0 ... n {
            let center = Int((Double(i) * Double(m) / Double(n)).rounded())
            for j in max(0, center - width) ... min(m, center + width) where !(i == 0 && j == 0) {
                var best = Double.infinity
                var choice: Int8 = -1
                for (index, bead) in Self.beads.enumerated() where i >= bead.arabic && j >= bead.english {
                    let previous = cost[(i - bead.arabic) * (m + 1) + (j - bead.english)]
                    guard previous.isFinite else { continue }
                    let total = previous + beadCost(a0 + i - bead.arabic ..< a0 + i, e0 + j - bead.english ..< e0 + j,
                                                    prior: bead.prior, source, target, hits)
                    if total < best {
                        best = total
                        choice = Int8(index)
                    }
                }
                cost[i * (m + 1) + j] = best
                back[i * (m + 1) + j] = choice
            }
        }
        var beads: [(arabic: Range<Int>, english: Range<Int>, prior: Double)] = []
        var i = n, j = m
        while i > 0 || j > 0 {
            let choice = back[i * (m + 1) + j]
            guard choice >= 0 else { break }
            let bead = Self.beads[Int(choice)]
            beads.append((a0 + i - bead.arabic ..< a0 + i, e0 + j - bead.english ..< e0 + j, bead.prior))
            i -= bead.arabic
            j -= bead.english
        }
        return beads.reversed()
    }

    /// The English sentences (at least as many as the Arabic ones) cut into one run per Arabic
    /// sentence, in order, each run's length as near as can be to what the length model expects.
    public static func split(_ english: [String], among arabic: [String]) -> [String] {
        let n = arabic.count, m = english.count
        guard n > 1, m >= n else { return [english.joined(separator: " ")] }
        let a = arabic.map { Double($0.unicodeScalars.count) }, e = english.map { Double($0.unicodeScalars.count) }
        // cost[i][j]: the best cost of giving English sentences 0..<j to Arabic sentences 0..<i.
        var cost = [[Double]](repeating: [Double](repeating: .infinity, count: m + 1), count: n + 1)
        var back = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        cost[0][0] = 0
        for i in 1 ... n {
            for j in i ... m - (n - i) {
                var length = 0.0
                for k in stride(from: j - 1, through: i - 1, by: -1) {
                    length += e[k]
                    guard cost[i - 1][k].isFinite else { continue }
                    let expected = a[i - 1] * meanRatio
                    let total = cost[i - 1][k] + abs(length - expected) / max(expected, 1).squareRoot()
                    if total < cost[i][j] {
                        cost[i][j] = total
                        back[i][j] = k
                    }
                }
            }
        }
        var runs: [String] = []
        var j = m
        for i in stride(from: n, through: 1, by: -1) {
            let k = back[i][j]
            runs.append(english[k ..< j].joined(separator: " "))
            j = k
        }
        return runs.reversed()
    }

    /// Double quotation marks of any style (an apostrophe is not one).
    static func isQuote(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\"" || scalar == "\u{201C}" || scalar == "\u{201D}" || scalar == "\u{00AB}" || scalar == "\u{00BB}"
    }

    /// −log of the bead's probability: length fit, prior, anchors.
    func beadCost(_ arabicRange: Range<Int>, _ englishRange: Range<Int>, prior: Double,
                  _ source: [Sentence], _ target: [Sentence], _ hits: (Int, Int) -> Int) -> Double {
        var arabicLength = 0.0, englishLength = 0.0
        for i in arabicRange { arabicLength += source[i].length }
        for j in englishRange { englishLength += target[j].length }
        let mean = (arabicLength + englishLength / ratio) / 2
        var total = -log(prior)
        // A sentence left out says nothing through its length: only the prior counts.
        if mean > 0, !arabicRange.isEmpty, !englishRange.isEmpty {
            let delta = (englishLength - arabicLength * ratio) / (mean * lengthVariance).squareRoot()
            total -= log(max(erfc(abs(delta) / 2.squareRoot()), 1e-12))
        }
        guard useAnchors, !arabicRange.isEmpty, !englishRange.isEmpty else { return total }
        var matched = 0, unmatched = 0
        for i in arabicRange {
            for forms in source[i].numbers {
                if englishRange.contains(where: { !target[$0].numberForms.isDisjoint(with: forms) }) { matched += 1 } else { unmatched += 1 }
            }
        }
        for j in englishRange {
            for forms in target[j].numbers where !arabicRange.contains(where: { !source[$0].numberForms.isDisjoint(with: forms) }) {
                unmatched += 1
            }
        }
        total += -1.5 * Double(matched) + 1.0 * Double(unmatched)
        var termsFound = 0
        for i in arabicRange { for j in englishRange { termsFound += hits(i, j) } }
        total -= 1.0 * Double(termsFound)
        // Paragraphs: a bead should start where both sides start a paragraph, or neither, and
        // not span a paragraph break on one side only.
        let arabicBreak = source[arabicRange.lowerBound].startsParagraph, englishBreak = target[englishRange.lowerBound].startsParagraph
        if arabicBreak && englishBreak { total -= 1.0 } else if arabicBreak != englishBreak { total += 1.5 }
        if arabicRange.dropFirst().contains(where: { source[$0].startsParagraph }) != englishRange.dropFirst().contains(where: { target[$0].startsParagraph }) {
            total += 1.5
        }
        let arabicQuotes = arabicRange.contains { source[$0].quotes }, englishQuotes = englishRange.contains { target[$0].quotes }
        if arabicQuotes && englishQuotes { total -= 0.3 } else if arabicQuotes != englishQuotes { total += 0.3 }
        let arabicQuestion = source[arabicRange.upperBound - 1].isQuestion
        let englishQuestion = target[englishRange.upperBound - 1].isQuestion
        if arabicQuestion && englishQuestion { total -= 0.5 } else if arabicQuestion != englishQuestion { total += 0.7 }
        return total
    }
}
