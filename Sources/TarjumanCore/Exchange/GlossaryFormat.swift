import Foundation

/// The file formats a glossary is imported from and exported to.
public enum GlossaryFormat: String, Sendable, CaseIterable {
    case tsv
    case csv
    case tbx

    /// The format named by a file's extension.
    public init(path: String) throws(TarjumanError) {
        let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
        switch ext {
        case "tsv", "tab", "txt": self = .tsv
        case "csv": self = .csv
        case "tbx": self = .tbx
        default: throw .unknownFormat(file: path, hint: "pass --format tsv, csv or tbx")
        }
    }

    /// The entries of a file in this format, warnings about it, and how it was read (TSV, CSV).
    public func read(_ data: Data, origin: String, sourceName: String,
                     quoting: DelimitedQuoting = .auto) throws(TarjumanError) -> (terms: [Term], warnings: [String], reading: String?) {
        switch self {
        case .tsv, .csv:
            let contents = try DelimitedGlossary.read(TextFileBytes(data: data, origin: origin), separator: self == .tsv ? "\t" : ",",
                                                      quoting: quoting, sourceName: sourceName)
            return (contents.terms, contents.warnings, contents.reading)
        case .tbx:
            let contents = try TBXGlossary.read(data, origin: origin, sourceName: sourceName)
            return (contents.terms, contents.warnings, nil)
        }
    }

    /// The entries of a text in this format.
    public func read(_ source: SourceText, sourceName: String) throws(TarjumanError) -> [Term] {
        try read(Data(source.text.utf8), origin: source.origin, sourceName: sourceName).terms
    }

    /// The entries written in this format.
    public func write(_ terms: [Term]) -> String {
        switch self {
        case .tsv: return DelimitedGlossary.write(terms, separator: "\t")
        case .csv: return DelimitedGlossary.write(terms, separator: ",")
        case .tbx: return TBXGlossary.write(terms)
        }
    }
}
