import Foundation
import GRDB

extension TranslationStore {
    /// Stores an aligned translation: the Arabic document (unless it is stored already) and,
    /// for every aligned pair, the English as a rendering of its first Arabic unit with status
    /// `aligned` (never approved), origin `aligned NAME` and the confidence in its note. All or
    /// nothing. Returns the document and the renderings added.
    public func storeAlignment(source: SourceText, segments: [Segment], pairs: [AlignedPair], englishName: String,
                               translator: String?, at date: Date = Date()) throws(TarjumanError) -> (document: ImportOutcome, renderings: Int) {
        try database.write { db in
            let writer = try UnitWriter(db)
            let outcome = try Self.storeDocument(source, segments: segments, at: date, writer: writer, db)
            try writer.finish()
            var added = 0
            for pair in pairs {
                guard let first = pair.arabicSentences.first, !pair.englishSentences.isEmpty else { continue }
                let unit = try Self.fetchUnit(UnitID(document: outcome.document, ordinal: segments[first].index), db)
                guard let unitID = unit.id else { continue }
                var note = String(format: "aligned, unreviewed (confidence %.2f)", pair.confidence)
                if pair.arabicSentences.count > 1 {
                    note += "; also renders unit \(UnitID(document: outcome.document, ordinal: segments[pair.arabicSentences.last!].index))"
                }
                var rendering = Rendering(unitId: unitID, text: pair.english, translator: translator, status: .aligned,
                                          origin: "aligned \(englishName)", createdAt: date, note: note)
                try rendering.insert(db)
                added += 1
            }
            return (outcome, added)
        }
    }
}
