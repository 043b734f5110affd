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

    @OptionGroup var layout: ParagraphOptions

    @Flag(help: "Print one JSON object: the paragraph layout used, and the segments as {paragraph, index, start, end, text}.")
    var json = false

    /// The JSON output: how the lines were read, and the units.
    struct SegmentationJSON: Encodable {
        let layout: LayoutDecision
        let segments: [Segment]
    }

    func run() throws {
        let source = try SourceText(contentsOf: file)
        if !source.hasArabic { Output.printError("warning: \(file == "-" ? "the input" : file) holds no Arabic text") }
        let (segments, decision) = try SentenceSegmenter(granularity: granularity).segmentation(source.text, layout: layout.paragraphs)
        if layout.verbose { Output.printError("\(file): \(decision.summary)") }
        if json {
            try Output.printJSON(SegmentationJSON(layout: decision, segments: segments))
        } else {
            for segment in segments {
                Output.print(Output.oneLine(segment.text))
            }
        }
    }
}

extension SegmentGranularity: ExpressibleByArgument {}
