/// Translation probabilities t(target | conditioning) of one alignment direction, for the word
/// pairs that occur together in a sentence pair, in an open-addressing hash table.
///
/// Its size is bounded by about twice `capacityLimit` slots: past that many pairs, the pairs seen
/// together least often are dropped (they are left with the floor probability), so that training
/// memory stays bounded however large the memory grows.
struct LexicalTable {
    private(set) var keys: [UInt64]
    var probabilities: [Float]
    var counts: [Float]
    private(set) var filled = 0
    private var mask: Int
    let capacityLimit: Int
    /// Pairs dropped because the table was full.
    private(set) var pruned = 0

    static let empty = UInt64.max

    init(capacity: Int = 1 << 16, capacityLimit: Int = 1 << 26) {
        var size = 1
        while size < capacity * 2 { size <<= 1 }
        keys = Array(repeating: Self.empty, count: size)
        probabilities = Array(repeating: 0, count: size)
        counts = Array(repeating: 0, count: size)
        mask = size - 1
        self.capacityLimit = capacityLimit
    }

    static func key(_ conditioning: Int32, _ target: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: conditioning)) << 32 | UInt64(UInt32(bitPattern: target))
    }

    static func conditioning(of key: UInt64) -> Int32 { Int32(bitPattern: UInt32(truncatingIfNeeded: key >> 32)) }
    static func target(of key: UInt64) -> Int32 { Int32(bitPattern: UInt32(truncatingIfNeeded: key)) }

    @inline(__always)
    private func hash(_ key: UInt64) -> Int {
        var x = key &* 0x9E37_79B9_7F4A_7C15
        x ^= x >> 29
        return Int(truncatingIfNeeded: x) & mask
    }

    /// The slot of a pair, or -1 when the table does not hold it.
    @inline(__always)
    func slot(_ key: UInt64) -> Int {
        var index = hash(key)
        while true {
            let found = keys[index]
            if found == key { return index }
            if found == Self.empty { return -1 }
            index = (index + 1) & mask
        }
    }

    /// Counts one co-occurrence of a pair, adding it when it is new.
    mutating func addCooccurrence(_ key: UInt64) {
        var index = hash(key)
        while true {
            let found = keys[index]
            if found == key {
                counts[index] += 1
                return
            }
            if found == Self.empty { break }
            index = (index + 1) & mask
        }
        keys[index] = key
        counts[index] = 1
        filled += 1
        if filled * 4 > keys.count * 3 { grow() }
    }

    /// Doubles the table, or once it holds `capacityLimit` pairs, drops the rarest pairs (seen
    /// once, then twice, ...) until it is at most half full.
    private mutating func grow() {
        if filled < capacityLimit {
            rebuild(size: keys.count << 1, minimumCount: 0)
            return
        }
        var minimumCount: Float = 2
        while filled * 2 > keys.count {
            rebuild(size: keys.count, minimumCount: minimumCount)
            minimumCount += 1
        }
    }

    private mutating func rebuild(size: Int, minimumCount: Float) {
        let oldKeys = keys, oldCounts = counts
        keys = Array(repeating: Self.empty, count: size)
        counts = Array(repeating: 0, count: size)
        probabilities = Array(repeating: 0, count: size)
        mask = size - 1
        filled = 0
        for (index, key) in oldKeys.enumerated() where key != Self.empty {
            if oldCounts[index] < minimumCount {
                pruned += 1
                continue
            }
            var slot = hash(key)
            while keys[slot] != Self.empty { slot = (slot + 1) & mask }
            keys[slot] = key
            counts[slot] = oldCounts[index]
            filled += 1
        }
    }

    /// Sets every probability to `value` (the uniform start of training).
    mutating func setAll(probability value: Float) {
        for index in keys.indices where keys[index] != Self.empty { probabilities[index] = value }
    }

    /// The M step: each probability becomes its expected count over its conditioning word's total.
    mutating func normalize(conditioningWords: Int) {
        var totals = [Double](repeating: 0, count: conditioningWords)
        for index in keys.indices where keys[index] != Self.empty {
            totals[Int(Self.conditioning(of: keys[index]))] += Double(counts[index])
        }
        for index in keys.indices where keys[index] != Self.empty {
            let total = totals[Int(Self.conditioning(of: keys[index]))]
            probabilities[index] = total > 0 ? Float(Double(counts[index]) / total) : 0
        }
    }

    /// Every pair whose probability is at least `minimum`, grouped by conditioning word.
    func rows(minimum: Float, conditioningWords: Int) -> [[(target: Int32, probability: Float)]] {
        var rows = Array(repeating: [(target: Int32, probability: Float)](), count: conditioningWords)
        for index in keys.indices where keys[index] != Self.empty && probabilities[index] >= minimum {
            rows[Int(Self.conditioning(of: keys[index]))].append((Self.target(of: keys[index]), probabilities[index]))
        }
        for index in rows.indices { rows[index].sort { $0.target < $1.target } }
        return rows
    }
}
