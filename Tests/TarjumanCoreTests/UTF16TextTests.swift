import Foundation
import Testing
@testable import TarjumanCore

@Suite("Decoding for segmentation")
struct UTF16TextTests {
    /// What decoding must give, computed with the standard library: UTF-16 with every line
    /// break read as a space, the breaks, and the offsets of `…` and closing quotes.
    static func expected(_ text: String) -> (units: [UInt16], breaks: [Int], marks: [Int]) {
        var units: [UInt16] = []
        var breaks: [Int] = []
        var marks: [Int] = []
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A where previous == "\r":
                units.append(0x20)
            case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029:
                breaks.append(units.count)
                units.append(0x20)
            default:
                if [0x22, 0xBB, 0x201D, 0x2026].contains(scalar.value) { marks.append(units.count) }
                units.append(contentsOf: scalar.utf16)
            }
            previous = scalar
        }
        return (units, breaks, marks)
    }

    static let alphabet: [Unicode.Scalar] = [
        "ا", "ل", "م", "ح", "س", " ", " ", " ", ".", "،", "؟", "\"", "\n", "\r", "\u{85}", "»", "«", "é", "…", "”",
        "\u{2028}", "\u{2029}", "😀", "ـ", "٣", "a", "Z", "!", "\t", "\u{0B}", "\u{200F}", "ۀ", "\u{7F}", "߿", "ࠀ",
    ]

    @Test("Decoding matches the standard library on texts of every kind of character, at every length")
    func randomTexts() {
        let scratch = DecodingScratch()
        var generator = SystemRandomNumberGenerator()
        for length in 0 ..< 400 {
            for _ in 0 ..< 3 {
                var scalars = String.UnicodeScalarView()
                for _ in 0 ..< length {
                    // Mostly Arabic letters and spaces, as in news text, so that long runs take the fast path.
                    let common = Bool.random(using: &generator) || Bool.random(using: &generator)
                    scalars.append(common ? ["ب", "ي", "ن", " ", "ة", "و"].randomElement(using: &generator)!
                                          : Self.alphabet.randomElement(using: &generator)!)
                }
                let text = String(scalars)
                let decoded = UTF16Text(text, scratch: scratch)
                let expected = Self.expected(text)
                #expect(Array(decoded.units) == expected.units, "\(text.debugDescription)")
                #expect(decoded.lineBreaks.map(\.position) == expected.breaks, "\(text.debugDescription)")
                #expect(decoded.marks == expected.marks, "\(text.debugDescription)")
                #expect(decoded.string(0 ..< decoded.count) == text)
            }
        }
    }

    @Test("Pieces cut from the decoded text are the original characters, surrogate pairs included")
    func pieces() {
        let text = "قال \"نعم\" 😀 ثم\r\nمضى… وانتهى»."
        let decoded = UTF16Text(text, scratch: DecodingScratch())
        let utf16 = Array(text.utf16)
        for start in 0 ..< utf16.count where !UTF16.isTrailSurrogate(utf16[start]) {
            for end in start ... utf16.count where end == utf16.count || !UTF16.isTrailSurrogate(utf16[end]) {
                let piece = String(decoding: utf16[start ..< end], as: UTF16.self)
                #expect(decoded.string(start ..< end) == piece)
            }
        }
        #expect(decoded.lineBreaks.first?.length == 2)
    }
}
