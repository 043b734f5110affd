import Foundation

/// The formats the memory and documents can be written in.
public enum ExportFormat: String, Sendable, CaseIterable {
    case tmx, xliff, tsv, csv

    /// The format a file name's extension names (.tmx, .xlf or .xliff, .tsv or .tab, .csv).
    public init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "tmx": self = .tmx
        case "xlf", "xliff": self = .xliff
        case "tsv", "tab": self = .tsv
        case "csv": self = .csv
        default: return nil
        }
    }

    /// The usual extension of a file in this format.
    public var fileExtension: String { self == .xliff ? "xlf" : rawValue }

    /// The media type of a file in this format.
    public var mediaType: String {
        switch self {
        case .tmx: return "application/x-tmx+xml; charset=utf-8"
        case .xliff: return "application/x-xliff+xml; charset=utf-8"
        case .tsv: return "text/tab-separated-values; charset=utf-8"
        case .csv: return "text/csv; charset=utf-8"
        }
    }

    /// Writes the selected renderings (for XLIFF, the selected documents' units) to `path`.
    public func export(_ database: TarjumanDatabase, to path: String, options: ExportOptions = ExportOptions(),
                       at date: Date = Date()) throws(TarjumanError) -> ExportOutcome {
        switch self {
        case .tmx: return try TMXWriter(database: database).export(to: path, options: options, at: date)
        case .xliff: return try XLIFFWriter(database: database).export(to: path, options: options, at: date)
        case .tsv: return try DelimitedMemory.export(database, to: path, separator: "\t", options: options)
        case .csv: return try DelimitedMemory.export(database, to: path, separator: ",", options: options)
        }
    }
}
