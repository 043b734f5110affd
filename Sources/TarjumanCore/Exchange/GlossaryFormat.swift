import Foundation

/// The file formats a glossary is imported from and exported to.
public enum GlossaryFormat: String, Sendable, CaseIterable {
    case tsv
    case csv

    /// The format named by a file's extension.
    public init(path: String) throws(TarjumanError) {
        let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
        switch ext {
        case "tsv", "tab", "txt": self = .tsv
        case "csv": self = .csv
        default: throw .unknownFormat(file: path)
        }
    }

    /// The entries of a file in this format.
    public func read(_ source: SourceText, sourceName: String) throws(TarjumanError) -> [Term] {
        switch self {
        case .tsv: return try DelimitedGlossary.read(source, separator: "\t", sourceName: sourceName)
        case .csv: return try DelimitedGlossary.read(source, separator: ",", sourceName: sourceName)
        }
    }

    /// The entries written in this format.
    public func write(_ terms: [Term]) -> String {
        switch self {
        case .tsv: return DelimitedGlossary.write(terms, separator: "\t")
        case .csv: return DelimitedGlossary.write(terms, separator: ",")
        }
    }
}
