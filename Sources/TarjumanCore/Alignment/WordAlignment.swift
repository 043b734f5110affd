import Foundation

/// The translation probabilities of the tokens some sentence pairs need, from a trained model:
/// what aligns a pair's words.
public struct AlignmentLexicon: Sendable {
    /// A token's id in the model and its translation probabilities into the other side's ids.
    public struct Entry: Sendable, Equatable {
        public let id: Int32
        public let row: [Int32: Float]

        public init(id: Int32, row: [Int32: Float]) {
            self.id = id
            self.row = row
        }
    }

    public var splitter: ArabicWordSplitter
    /// Arabic tokens by text; the empty text is NULL.
    public var arabic: [String: Entry] = [:]
    public var english: [String: Entry] = [:]
    public var tension: Float = WordAlignerSettings().tension
    public var nullProbability: Float = WordAlignerSettings().nullProbability

    public init(splitter: ArabicWordSplitter) {
        self.splitter = splitter
    }

    /// How strongly the model ties two tokens: the smaller of t(english | arabic) and
    /// t(arabic | english), so that a rare word, whose few units give everything in them a high
    /// probability one way, is not tied to a common one; 0 when it never saw them together.
    public func strength(arabic: String, english: String) -> Float {
        guard let a = self.arabic[arabic], let e = self.english[english] else { return 0 }
        return min(a.row[e.id] ?? 0, e.row[a.id] ?? 0)
    }

    /// The links of a sentence pair: the most likely alignment in each direction (IBM Model 2
    /// with the diagonal prior), symmetrized by grow-diag-final-and.
    public func align(arabic arabicTokens: [AlignmentToken], english englishTokens: [AlignmentToken]) -> WordAlignment {
        let arabicEntries = arabicTokens.map { arabic[$0.text] }
        let englishEntries = englishTokens.map { english[$0.text] }
        let englishToArabic = Self.viterbi(targets: englishEntries, sources: arabicEntries, null: arabic[""],
                                           tension: tension, nullProbability: nullProbability)
        let arabicToEnglish = Self.viterbi(targets: arabicEntries, sources: englishEntries, null: english[""],
                                           tension: tension, nullProbability: nullProbability)
        let forward = englishToArabic.enumerated().compactMap { english, arabic in arabic.map { WordAlignment.Link(arabic: $0, english: english) } }
        let backward = arabicToEnglish.enumerated().compactMap { arabic, english in english.map { WordAlignment.Link(arabic: arabic, english: $0) } }
        return WordAlignment(symmetrizing: forward, backward, arabicCount: arabicTokens.count, englishCount: englishTokens.count)
    }

    /// For each target token, the source token it most likely comes from, or nil for NULL.
    static func viterbi(targets: [Entry?], sources: [Entry?], null: Entry?, tension: Float, nullProbability: Float) -> [Int?] {
        let n = sources.count, m = targets.count
        guard n > 0 else { return Array(repeating: nil, count: m) }
        var priors = [Float](repeating: 0, count: n)
        return targets.enumerated().map { i, target in
            guard let target else { return nil }
            let position = Float(i + 1) / Float(m)
            var normalizer: Float = 0
            for j in 0 ..< n {
                priors[j] = expf(-tension * abs(position - Float(j + 1) / Float(n)))
                normalizer += priors[j]
            }
            var best: Int?
            var bestScore = nullProbability * (null?.row[target.id] ?? WordAlignerTraining.floor)
            for j in 0 ..< n {
                guard let source = sources[j], let probability = source.row[target.id] else { continue }
                let score = (1 - nullProbability) * priors[j] / normalizer * probability
                if score > bestScore {
                    bestScore = score
                    best = j
                }
            }
            return best
        }
    }
}

/// The word links of one sentence pair, as token indices on each side.
public struct WordAlignment: Sendable, Equatable {
    public struct Link: Sendable, Hashable, Comparable {
        public let arabic: Int
        public let english: Int

        public init(arabic: Int, english: Int) {
            self.arabic = arabic
            self.english = english
        }

        public static func < (a: Link, b: Link) -> Bool { (a.arabic, a.english) < (b.arabic, b.english) }
    }

    /// The links, sorted.
    public let links: [Link]

    public init(links: [Link]) {
        self.links = Array(Set(links)).sorted()
    }

    /// grow-diag-final-and (Koehn et al. 2003): the intersection of the two directions, grown
    /// into the union through neighbouring links (diagonals included) that align a word not yet
    /// aligned, then the links of either direction between two words still unaligned.
    public init(symmetrizing forward: [Link], _ backward: [Link], arabicCount: Int, englishCount: Int) {
        let union = Set(forward).union(backward)
        var chosen = Set(forward).intersection(backward)
        var arabicAligned = Set(chosen.map(\.arabic)), englishAligned = Set(chosen.map(\.english))
        var grew = true
        while grew {
            grew = false
            for link in chosen.sorted() {
                for da in -1 ... 1 {
                    for de in -1 ... 1 where da != 0 || de != 0 {
                        let neighbour = Link(arabic: link.arabic + da, english: link.english + de)
                        guard union.contains(neighbour), !chosen.contains(neighbour),
                              !arabicAligned.contains(neighbour.arabic) || !englishAligned.contains(neighbour.english) else { continue }
                        chosen.insert(neighbour)
                        arabicAligned.insert(neighbour.arabic)
                        englishAligned.insert(neighbour.english)
                        grew = true
                    }
                }
            }
        }
        for link in (forward + backward).sorted() where !arabicAligned.contains(link.arabic) && !englishAligned.contains(link.english) {
            chosen.insert(link)
            arabicAligned.insert(link.arabic)
            englishAligned.insert(link.english)
        }
        links = chosen.sorted()
    }

    /// The English tokens that render the Arabic tokens `arabic`: the minimal span holding every
    /// English token linked to them, when no token inside it is linked outside them (the phrase
    /// pair is consistent); links from the `loose` Arabic tokens (clitics, which attach to
    /// whatever is near), inside `arabic` or outside it, do not count. When it is not consistent: the span of the English tokens
    /// linked only to `arabic`, if that one is; else the first span again, if the tokens in it
    /// linked outside are all linked to `arabic` as well and to an Arabic token that has another
    /// rendering outside the span (`resist` of "to try and resist" for مقاومة, when تحاول links
    /// to both `try` and `resist`). Nil when nothing consistent renders them.
    public func englishSpan(of arabic: Range<Int>, loose: Set<Int> = []) -> ClosedRange<Int>? {
        let ignored = arabic.allSatisfy(loose.contains) ? [] : loose
        let linked = links.filter { arabic.contains($0.arabic) && !ignored.contains($0.arabic) }.map(\.english)
        guard !linked.isEmpty else { return nil }
        if let span = consistentSpan(linked, arabic, loose, sharing: false) { return span }
        let own = linked.filter { english in links.allSatisfy { $0.english != english || arabic.contains($0.arabic) || loose.contains($0.arabic) } }
        if !own.isEmpty, let span = consistentSpan(own, arabic, loose, sharing: false) { return span }
        return consistentSpan(linked, arabic, loose, sharing: true)
    }

    private func consistentSpan(_ english: [Int], _ arabic: Range<Int>, _ loose: Set<Int>, sharing: Bool) -> ClosedRange<Int>? {
        let span = english.min()! ... english.max()!
        let shared = Set(english)
        return links.allSatisfy { link in
            !span.contains(link.english) || arabic.contains(link.arabic) || loose.contains(link.arabic)
                || sharing && shared.contains(link.english) && links.contains { $0.arabic == link.arabic && !span.contains($0.english) }
        } ? span : nil
    }
}
