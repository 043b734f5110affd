import Foundation
import GRDB

/// What is known of the stored word-alignment model.
public struct WordAlignmentStatus: Sendable, Equatable, Codable {
    public let trainedAt: Date
    /// Sentence pairs it was trained on.
    public let pairs: Int
    /// Renderings added or removed since it was trained; 0 when it is up to date.
    public let changedRenderings: Int
    public let seconds: Double

    public var isCurrent: Bool { changedRenderings == 0 }
}

/// The word aligner of a database: trained on every unit with a current rendering (document
/// units and memory entries alike), stored as one row per token with its translation
/// probabilities, so that a lookup reads only the tokens of the units it shows and never retrains.
public struct WordAlignmentStore: Sendable {
    public let database: TarjumanDatabase

    public init(database: TarjumanDatabase) {
        self.database = database
    }

    /// Trains the aligner on the database's pairs and stores it in place of the old one, in one
    /// transaction. Returns the trained model's status.
    @discardableResult
    public func train(settings: WordAlignerSettings = WordAlignerSettings()) throws(TarjumanError) -> WordAlignmentStatus {
        let started = Date()
        let (trained, fingerprint) = try database.read { db -> (TrainedWordAligner, Fingerprint) in
            let fingerprint = try Self.fingerprint(db)
            let trained = try WordAlignerTraining.train(settings: settings) { body in
                let statement = try FastStatement(db, sql: """
                    SELECT u.text, r.text FROM unit u JOIN \(CurrentRendering.view) r ON r.unitId = u.id ORDER BY u.id
                    """)
                statement.reset()
                while try statement.step() { body(statement.text(at: 0), statement.text(at: 1)) }
            }
            return (trained, fingerprint)
        }
        let seconds = Date().timeIntervalSince(started)
        try database.write { db in
            try Self.save(trained, fingerprint: fingerprint, settings: settings, seconds: seconds, at: started, db)
        }
        return WordAlignmentStatus(trainedAt: started, pairs: trained.pairs, changedRenderings: 0, seconds: seconds)
    }

    /// The share of changed renderings past which an import retrains the model.
    public static let retrainingShare = 0.05

    /// What `refresh` did.
    public enum Refresh: Sendable, Equatable {
        /// The model was trained (again).
        case trained(WordAlignmentStatus)
        /// The model is behind by fewer renderings than retraining waits for.
        case behind(WordAlignmentStatus)
        /// The model is up to date, or there is nothing to train on.
        case current
    }

    /// Retrains the model after the renderings changed: when there is none yet, or when the
    /// renderings added or removed since it was trained are at least `share` of those it was
    /// trained on, so that a small import into a large memory does not retrain it all.
    @discardableResult
    public func refresh(share: Double = Self.retrainingShare, settings: WordAlignerSettings = WordAlignerSettings()) throws(TarjumanError) -> Refresh {
        if let status = try status() {
            if status.isCurrent { return .current }
            if Double(status.changedRenderings) < share * Double(max(status.pairs, 1)) { return .behind(status) }
        } else if try database.read({ db in try Self.fingerprint(db).renderings }) == 0 {
            return .current
        }
        return .trained(try train(settings: settings))
    }

    /// The stored model's status; nil when none was trained.
    public func status() throws(TarjumanError) -> WordAlignmentStatus? {
        try database.read { db in try Self.status(db) }
    }

