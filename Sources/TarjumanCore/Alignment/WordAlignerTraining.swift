import Foundation
import Synchronization

/// The settings of word-alignment training: IBM Model 2 with fast_align's diagonal prior
/// (Dyer, Chahuneau and Smith 2013), trained by EM in both directions.
public struct WordAlignerSettings: Sendable, Equatable {
    /// EM iterations per direction.
    public var iterations = 5
    /// How strongly a word is expected near the diagonal: p(j | i) ∝ exp(−tension·|i/m − j/n|).
    public var tension: Float = 4
    /// The probability that a word is aligned to nothing.
    public var nullProbability: Float = 0.08
    /// Pairs with more tokens than this on either side are left out of training.
    public var maximumTokens = 250
    /// Translation probabilities below this are not kept in the stored model.
    public var minimumProbability: Float = 0.001
    /// The most word pairs a direction's table holds while training (memory bound).
    public var tableLimit = 1 << 24

    public init() {}
}

/// A trained word aligner: the clitic splits it learned, and for every token of each side its
/// translation probabilities into the other side.
public struct TrainedWordAligner: Sendable {
    public let splitter: ArabicWordSplitter
    /// Token texts by id; id 0 is the empty word (NULL).
    public let arabicVocabulary: [String]
    public let englishVocabulary: [String]
    public let arabicFrequency: [Int32]
    public let englishFrequency: [Int32]
    /// For each Arabic token id, t(english id | arabic), sorted by English id.
    public let englishGivenArabic: [[(target: Int32, probability: Float)]]
    /// For each English token id, t(arabic id | english), sorted by Arabic id.
    public let arabicGivenEnglish: [[(target: Int32, probability: Float)]]
    /// Sentence pairs trained on.
    public let pairs: Int
    /// Word pairs left out when a table reached its bound.
    public let pruned: Int

    /// The lexicon of the whole model, for aligning any pair with it.
    public var lexicon: AlignmentLexicon {
        var lexicon = AlignmentLexicon(splitter: splitter)
        for (id, text) in arabicVocabulary.enumerated() {
            lexicon.arabic[text] = AlignmentLexicon.Entry(id: Int32(id), row: Dictionary(uniqueKeysWithValues: englishGivenArabic[id].map { ($0.target, $0.probability) }))
        }
        for (id, text) in englishVocabulary.enumerated() {
            lexicon.english[text] = AlignmentLexicon.Entry(id: Int32(id), row: Dictionary(uniqueKeysWithValues: arabicGivenEnglish[id].map { ($0.target, $0.probability) }))
        }
        return lexicon
    }
}

/// Trains the word aligner on sentence pairs (Arabic, English).
public enum WordAlignerTraining {
    /// Trains on the pairs `forEachPair` gives; it is called twice (once to learn the clitic
    /// splits, once to read the tokens), so that the texts need not be held in memory.
    public static func train(settings: WordAlignerSettings = WordAlignerSettings(),
                             forEachPair: ((_ arabic: String, _ english: String) -> Void) throws -> Void) rethrows -> TrainedWordAligner {
        var frequencies: [String: Int] = [:]
        try forEachPair { arabic, _ in
            AlignmentTokenizer.arabicWords(arabic) { frequencies[$0, default: 0] += 1 }
        }
        let splitter = ArabicWordSplitter(frequencies: frequencies)
        frequencies = [:]
        var corpus = EncodedCorpus()
        try forEachPair { arabic, english in
            corpus.add(arabic: AlignmentTokenizer.arabic(arabic, splitter: splitter), english: AlignmentTokenizer.english(english),
                       maximumTokens: settings.maximumTokens)
        }
        let frozen = corpus
        let tables = Mutex<[Int: LexicalTable]>([:])
        DispatchQueue.concurrentPerform(iterations: 2) { direction in
            let table = direction == 0
                ? train(conditioning: frozen.arabic, frozen.arabicStarts, words: frozen.arabicVocabulary.count,
                        targets: frozen.english, frozen.englishStarts, settings: settings)
                : train(conditioning: frozen.english, frozen.englishStarts, words: frozen.englishVocabulary.count,
                        targets: frozen.arabic, frozen.arabicStarts, settings: settings)
            tables.withLock { $0[direction] = table }
        }
        let (englishGivenArabic, arabicGivenEnglish) = tables.withLock { ($0[0]!, $0[1]!) }
        return TrainedWordAligner(
            splitter: splitter, arabicVocabulary: corpus.arabicVocabulary, englishVocabulary: corpus.englishVocabulary,
            arabicFrequency: corpus.arabicFrequency, englishFrequency: corpus.englishFrequency,
            englishGivenArabic: englishGivenArabic.rows(minimum: settings.minimumProbability, conditioningWords: corpus.arabicVocabulary.count),
            arabicGivenEnglish: arabicGivenEnglish.rows(minimum: settings.minimumProbability, conditioningWords: corpus.englishVocabulary.count),
            pairs: corpus.pairs, pruned: englishGivenArabic.pruned + arabicGivenEnglish.pruned)
    }

