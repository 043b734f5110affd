import Foundation

/// Everything that can go wrong in Tarjuman, each with a message that tells the user what to do.
public enum TarjumanError: Error, LocalizedError, CustomStringConvertible, Equatable, Sendable {
    case fileNotFound(String)
    case notAFile(String)
    case unreadableFile(String, reason: String)
    case invalidUTF8(file: String, byteOffset: Int)
    case emptyInput(file: String)
    case invalidText(file: String, byteOffset: Int, encoding: String)
    case binaryFile(file: String, hint: String)
    case noArabicText(file: String)
    case lineTooLong(file: String, line: Int, limit: Int)
    case icuUnavailable(locale: String, status: Int32)
    case databaseNotFound(String)
    case notATarjumanDatabase(String)
    case databaseLocked(String)
    case databaseFailure(String)
    case databaseTooNew(String)
    case invalidUnitID(String)
    case unknownUnit(String)
    case unknownDocument(Int64)
    case emptyRendering(unit: String)
    case malformedTSVLine(file: String, line: Int, reason: String)
    case invalidTerm(String)
    case malformedFile(file: String, line: Int, column: Int, reason: String)
    case unknownTerm(String)
    case unknownFormat(file: String, hint: String)
    case emptyQuery
    case sourceMismatch(file: String, line: Int, unit: String, count: Int)
    case unknownFinding(String)
    case renderingConflict(unit: String, current: Rendering?)
    case unknownMemory(String)
    case memoryExists(String)
    case invalidMemoryName(String)
    case notADocument(Int64, memory: String)
    case unknownAccount(String)
    case accountExists(String)
    case invalidAccount(String)
    case lastAdmin(String)
    case rejectionNeedsComment(unit: String)
    case nothingToReview(unit: String)
    case approvedNeedsReviewer(unit: String)
    /// A DOCX or HTML file that cannot be read as one; `reason` says why and what to do.
    case unreadableDocument(file: String, reason: String)
    /// A document that cannot be written in the format asked for; `reason` says why and what to do.
    case cannotExportDocument(Int64, reason: String)

    public var errorDescription: String? {
        switch self {
        case .fileNotFound(let path):
            return "\(path): no such file; check the path."
        case .unreadableDocument(let file, let reason):
            return "\(file): \(reason)."
        case .cannotExportDocument(let document, let reason):
            return "document \(document): \(reason)."
        case .notAFile(let path):
            return "\(path): is a directory; give a text file."
        case .unreadableFile(let path, let reason):
            return "\(path): cannot be read (\(reason))."
        case .invalidUTF8(let file, let offset):
            return "\(file): invalid UTF-8 at byte offset \(offset); save the file as UTF-8 and try again."
        case .emptyInput(let file):
            return "\(file): the input is empty; give a file with Arabic text."
        case .invalidText(let file, let offset, let encoding):
            return "\(file): invalid \(encoding) at byte offset \(offset); save the file as UTF-8 and try again."
        case .binaryFile(let file, let hint):
            return "\(file): not a text file (\(hint)); give a UTF-8 or UTF-16 text file."
        case .noArabicText(let file):
            return "\(file): holds no Arabic text; give the Arabic side (is this the English file?)."
        case .lineTooLong(let file, let line, let limit):
            return "\(file):\(line): a line longer than \(limit / 1_000_000) MB; each line of a TSV or CSV file holds one entry (is a quote never closed?)."
        case .icuUnavailable(let locale, let status):
            return "ICU could not open a sentence break iterator for '\(locale)' (error \(status)); install libicu."
        case .databaseNotFound(let path):
            return "\(path): no database here; run 'tarjuman import FILE' first, or pass --db PATH."
        case .notATarjumanDatabase(let path):
            return "\(path): not a Tarjuman database; pass --db with a Tarjuman database or a new path."
        case .databaseLocked(let path):
            return "\(path): the database is locked by another program; try again when it has finished."
        case .databaseFailure(let message):
            return "database error: \(message)"
        case .databaseTooNew(let path):
            return "\(path): made by a newer Tarjuman; upgrade tarjuman to open it."
        case .invalidUnitID(let text):
            return "'\(text)' is not a unit id; unit ids look like 3.12 (document 3, unit 12)."
        case .unknownUnit(let id):
            return "unit \(id) does not exist; 'tarjuman units' lists the unit ids."
        case .unknownDocument(let id):
            return "document \(id) does not exist; 'tarjuman documents' lists the documents."
        case .emptyRendering(let unit):
            return "the rendering for unit \(unit) is empty; give the English text."
        case .malformedTSVLine(let file, let line, let reason):
            return "\(file):\(line): \(reason); each line must be: unit id, tab, English text."
        case .invalidTerm(let reason):
            return "\(reason)"
        case .malformedFile(let file, let line, let column, let reason):
            return "\(file):\(line):\(column): \(reason)"
        case .unknownTerm(let what):
            return "no glossary entry \(what); 'tarjuman glossary list' shows the entries."
        case .emptyQuery:
            return "the query has no words, numbers or punctuation to match; give an Arabic sentence."
        case .unknownFinding(let id):
            return "no current finding has the id \(id); 'tarjuman check' shows each finding's id in brackets."
        case .sourceMismatch(let file, let line, let unit, let count):
            let others = count > 1 ? " (and \(count - 1) more unit\(count == 2 ? "" : "s"))" : ""
            return "\(file):\(line): the source of unit \(unit)\(others) no longer matches the stored unit; nothing was imported. "
                + "Export the document again with 'tarjuman export FILE.xlf --document N' and translate that file."
        case .renderingConflict(let unit, let current):
            let now = current.map { "it now reads \"\($0.text)\"" } ?? "its rendering was removed"
            return "unit \(unit) was changed by someone else since you opened it (\(now)); "
                + "compare, then save again to replace that rendering."
        case .unknownMemory(let name):
            return "no memory is named '\(name)'; 'tarjuman memories' lists the memories."
        case .memoryExists(let name):
            return "a memory named '\(name)' exists already; choose another name or remove it first."
        case .invalidMemoryName(let name):
            return "'\(name)' cannot name a memory; give a name with at least one letter or digit."
        case .notADocument(let id, let memory):
            return "\(id) is part of memory '\(memory)', not a document; use 'tarjuman memory remove \(memory)' or 'export --memory \(memory)'."
        case .unknownFormat(let file, let hint):
            return "\(file): cannot tell the format from the extension; \(hint)."
        case .unknownAccount(let name):
            return "no account is named '\(name)'; 'tarjuman user list' lists the accounts."
        case .accountExists(let name):
            return "an account named '\(name)' exists already; choose another name, or change its password with 'tarjuman user passwd'."
        case .invalidAccount(let reason):
            return "\(reason)."
        case .lastAdmin(let name):
            return "'\(name)' is the last admin; make another account admin first ('tarjuman user add NAME --role admin')."
        case .rejectionNeedsComment(let unit):
            return "rejecting unit \(unit) needs a comment that tells the translator what to change."
        case .approvedNeedsReviewer(let unit):
            return "unit \(unit) is approved; only a reviewer can change it (ask one to reject it with a comment)."
        case .nothingToReview(let unit):
            return "unit \(unit) has no rendering to approve or reject yet."
        }
    }

    public var description: String { errorDescription ?? "error" }
}
