import Foundation
import GRDB

/// What importing an XLIFF file did.
public struct XLIFFImportOutcome: Sendable, Equatable {
    public var file: String
    /// `trans-unit`s read.
    public var read = 0
    /// Units given a new rendering (new text, or the same text now approved).
    public var changed = 0
    /// Units whose target equals their current rendering (an approved rendering returned as a
    /// draft stays approved).
    public var unchanged = 0
    /// Units with no target or an empty one.
    public var untranslated = 0
    /// `trans-unit` ids that name no stored unit.
    public var unknown: [String] = []
    /// Inline codes left out of the targets and sources.
    public var droppedCodes = 0
}

/// Takes back the targets of an XLIFF 1.2 file, as translated in another tool, as renderings
/// of the units its `trans-unit` ids name; the old renderings stay in the history. A file whose
/// sources no longer match the stored units is refused whole.
public struct XLIFFImporter: Sendable {
    public let database: TarjumanDatabase

    public init(database: TarjumanDatabase) {
        self.database = database
    }

    /// Imports several files in one transaction: all of them, or none.
    public func importFiles(_ paths: [String], translator: String?, at date: Date = Date()) throws(TarjumanError) -> [XLIFFImportOutcome] {
        var contents: [(path: String, contents: XLIFFReader.Contents)] = []
        for path in paths {
            contents.append((path, try XLIFFReader.read(SourceText.data(contentsOf: path), origin: path)))
        }
        return try database.write { db in
            try contents.map { try apply($0.contents, path: $0.path, translator: translator, at: date, db) }
        }
    }

    func apply(_ contents: XLIFFReader.Contents, path: String, translator: String?, at date: Date, _ db: Database) throws -> XLIFFImportOutcome {
        let name = URL(fileURLWithPath: path).lastPathComponent
        var outcome = XLIFFImportOutcome(file: name, read: contents.units.count, droppedCodes: contents.droppedCodes)
        var mismatches: [XLIFFUnit] = []
        var updates: [(unit: Int64, xliff: XLIFFUnit, target: String)] = []
        let findUnit = try db.cachedStatement(sql: "SELECT id, text, codes FROM unit WHERE documentId = ? AND ordinal = ?")
        for xliff in contents.units {
            guard let id = try? UnitID(parsing: xliff.id),
                  let row = try Row.fetchOne(findUnit, arguments: [id.document, id.ordinal]) else {
                outcome.unknown.append(xliff.id)
                continue
            }
            var stored: String = row[1]
            stored = TaggedText.tagged(stored, codes: InlineCode.stored(row[2]))
            guard Self.sameText(stored, xliff.source) else {
                mismatches.append(xliff)
                continue
            }
            guard let target = xliff.target, !target.allSatisfy(\.isWhitespace) else {
                outcome.untranslated += 1
                continue
            }
            updates.append((row[0], xliff, target))
        }
        if let first = mismatches.first {
            throw TarjumanError.sourceMismatch(file: path, line: first.line, unit: first.id, count: mismatches.count)
        }
        let current = try db.cachedStatement(sql: "SELECT text, status FROM \(CurrentRendering.view) WHERE unitId = ?")
        for update in updates {
            let status: RenderingStatus = update.xliff.isApproved ? .approved : .draft
            if let row = try Row.fetchOne(current, arguments: [update.unit]), XMLText.allowedOnly(row[0]) == update.target,
               status == .draft || row[1] as String == RenderingStatus.approved.rawValue {
                outcome.unchanged += 1
                continue
            }
            var rendering = Rendering(unitId: update.unit, text: update.target, translator: translator, status: status,
                                      origin: "xliff \(name)", createdAt: date,
                                      note: update.xliff.notes.isEmpty ? nil : update.xliff.notes.joined(separator: "\n"))
            try rendering.insert(db)
            outcome.changed += 1
        }
        return outcome
    }

    /// Whether two sources are the same text, allowing for characters the export left out,
    /// and white space and Unicode normalization changed by another tool.
    static func sameText(_ stored: String, _ returned: String) -> Bool {
        let stored = XMLText.allowedOnly(stored)
        if stored == returned { return true }
        func normalized(_ text: String) -> String {
            text.precomposedStringWithCanonicalMapping.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        return normalized(stored) == normalized(returned)
    }
}