    /// The probability a pair the table does not hold is given.
    static let floor: Float = 1e-7

    /// EM for t(target | conditioning) with the diagonal prior, conditioning id 0 being NULL.
    static func train(conditioning: [Int32], _ conditioningStarts: [Int], words: Int,
                      targets: [Int32], _ targetStarts: [Int], settings: WordAlignerSettings) -> LexicalTable {
        let pairs = conditioningStarts.count - 1
        var table = LexicalTable(capacity: min(1 << 20, settings.tableLimit), capacityLimit: settings.tableLimit)
        for pair in 0 ..< pairs {
            let sources = conditioning[conditioningStarts[pair] ..< conditioningStarts[pair + 1]]
            for target in targets[targetStarts[pair] ..< targetStarts[pair + 1]] {
                table.addCooccurrence(LexicalTable.key(0, target))
                for source in sources { table.addCooccurrence(LexicalTable.key(source, target)) }
            }
        }
        table.setAll(probability: 1)
        let longest = (0 ..< pairs).map { conditioningStarts[$0 + 1] - conditioningStarts[$0] }.max() ?? 0
        var slots = [Int](repeating: -1, count: longest + 1)
        var weights = [Float](repeating: 0, count: longest + 1)
        let null = settings.nullProbability
        /// The E step: each pair's expected count under the current probabilities.
        func expectedCounts(reader: LexicalTable) -> [Float] {
            let probabilities = reader.probabilities
            var expected = [Float](repeating: 0, count: reader.keys.count)
            expected.withUnsafeMutableBufferPointer { counts in
                for pair in 0 ..< pairs {
                    let sourceStart = conditioningStarts[pair], n = conditioningStarts[pair + 1] - sourceStart
                    let targetStart = targetStarts[pair], m = targetStarts[pair + 1] - targetStart
                    guard n > 0, m > 0 else { continue }
                    for i in 0 ..< m {
                        let target = targets[targetStart + i]
                        let nullSlot = reader.slot(LexicalTable.key(0, target))
                        slots[0] = nullSlot
                        weights[0] = null * (nullSlot >= 0 ? probabilities[nullSlot] : floor)
                        var total = weights[0]
                        var normalizer: Float = 0
                        let position = Float(i + 1) / Float(m)
                        for j in 0 ..< n {
                            let prior = expf(-settings.tension * abs(position - Float(j + 1) / Float(n)))
                            weights[j + 1] = prior
                            normalizer += prior
                        }
                        let scale = (1 - null) / normalizer
                        for j in 0 ..< n {
                            let slot = reader.slot(LexicalTable.key(conditioning[sourceStart + j], target))
                            slots[j + 1] = slot
                            let weight = weights[j + 1] * scale * (slot >= 0 ? probabilities[slot] : floor)
                            weights[j + 1] = weight
                            total += weight
                        }
                        guard total > 0 else { continue }
                        for j in 0 ... n where slots[j] >= 0 { counts[slots[j]] += weights[j] / total }
                    }
                }
            }
            return expected
        }
        for _ in 0 ..< settings.iterations {
            // The E step's copy of the table is gone before the M step writes, so that the
            // arrays are not copied.
            table.counts = expectedCounts(reader: table)
            table.normalize(conditioningWords: words)
        }
        return table
    }
}

/// Sentence pairs as token ids, one flat array per side.
struct EncodedCorpus: Sendable {
    var arabicVocabulary: [String] = [""]
    var englishVocabulary: [String] = [""]
    var arabicFrequency: [Int32] = [0]
    var englishFrequency: [Int32] = [0]
    var arabicIds: [String: Int32] = [:]
    var englishIds: [String: Int32] = [:]
    var arabic: [Int32] = []
    var english: [Int32] = []
    var arabicStarts: [Int] = [0]
    var englishStarts: [Int] = [0]

    var pairs: Int { arabicStarts.count - 1 }

    mutating func add(arabic arabicTokens: [AlignmentToken], english englishTokens: [AlignmentToken], maximumTokens: Int) {
        guard !arabicTokens.isEmpty, !englishTokens.isEmpty,
              arabicTokens.count <= maximumTokens, englishTokens.count <= maximumTokens else { return }
        for token in arabicTokens {
            arabic.append(Self.id(token.text, &arabicIds, &arabicVocabulary, &arabicFrequency))
        }
        for token in englishTokens {
            english.append(Self.id(token.text, &englishIds, &englishVocabulary, &englishFrequency))
        }
        arabicStarts.append(arabic.count)
        englishStarts.append(english.count)
    }

    static func id(_ text: String, _ ids: inout [String: Int32], _ vocabulary: inout [String], _ frequency: inout [Int32]) -> Int32 {
        if let id = ids[text] {
            frequency[Int(id)] += 1
            return id
        }
        let id = Int32(vocabulary.count)
        ids[text] = id
        vocabulary.append(text)
        frequency.append(1)
        return id
    }
}
