import ArgumentParser
import Foundation
import TarjumanCore

struct SegmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Split Arabic text into sentence units and print them, one per line."
    )

    @Argument(help: "A UTF-8 text file, or - for standard input.")
    var file: String = "-"

    @Option(help: "sentence (default) or clause: also cut long sentences at ؛ and at ، before و ف ثم.")
    var granularity: SegmentGranularity = .sentence

    @Flag(help: "Print one JSON array of {paragraph, index, start, end, text}.")
    var json = false

    func run() throws {
        let source = try SourceText(contentsOf: file)
        let segments = try SentenceSegmenter(granularity: granularity).segment(source.text)
        if json {
            try Output.printJSON(segments)
        } else {
            for segment in segments {
                Output.print(Output.oneLine(segment.text))
            }
        }
    }
}

extension SegmentGranularity: ExpressibleByArgument {}
