import Foundation
import Testing
@testable import TarjumanCore

/// The shipped glossary on the sample article: every occurrence of its terms, with the exact span,
/// and nothing else. Each expected hit below was read against the article by hand.
@Suite("Shipped glossary on the sample")
struct ShippedGlossaryTests {
    static let expected: [(Int, Int, String, String)] = [
        (0, 8, "صدى نيوز", "صدى نيوز"),
        (21, 25, "حماس", "حماس"),
        (26, 42, "والجهاد الإسلامي", "الجهاد الإسلامي"),
        (67, 75, "المقاومة", "المقاومة"),
        (145, 150, "العدو", "العدو"),
        (166, 181, "شعبنا الفلسطيني", "الشعب الفلسطيني"),
        (182, 190, "ومقاومته", "المقاومة"),
        (253, 263, "بيان مشترك", "بيان مشترك"),
        (268, 278, "حركتي حماس", "حركة حماس"),
        (279, 295, "والجهاد الإسلامي", "الجهاد الإسلامي"),
        (315, 324, "مدينة غزة", "مدينة غزة"),
        (343, 355, "كتائب القسام", "كتائب القسام"),
        (356, 368, "وسرايا القدس", "سرايا القدس"),
        (369, 385, "والقادة الأمنيين", "القادة الأمنيين"),
        (414, 422, "المقاومة", "المقاومة"),
        (514, 522, "والفصائل", "الفصائل"),
        (546, 563, "كتائب القســـــام", "كتائب القسام"),
        (573, 585, "وسرايا القدس", "سرايا القدس"),
        (600, 605, "العدو", "العدو"),
        (627, 635, "ومقاومته", "المقاومة"),
        (881, 896, "شعبنا الفلسطيني", "الشعب الفلسطيني"),
        (916, 923, "ولشهداء", "الشهداء"),
        (947, 952, "شهداء", "الشهداء"),
        (953, 971, "معركة وحدة الساحات", "معركة وحدة الساحات"),
        (978, 989, "سرايا القدس", "سرايا القدس"),
        (997, 1004, "الشهداء", "الشهداء"),
        (1005, 1018, "تيسير الجعبري", "تيسير الجعبري"),
        (1019, 1030, "وخالد منصور", "خالد منصور"),
        (1032, 1039, "وللأسرى", "الأسرى"),
        (1055, 1062, "وللأسير", "الأسير"),
        (1070, 1081, "خليل عواودة", "خليل عواودة"),
        (1082, 1098, "المضرب عن الطعام", "المضرب عن الطعام"),
        (1130, 1146, "للأجهزة الحكومية", "الأجهزة الحكومية"),
        (1150, 1153, "غزة", "غزة"),
        (1187, 1195, "المقاومة", "المقاومة"),
        (1232, 1254, "غرفة العمليات المشتركة", "غرفة العمليات المشتركة"),
        (1269, 1283, "فصائل المقاومة", "فصائل المقاومة"),
        (1321, 1329, "الاحتلال", "الاحتلال"),
        (1348, 1360, "كتائب القسام", "كتائب القسام"),
        (1361, 1373, "وسرايا القدس", "سرايا القدس"),
        (1467, 1487, "لإحراق المسجد الأقصى", "إحراق المسجد الأقصى"),
        (1504, 1509, "القدس", "القدس"),
        (1551, 1561, "وسيف القدس", "سيف القدس"),
        (1598, 1609, "معركة القدس", "معركة القدس"),
        (1656, 1670, "الوحدة الوطنية", "الوحدة الوطنية"),
        (1702, 1711, "مجلس وطني", "مجلس وطني"),
        (1821, 1830, "تكتل وطني", "تكتل وطني"),
        (1964, 1972, "ومقاومته", "المقاومة"),
        (1991, 2005, "الشعوب العربية", "الشعوب العربية"),
        (2017, 2030, "وأحرار العالم", "أحرار العالم"),
        (2046, 2061, "شعبنا الفلسطيني", "الشعب الفلسطيني"),
        (2066, 2082, "العدوان الصهيوني", "العدوان الصهيوني"),
        (2095, 2103, "قطاع غزة", "قطاع غزة"),
        (2124, 2132, "المقاومة", "المقاومة"),
        (2200, 2208, "الاحتلال", "الاحتلال"),
        (2220, 2233, "الدول العربية", "الدول العربية"),
        (2301, 2324, "جمهورية إيران الإسلامية", "جمهورية إيران الإسلامية"),
        (2326, 2346, "وجمهورية مصر العربية", "جمهورية مصر العربية"),
        (2348, 2357, "ودولة قطر", "دولة قطر"),
        (2359, 2375, "والأحزاب العربية", "الأحزاب العربية"),
        (2402, 2410, "صدى نيوز", "صدى نيوز"),
        (2426, 2438, "المتحدث باسم", "المتحدث باسم"),
        (2444, 2450, "الجهاد", "الجهاد"),
        (2533, 2544, "سرايا القدس", "سرايا القدس"),
        (2545, 2552, "والقسام", "القسام"),
        (2553, 2569, "والقادة الأمنيين", "القادة الأمنيين"),
        (2739, 2745, "مقاومة", "المقاومة"),
        (2746, 2754, "الاحتلال", "الاحتلال"),
        (2786, 2804, "عضو المكتب السياسي", "عضو المكتب السياسي"),
        (2805, 2811, "للجهاد", "الجهاد"),
        (2813, 2821, "خضر حبيب", "خضر حبيب"),
        (2853, 2868, "المستوي السياسي", "المستوى السياسي"),
        (2878, 2900, "لحركتي الجهاد الإسلامي", "حركة الجهاد الإسلامي"),
        (2901, 2906, "وحماس", "حماس"),
        (2914, 2917, "غزة", "غزة"),
        (3059, 3073, "مشروع المقاومة", "مشروع المقاومة"),
        (3077, 3096, "الاحتلال الإسرائيلي", "الاحتلال الإسرائيلي"),
        (3112, 3120, "المقاومة", "المقاومة"),
        (3124, 3139, "للشعب الفلسطيني", "الشعب الفلسطيني"),
        (3149, 3157, "المقاومة", "المقاومة"),
        (3265, 3275, "بيان مشترك", "بيان مشترك"),
        (3299, 3305, "الجهاد", "الجهاد"),
        (3306, 3311, "وحماس", "حماس"),
    ]

