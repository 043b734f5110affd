import Foundation

/// A unit's search key, tokens and index ids, computed before it is stored (on another core
/// during bulk imports).
struct PreparedUnit: Sendable {
    let text: String
    /// Unicode scalars in the text.
    let length: Int
    let key: String
    let keyScalars: [Unicode.Scalar]
    let tokens: KeyTokens
    let keyHash: Int64
    /// The memory index ids of the key's words and numbers, per occurrence.
    let indexed: [(id: Int64, token: Int, occurrence: Int)]

    init(_ text: String) {
        self.text = text
        var utf8 = text
        length = utf8.withUTF8 { bytes in bytes.reduce(0) { $0 &+ ($1 & 0xC0 != 0x80 ? 1 : 0) } }
        key = ArabicSearchKey.key(text)
        keyScalars = Array(key.unicodeScalars)
        tokens = KeyTokens(scalars: keyScalars)
        keyHash = MemoryIndex.keyHash(key)
        indexed = MemoryIndex.indexedTokens(tokens.tokens)
    }
}

/// A document of sentence pairs ready to store: its text, content hash and prepared units.
struct PreparedPairDocument: Sendable {
    let name: String
    let pairs: [TranslationPair]
    let text: String
    let contentHash: String
    let offsets: [(start: Int, end: Int)]
    let units: [PreparedUnit]

    /// The document's text is the sources, one paragraph each.
    init(name: String, pairs: [TranslationPair]) {
        self.name = name
        self.pairs = pairs
        var paragraphs = ParagraphText()
        var offsets: [(start: Int, end: Int)] = []
        offsets.reserveCapacity(pairs.count)
        for pair in pairs {
            let range = paragraphs.append(pair.source)
            offsets.append((range.lowerBound, range.upperBound))
        }
        let text = paragraphs.text
        self.text = text
        self.offsets = offsets
        contentHash = ContentHash.sha256Hex(text)
        units = pairs.map { PreparedUnit($0.source) }
    }
}

/// Runs `prepare` over `items` in batches on a background thread, one batch ahead of `consume`,
/// which runs on the calling thread in order. Stops at the first error `consume` throws.
func pipelined<Item: Sendable, Prepared: Sendable>(
    _ items: [Item], batchSize: Int, prepare: @escaping @Sendable (Item) -> Prepared,
    consume: (Prepared) throws -> Void
) throws {
    let batches = stride(from: 0, to: items.count, by: batchSize).map { Array(items[$0 ..< min($0 + batchSize, items.count)]) }
    guard batches.count > 1 else {
        for item in items { try consume(prepare(item)) }
        return
    }
    let queue = PipelineQueue<[Prepared]>(capacity: 3)
    let producer = Thread {
        for batch in batches {
            guard queue.put(batch.map(prepare)) else { return }
        }
    }
    producer.start()
    defer { queue.cancel() }
    for _ in batches {
        guard let prepared = queue.take() else { break }
        for item in prepared { try consume(item) }
    }
}

/// Values a consumer thread hands back to the producer thread that made them, so that they
/// are freed there (cheaper for the allocator, and off the consumer's path).
final class Recycling<Element>: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Element] = []

    func put(_ item: Element) {
        lock.lock()
        items.append(item)
        lock.unlock()
    }

    /// Drops what was handed back, on the calling thread.
    func drain() {
        lock.lock()
        let taken = items
        items = []
        lock.unlock()
        withExtendedLifetime(taken) {}
    }
}

/// A bounded queue between one producer and one consumer thread.
final class PipelineQueue<Element: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [Element] = []
    private var cancelled = false
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Adds an element, waiting for room; false once the consumer has gone.
    func put(_ element: Element) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while items.count >= capacity && !cancelled { condition.wait() }
        if cancelled { return false }
        items.append(element)
        condition.broadcast()
        return true
    }

    /// Elements waiting to be taken.
    var count: Int {
        condition.lock()
        defer { condition.unlock() }
        return items.count
    }

    /// The next element, waiting for one; nil once cancelled.
    func take() -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty && !cancelled { condition.wait() }
        if items.isEmpty { return nil }
        let element = items.removeFirst()
        condition.broadcast()
        return element
    }

    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}
