import Foundation
import Testing
@testable import TarjumanCore

@Suite("Search keys")
struct ArabicSearchKeyTests {
    @Test("The issue's examples", arguments: [
        ("القســـــام", "القسام"),
        ("حازماً", "حازما"),
        ("الإسلامية", "الاسلاميه"),
        ("الاسلامية", "الاسلاميه"),
        ("المستوى", "المستوي"),
        ("المستوي", "المستوي"),
        ("مسئول", "مسءول"),
        ("مسؤول", "مسءول"),
        ("٣٫٥", "3.5"),
    ])
    func examples(display: String, key: String) {
        #expect(ArabicSearchKey.key(display) == key)
    }

    @Test("Rule 1: NFKC composes alef + hamza and expands presentation forms")
    func nfkc() {
        #expect(ArabicSearchKey.key("\u{0627}\u{0654}حمد") == "احمد")
        #expect(ArabicSearchKey.key("\u{FEFB}") == "لا")
        #expect(ArabicSearchKey.key("\u{FEF7}") == "لا")
        #expect(ArabicSearchKey.key("\u{FDF2}") == "الله")
        #expect(ArabicSearchKey.key("ﺣﻤﺎﺱ") == "حماس")
        #expect(ArabicSearchKey.key("ﬁle") == "file")
    }

    @Test("Rule 2: tatweel, marks and invisible characters are deleted")
    func deletions() {
        #expect(ArabicSearchKey.key("كَتَبَ") == "كتب")
        #expect(ArabicSearchKey.key("مُحَمَّدٌ") == "محمد")
        #expect(ArabicSearchKey.key("الرَّحْمٰن") == "الرحمن")
        #expect(ArabicSearchKey.key("صلى\u{0610}") == "صلي")
        #expect(ArabicSearchKey.key("\u{FDFA}") == "صلي الله عليه وسلم")
        for invisible in ["\u{200B}", "\u{200C}", "\u{200D}", "\u{200E}", "\u{200F}", "\u{061C}", "\u{202A}",
                          "\u{202C}", "\u{202E}", "\u{2066}", "\u{2069}", "\u{FEFF}", "\u{00AD}"] {
            #expect(ArabicSearchKey.key("حم\(invisible)اس") == "حماس")
        }
        #expect(ArabicSearchKey.key("قرآنٌ\u{06E1}\u{06DF}") == "قران")
    }

    @Test("Rule 3: letter variants fold to one form")
    func folding() {
        #expect(ArabicSearchKey.key("آ أ إ ٱ \u{0672} \u{0673}") == "ا ا ا ا ا ا")
        #expect(ArabicSearchKey.key("ى \u{06CC} \u{06D2}") == "ي ي ي")
        #expect(ArabicSearchKey.key("\u{06A9}تاب") == "كتاب")
        #expect(ArabicSearchKey.key("مدرسة \u{06C0} \u{06C1} \u{06D5}") == "مدرسه ه ه ه")
        #expect(ArabicSearchKey.key("ؤ ئ") == "ء ء")
    }

    @Test("Rule 4: digits, separators, Latin case and white space")
    func digitsCaseSpace() {
        #expect(ArabicSearchKey.key("٠١٢٣٤٥٦٧٨٩") == "0123456789")
        #expect(ArabicSearchKey.key("۰۱۲۳۴۵۶۷۸۹") == "0123456789")
        #expect(ArabicSearchKey.key("١٬٠٠٠") == "1,000")
        #expect(ArabicSearchKey.key("Hamas AND Gaza") == "hamas and gaza")
        #expect(ArabicSearchKey.key("ÉTÉ") == "été")
        #expect(ArabicSearchKey.key("غزة\u{00A0}\u{00A0} \t\nمدينة") == "غزه مدينه")
        #expect(ArabicSearchKey.key("  حماس  ") == "حماس")
    }

    @Test("Every key position maps back to the display text it came from")
    func mapping() {
        let display = "كتائب القســـــام"
        let key = ArabicSearchKey(display)
        #expect(key.text == "كتاءب القسام")
        let scalars = Array(display.unicodeScalars)
        let range = key.displayRange(of: 6 ..< 12)
        #expect(String(String.UnicodeScalarView(scalars[range])) == "القســـــام")
        let first = key.displayRange(of: 0 ..< 5)
        #expect(String(String.UnicodeScalarView(scalars[first])) == "كتائب")
    }

    @Test("A composed or expanded character maps to its whole source")
    func mappingThroughNormalization() {
        let display = "x\u{0627}\u{0654}y\u{FEFB}z"
        let key = ArabicSearchKey(display)
        #expect(key.text == "xاyلاz")
        #expect(key.displayRange(of: 1 ..< 2) == 1 ..< 3)
        #expect(key.displayRange(of: 3 ..< 5) == 4 ..< 5)
        #expect(key.displayRange(of: 5 ..< 6) == 5 ..< 6)
    }

    @Test("Supplementary characters and empty text")
    func edges() {
        #expect(ArabicSearchKey.key("") == "")
        #expect(ArabicSearchKey.key("😀حماس") == "😀حماس")
        #expect(ArabicSearchKey("😀 ب").displayRange(of: 2 ..< 3) == 2 ..< 3)
    }

    @Test("The shortcut that skips ICU's NFKC gives the same key and map as the full path")
    func shortcutAgreesWithNFKC() throws {
        let data = try Data(contentsOf: packageRoot.appendingPathComponent("seeds/000_d30af9c42a70480b.txt"))
        var texts = String(decoding: data, as: UTF8.self).components(separatedBy: "\n")
        texts += ["مُحَمَّدٌ  و\u{00A0}أَحمد", "«قال»: \u{200F}نعم\u{202C}", "١٬٢٣٤٫٥ ABC", "و\u{0654}لد", "\u{FEFF}ـــ"]
        for text in texts {
            let scalars = Array(text.unicodeScalars)
            let full = ArabicSearchKey(scalars: scalars, alwaysNormalize: true)
            let shortcut = ArabicSearchKey(scalars: scalars, alwaysNormalize: false)
            #expect(full == shortcut)
            #expect(ArabicSearchKey.key(text) == full.text)
        }
    }
}