    func shippedTerms() throws -> [Term] {
        let path = packageRoot.appendingPathComponent("Glossaries/news-politics.ar-en.tsv").path
        return try GlossaryFormat.tsv.read(SourceText(contentsOf: path), sourceName: "news-politics.ar-en.tsv")
    }

    @Test("The shipped TSV reads cleanly: every entry valid, no duplicates")
    func shippedFileIsValid() throws {
        let terms = try shippedTerms()
        #expect(terms.count >= 100)
        #expect(Set(terms.map { "\($0.searchKey)|\($0.english)|\($0.domain)" }).count == terms.count)
    }

    @Test("Each shipped glossary's TBX holds the same entries as its TSV", arguments: ["news-politics.ar-en", "countries-iso3166.ar-en"])
    func tbxMatchesTSV(name: String) throws {
        let folder = packageRoot.appendingPathComponent("Glossaries")
        let tsv = try GlossaryFormat.tsv.read(SourceText(contentsOf: folder.appendingPathComponent("\(name).tsv").path), sourceName: name)
        let tbx = try TBXGlossary.read(Data(contentsOf: folder.appendingPathComponent("\(name).tbx")), origin: name, sourceName: name)
        #expect(tbx.warnings.isEmpty)
        func entries(_ terms: [Term]) -> [String] {
            terms.map { [$0.arabic, $0.english, $0.alternatives.joined(separator: "|"), $0.forbidden.joined(separator: "|"), $0.note, $0.domain]
                .joined(separator: "\t") }.sorted()
        }
        #expect(tsv.count > 90)
        #expect(entries(tbx.terms) == entries(tsv))
    }

    @Test("With the country names loaded too, the sample gives each rendering once per span")
    func withCountries() throws {
        let folder = packageRoot.appendingPathComponent("Glossaries")
        let countries = try GlossaryFormat.tsv.read(
            SourceText(contentsOf: folder.appendingPathComponent("countries-iso3166.ar-en.tsv").path), sourceName: "countries")
        let text = try SourceText(contentsOf: packageRoot.appendingPathComponent("seeds/000_d30af9c42a70480b.txt").path).text
        let matches = try GlossaryMatcher(terms: shippedTerms() + countries).matches(in: text)
        let spans = matches.map { "\($0.start)-\($0.end) \($0.term.english.lowercased())" }
        #expect(Set(spans).count == spans.count)
        #expect(matches.contains { $0.surface == "ودولة قطر" && $0.term.english == "State of Qatar" })
    }

    @Test("Every occurrence in the sample is found with its span, and nothing else")
    func sample() throws {
        let text = try SourceText(contentsOf: packageRoot.appendingPathComponent("seeds/000_d30af9c42a70480b.txt").path).text
        let matches = try GlossaryMatcher(terms: shippedTerms()).matches(in: text)
        let scalars = Array(text.unicodeScalars)
        for match in matches {
            #expect(String(String.UnicodeScalarView(scalars[match.start ..< match.end])) == match.surface)
        }
        let got = matches.map { "\($0.start)-\($0.end) \($0.surface)=\($0.term.arabic)" }
        let want = Self.expected.map { "\($0.0)-\($0.1) \($0.2)=\($0.3)" }
        #expect(got == want)
    }
}
