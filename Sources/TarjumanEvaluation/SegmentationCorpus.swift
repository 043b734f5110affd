import Foundation
import TarjumanCore

/// Documents of reference sentences for measuring segmentation: each document's sentences are
/// joined into one paragraph, and the places where they were joined are the true boundaries.
public struct SegmentationCorpus: Sendable {
    public let name: String
    /// Each document as its reference sentences, in order.
    public let documents: [[String]]

    public init(name: String, documents: [[String]]) {
        self.name = name
        self.documents = documents
    }

    /// FLORES-200 devtest Arabic, one document per article (consecutive lines with one URL).
    public static func flores(dataRoot: URL) throws -> SegmentationCorpus {
        let folder = dataRoot.appendingPathComponent("flores/flores200_dataset")
        let lines = try readLines(folder.appendingPathComponent("devtest/arb_Arab.devtest"))
        let metadata = try readLines(folder.appendingPathComponent("metadata_devtest.tsv")).dropFirst()
        let urls = metadata.map { String($0.split(separator: "\t", omittingEmptySubsequences: false).first ?? "") }
        return SegmentationCorpus(name: "FLORES-200 devtest", documents: group(lines, by: urls))
    }

    /// NTREX-128 Arabic references, one document per id in DOCUMENT_IDS.tsv.
    public static func ntrex(dataRoot: URL) throws -> SegmentationCorpus {
        let folder = dataRoot.appendingPathComponent("ntrex128")
        let lines = try readLines(folder.appendingPathComponent("NTREX-128/newstest2019-ref.arb.txt"))
        let ids = try readLines(folder.appendingPathComponent("DOCUMENT_IDS.tsv"))
        return SegmentationCorpus(name: "NTREX-128", documents: group(lines, by: ids))
    }

    /// A document joined into one paragraph, with the offsets (Unicode scalars) where sentences 2... start.
    public static func join(_ sentences: [String]) -> (text: String, boundaries: Set<Int>) {
        var scalars: [Unicode.Scalar] = []
        var boundaries = Set<Int>()
        for (index, sentence) in sentences.enumerated() {
            let trimmed = sentence.trimmingWhitespace()
            guard !trimmed.isEmpty else { continue }
            if index > 0, !scalars.isEmpty {
                scalars.append(" ")
                var first = scalars.count
                for scalar in trimmed.unicodeScalars {
                    guard scalar.properties.isWhitespace || scalar.properties.generalCategory == .format else { break }
                    first += 1
                }
                boundaries.insert(first)
            }
            scalars.append(contentsOf: trimmed.unicodeScalars)
        }
        return (String(String.UnicodeScalarView(scalars)), boundaries)
    }

    static func readLines(_ url: URL) throws -> [String] {
        let text = try String(contentsOf: url, encoding: .utf8)
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines.map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 }
    }

    static func group(_ lines: [String], by keys: [String]) -> [[String]] {
        var documents: [[String]] = []
        var currentKey: String?
        for (line, key) in zip(lines, keys) {
            if key != currentKey {
                documents.append([])
                currentKey = key
            }
            documents[documents.count - 1].append(line)
        }
        return documents
    }
}

/// Precision, recall and F1 of proposed sentence boundaries against reference boundaries.
public struct BoundaryScore: Sendable, Equatable {
    public var truePositives = 0
    public var falsePositives = 0
    public var falseNegatives = 0

    public init() {}

    public mutating func add(predicted: Set<Int>, reference: Set<Int>) {
        truePositives += predicted.intersection(reference).count
        falsePositives += predicted.subtracting(reference).count
        falseNegatives += reference.subtracting(predicted).count
    }

    public var precision: Double {
        truePositives + falsePositives == 0 ? 0 : Double(truePositives) / Double(truePositives + falsePositives)
    }

    public var recall: Double {
        truePositives + falseNegatives == 0 ? 0 : Double(truePositives) / Double(truePositives + falseNegatives)
    }

    public var f1: Double {
        precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
    }
}
