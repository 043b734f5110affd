import Foundation
import GRDB

extension TranslationStore {
    /// Stores an aligned translation: the Arabic document (unless it is stored already) and,
    /// for every aligned pair, the English as a rendering with status `aligned` (never approved),
    /// origin `aligned NAME` and the confidence in its note. A pair of several Arabic units gives
    /// each unit its share of the English sentences (split by length, in order) when there are as
    /// many English sentences or more, and otherwise the whole English to its first unit; either
    /// way each note names the other units of the pair, for review. All or nothing. Returns the
    /// document and the renderings added.
    public func storeAlignment(source: SourceText, segments: [Segment], pairs: [AlignedPair], englishName: String,
                               translator: String?, at date: Date = Date()) throws(TarjumanError) -> (document: ImportOutcome, renderings: Int) {
        try database.write { db in
            let writer = try UnitWriter(db)
            let outcome = try Self.storeDocument(source, segments: segments, at: date, writer: writer, db)
            try writer.finish()
            var added = 0
            for pair in pairs {
                guard !pair.arabicSentences.isEmpty, !pair.englishSentences.isEmpty else { continue }
                let ids = pair.arabicSentences.map { UnitID(document: outcome.document, ordinal: segments[$0].index) }
                let shares: [String]
                if ids.count > 1, pair.englishParts.count >= ids.count {
                    shares = SentenceAligner.split(pair.englishParts, among: pair.arabicSentences.map { segments[$0].text })
                } else {
                    shares = [pair.english]
                }
                for (index, share) in shares.enumerated() {
                    let unit = try Self.fetchUnit(ids[index], db)
                    guard let unitID = unit.id else { continue }
                    var note = String(format: "aligned, unreviewed (confidence %.2f)", pair.confidence)
                    if ids.count > 1 {
                        let others = ids.enumerated().filter { $0.offset != index }.map(\.element.description).joined(separator: ", ")
                        note += shares.count > 1
                            ? "; split by length from a \(ids.count)-\(pair.englishParts.count) group with unit \(others): review"
                            : "; also renders unit \(others)"
                    }
                    var rendering = Rendering(unitId: unitID, text: share, translator: translator, status: .aligned,
                                              origin: "aligned \(englishName)", createdAt: date, note: note)
                    try rendering.insert(db)
                    added += 1
                }
            }
            return (outcome, added)
        }
    }
}
