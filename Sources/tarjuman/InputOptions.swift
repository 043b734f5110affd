import ArgumentParser
import TarjumanCore

/// How delimited files are read: the `--quoting` option of the commands that read TSV or CSV.
struct QuotingOptions: ParsableArguments {
    @Option(help: """
        How quotes in TSV and CSV files are read: auto (default; in TSV a quoted field is unquoted only when its quotes \
        are well formed and needed, or every field is quoted; CSV as RFC 4180), rfc4180, or none (quotes are text).
        """)
    var quoting: DelimitedQuoting = .auto
}

/// How the lines of a text file make paragraphs: the `--paragraphs` option of the commands
/// that segment text.
struct ParagraphOptions: ParsableArguments {
    @Option(help: """
        How lines make paragraphs: auto (default; decided per file), lines (each line is a paragraph) or blank-lines \
        (blank lines separate paragraphs; single line breaks are hard wraps).
        """)
    var paragraphs: ParagraphLayout = .auto

    @Flag(help: "Say on standard error how each file's lines were read.")
    var verbose = false
}

extension DelimitedQuoting: ExpressibleByArgument {}
extension ParagraphLayout: ExpressibleByArgument {}