    /// Whether a model was trained.
    static func hasModel(_ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM wordAlignmentModel)") ?? false
    }

    /// With `countingRemovals` false, only renderings added since training count as changed:
    /// counting every rendering to notice removed ones costs a scan a lookup should not pay.
    static func status(_ db: Database, countingRemovals: Bool = true) throws -> WordAlignmentStatus? {
        guard let row = try Row.fetchOne(db, sql: "SELECT trainedAt, pairs, renderings, lastRendering, seconds FROM wordAlignmentModel") else {
            return nil
        }
        let renderings: Int = row[2], last: Int64 = row[3]
        let added = try Int.fetchOne(db, sql: "SELECT count(*) FROM rendering WHERE id > ?", arguments: [last]) ?? 0
        let changed = countingRemovals ? max(added, abs(try fingerprint(db).renderings - renderings)) : added
        return WordAlignmentStatus(trainedAt: row[0], pairs: row[1], changedRenderings: changed, seconds: row[4])
    }

    struct Fingerprint {
        let renderings: Int
        let lastRendering: Int64
    }

    static func fingerprint(_ db: Database) throws -> Fingerprint {
        let row = try Row.fetchOne(db, sql: "SELECT count(*), coalesce(max(id), 0) FROM rendering")!
        return Fingerprint(renderings: row[0], lastRendering: row[1])
    }

    static func save(_ trained: TrainedWordAligner, fingerprint: Fingerprint, settings: WordAlignerSettings,
                     seconds: Double, at date: Date, _ db: Database) throws {
        try db.execute(sql: "DELETE FROM wordAlignmentModel")
        try db.execute(sql: "DELETE FROM wordAlignmentToken")
        try db.execute(sql: "DELETE FROM wordAlignmentSplit")
        try db.execute(sql: """
            INSERT INTO wordAlignmentModel (id, trainedAt, pairs, renderings, lastRendering, seconds, tension, nullProbability)
            VALUES (1, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [date, trained.pairs, fingerprint.renderings, fingerprint.lastRendering, seconds,
                             Double(settings.tension), Double(settings.nullProbability)])
        let token = try db.makeStatement(sql: "INSERT INTO wordAlignmentToken (side, text, id, frequency, row) VALUES (?, ?, ?, ?, ?)")
        for (side, vocabulary, frequency, rows) in [(0, trained.arabicVocabulary, trained.arabicFrequency, trained.englishGivenArabic),
                                                     (1, trained.englishVocabulary, trained.englishFrequency, trained.arabicGivenEnglish)] {
            for (id, text) in vocabulary.enumerated() {
                try token.execute(arguments: [side, text, id, frequency[id], Self.encode(rows[id])])
            }
        }
        let split = try db.makeStatement(sql: "INSERT INTO wordAlignmentSplit (word, proclitics, enclitic, tehMarbuta, articleIsLam) VALUES (?, ?, ?, ?, ?)")
        for (word, value) in trained.splitter.known {
            try split.execute(arguments: [word, value.proclitics.map(String.init).joined(separator: ","), value.enclitic,
                                          value.stemEndsInTehMarbuta, value.articleIsLam])
        }
    }

    /// A row as little-endian (id, probability) pairs.
    static func encode(_ row: [(target: Int32, probability: Float)]) -> Data {
        var data = Data(capacity: row.count * 8)
        for entry in row {
            withUnsafeBytes(of: entry.target.littleEndian) { data.append(contentsOf: $0) }
            withUnsafeBytes(of: entry.probability.bitPattern.littleEndian) { data.append(contentsOf: $0) }
        }
        return data
    }

    static func decode(_ bytes: UnsafeRawBufferPointer) -> [Int32: Float] {
        var row: [Int32: Float] = [:]
        row.reserveCapacity(bytes.count / 8)
        var offset = 0
        while offset + 8 <= bytes.count {
            let id = Int32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self))
            let bits = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self))
            row[id] = Float(bitPattern: bits)
            offset += 8
        }
        return row
    }

    /// The lexicon the pairs need, with the splits of their Arabic words; nil when no model was
    /// trained.
    public func lexicon(for pairs: [(arabic: String, english: String)]) throws(TarjumanError) -> AlignmentLexicon? {
        try database.read { db in try Self.lexicon(for: pairs, db) }
    }

    static func lexicon(for pairs: [(arabic: String, english: String)], _ db: Database) throws -> AlignmentLexicon? {
        try tokenized(pairs, db)?.lexicon
    }

    /// The pairs' tokens and the lexicon they need; nil when no model was trained.
    static func tokenized(_ pairs: [(arabic: String, english: String)], _ db: Database) throws
        -> (lexicon: AlignmentLexicon, tokens: [(arabic: [AlignmentToken], english: [AlignmentToken])])? {
        guard let model = try Row.fetchOne(db, sql: "SELECT tension, nullProbability FROM wordAlignmentModel") else { return nil }
        let splitStatement = try FastStatement(db, sql: "SELECT proclitics, enclitic, tehMarbuta, articleIsLam FROM wordAlignmentSplit WHERE word = ?")
        var known: [String: ArabicWordSplitter.Split] = [:]
        var looked = Set<String>()
        for pair in pairs {
            AlignmentTokenizer.arabicWords(pair.arabic) { looked.insert($0) }
        }
        for word in looked {
            splitStatement.reset()
            splitStatement.bind(word, at: 1)
            guard try splitStatement.step() else { continue }
            known[word] = ArabicWordSplitter.Split(proclitics: splitStatement.text(at: 0).split(separator: ",").compactMap { Int($0) },
                                                   enclitic: Int(splitStatement.int64(at: 1)), stemEndsInTehMarbuta: splitStatement.int64(at: 2) != 0,
                                                   articleIsLam: splitStatement.int64(at: 3) != 0)
        }
        splitStatement.reset()
        var lexicon = AlignmentLexicon(splitter: ArabicWordSplitter(known: known))
        lexicon.tension = Float(model[0] as Double)
        lexicon.nullProbability = Float(model[1] as Double)
        let tokens = pairs.map { pair in
            (arabic: AlignmentTokenizer.arabic(pair.arabic, splitter: lexicon.splitter), english: AlignmentTokenizer.english(pair.english))
        }
        var arabicTexts: Set<String> = [""], englishTexts: Set<String> = [""]
        for pair in tokens {
            for token in pair.arabic { arabicTexts.insert(token.text) }
            for token in pair.english { englishTexts.insert(token.text) }
        }
        let tokenStatement = try FastStatement(db, sql: "SELECT id, row FROM wordAlignmentToken WHERE side = ? AND text = ?")
        for (side, texts) in [(0, arabicTexts), (1, englishTexts)] {
            for text in texts {
                tokenStatement.reset()
                tokenStatement.bind(side, at: 1)
                tokenStatement.bind(text, at: 2)
                guard try tokenStatement.step() else { continue }
                let entry = AlignmentLexicon.Entry(id: Int32(tokenStatement.int64(at: 0)), row: tokenStatement.withBlob(at: 1, decode))
                if side == 0 { lexicon.arabic[text] = entry } else { lexicon.english[text] = entry }
            }
        }
        tokenStatement.reset()
        return (lexicon, tokens)
    }
}
