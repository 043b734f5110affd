import TarjumanCore
/// Every memory source held in RAM as token hashes and weights and compared with a query one
/// by one: the reference the memory index is checked against. Shares only the tokenizer and
/// the scoring formula with `MemoryMatcher`.
public struct BruteForceMemory: Sendable {
    private var hashes: [UInt64] = []
    private var weights: [UInt8] = []
    private var starts: [Int] = [0]
    private var totals: [Int] = []

    public init() {}

    public var count: Int { totals.count }

    /// Adds one source, by its search key.
    public mutating func add(key: String) {
        let tokens = KeyTokens(key: key)
        for token in tokens.tokens {
            hashes.append(token.hash)
            weights.append(UInt8(token.kind.weight))
        }
        starts.append(hashes.count)
        totals.append(tokens.weight)
    }

    /// The best score any source reaches for `key` (0 when there is none).
    public func bestScore(for key: String) -> Int {
        let query = KeyTokens(key: key)
        let queryHashes = query.tokens.map(\.hash), queryWeights = query.tokens.map { $0.kind.weight }
        var best = 0
        var previous = [Int](), current = [Int]()
        for entry in 0 ..< totals.count {
            let total = totals[entry]
            let larger = max(total, query.weight)
            guard larger > 0 else { continue }
            // Only a score above `best` matters: its distance is at most `limit`.
            let limit = best >= 100 ? -1 : larger * (100 - (best + 1)) / 100
            if abs(total - query.weight) > limit { continue }
            let range = starts[entry] ..< starts[entry + 1]
            let columns = range.count
            previous.removeAll(keepingCapacity: true)
            previous.append(0)
            for column in range { previous.append(previous.last! + Int(weights[column])) }
            current = previous
            var exceeded = false
            for row in queryHashes.indices {
                let weight = queryWeights[row], hash = queryHashes[row]
                current[0] = previous[0] + weight
                var rowMinimum = current[0]
                for column in 0 ..< columns {
                    let otherWeight = Int(weights[range.lowerBound + column])
                    let replace = previous[column] + (hash == hashes[range.lowerBound + column] ? 0 : max(weight, otherWeight))
                    let value = min(replace, min(previous[column + 1] + weight, current[column] + otherWeight))
                    current[column + 1] = value
                    rowMinimum = min(rowMinimum, value)
                }
                if rowMinimum > limit {
                    exceeded = true
                    break
                }
                swap(&previous, &current)
            }
            if exceeded { continue }
            let distance = previous[columns]
            guard distance <= limit else { continue }
            best = max(best, TokenEditDistance.score(distance: distance, queryWeight: query.weight, sourceWeight: total))
        }
        return best
    }
}
