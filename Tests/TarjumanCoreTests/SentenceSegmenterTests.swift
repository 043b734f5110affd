import Foundation
import Testing
@testable import TarjumanCore

/// The text of each unit.
func sentences(_ text: String, granularity: SegmentGranularity = .sentence) throws -> [String] {
    try SentenceSegmenter(granularity: granularity).segment(text).map(\.text)
}

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

@Suite("Sentence segmentation")
struct SentenceSegmenterTests {
    @Test("The sample article gives exactly 12 units, one per paragraph, with exact offsets")
    func sample() throws {
        let data = try Data(contentsOf: packageRoot.appendingPathComponent("seeds/000_d30af9c42a70480b.txt"))
        let source = try SourceText(data: data, origin: "sample")
        let segments = try SentenceSegmenter().segment(source.text)
        #expect(segments.count == 12)
        #expect(segments.map(\.paragraph) == Array(1...12))
        #expect(segments.map(\.index) == Array(1...12))
        let scalars = Array(source.text.unicodeScalars)
        for segment in segments {
            #expect(String(String.UnicodeScalarView(scalars[segment.start ..< segment.end])) == segment.text)
            #expect(segment.text == segment.text.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        #expect(segments[0].text.hasPrefix("صدى نيوز- أكدت"))
        #expect(segments[2].text.contains("كتائب القســـــام المظفرة"))
        #expect(segments[11].text == "يذكر أنه سيصدر بيان مشترك عقب الاجتماع بين حركتي الجهاد وحماس.")
    }

    @Test("Sentences end at . ؟ ! ۔ and combinations such as ؟!")
    func terminators() throws {
        #expect(try sentences("هل ستنام الليلة؟! نعم سأنام. هذا رائع! انتهى الأمر۔ وبدأ غيره.") ==
            ["هل ستنام الليلة؟!", "نعم سأنام.", "هذا رائع!", "انتهى الأمر۔", "وبدأ غيره."])
    }

    @Test("No break after Arabic abbreviations, initials and Latin abbreviations", arguments: [
        "قال د. أحمد إن الوضع صعب.",
        "حضر أ. محمد والسيد م. خالد الاجتماع.",
        "انظر ص. 12 من التقرير.",
        "جاء ج. بوش إلى بغداد.",
        "وصل المسؤول من U.S. إلى بغداد.",
        "التقى Mr. Smith بالوفد.",
        "وقال George W. Bush إنه راض.",
        "قال أ.د. محمود إن الدراسة انتهت.",
        "وقال د\u{202A}.\u{202C} ديفيد إنها كانت مريضة.",
    ])
    func abbreviations(text: String) throws {
        #expect(try sentences(text) == [text])
    }

    @Test("هـ. إلخ. and م. after a year: what follows decides")
    func ambiguousEnders() throws {
        #expect(try sentences("كان ذلك عام 1444 هـ. وقال الشيخ إنه عاد.") == ["كان ذلك عام 1444 هـ.", "وقال الشيخ إنه عاد."])
        #expect(try sentences("ولد عام 1444 هـ. الموافق 2022 م.") == ["ولد عام 1444 هـ. الموافق 2022 م."])
        #expect(try sentences("الكتب والمجلات إلخ. وقد قال ذلك.") == ["الكتب والمجلات إلخ.", "وقد قال ذلك."])
        #expect(try sentences("الكتب والمجلات إلخ. من المطبوعات.") == ["الكتب والمجلات إلخ. من المطبوعات."])
        #expect(try sentences("وقع ذلك عام 2022 م. وقال الشهود إنه كبير.") == ["وقع ذلك عام 2022 م.", "وقال الشهود إنه كبير."])
    }

    @Test("Numbered items: no break inside the sentence, a break when a new one starts")
    func numberedItems() throws {
        #expect(try sentences("نصت المادة 5. من القانون على ذلك. وقال الوزير.") ==
            ["نصت المادة 5. من القانون على ذلك.", "وقال الوزير."])
        #expect(try sentences("وافق البرلمان على المادة 5. وقال الرئيس إنه راض.") ==
            ["وافق البرلمان على المادة 5.", "وقال الرئيس إنه راض."])
        #expect(try sentences("1. البند الأول ينص على شيء.") == ["1. البند الأول ينص على شيء."])
        #expect(try sentences("عاد في 1999. ثم غادر.") == ["عاد في 1999.", "ثم غادر."])
        #expect(try sentences("بلغ النمو 3.5 بالمئة هذا العام.") == ["بلغ النمو 3.5 بالمئة هذا العام."])
    }

    @Test("A break after … or ... when a new sentence follows; a pause inside a sentence is not one")
    func ellipsis() throws {
        #expect(try sentences("انتظر طويلاً… \"لن أعود.\" قالها وخرج.") == ["انتظر طويلاً…", "\"لن أعود.\"", "قالها وخرج."])
        #expect(try sentences("انتظر طويلاً... «لن أعود» قالها وخرج.") == ["انتظر طويلاً...", "«لن أعود» قالها وخرج."])
        #expect(try sentences("قرأ العنوان... The End كان مكتوباً.") == ["قرأ العنوان...", "The End كان مكتوباً."])
        #expect(try sentences("وصلت سرعة الرياح إلى 70 كم في الساعة... ثم هطلت الأمطار.") == ["وصلت سرعة الرياح إلى 70 كم في الساعة... ثم هطلت الأمطار."])
        #expect(try sentences("كانت غريبة مثلي… وربما أكثر مني.") == ["كانت غريبة مثلي… وربما أكثر مني."])
        #expect(try sentences("الأرقام 1، 2… 10 كلها صحيحة.") == ["الأرقام 1، 2… 10 كلها صحيحة."])
        #expect(try sentences("انتظر...؟ نعم.") == ["انتظر...؟", "نعم."])
    }

    @Test("Closing quotes and brackets stay with their sentence; embedded quotations do not end it")
    func quotations() throws {
        #expect(try sentences("قال: \"انتهى.\" وأضاف أنه سيعود.") == ["قال: \"انتهى.\" وأضاف أنه سيعود."])
        #expect(try sentences("\"انتهى الاجتماع.\" وأضاف أنه سيعود.") == ["\"انتهى الاجتماع.\"", "وأضاف أنه سيعود."])
        #expect(try sentences("قال إنه سيعود (غداً.) ثم خرج.") == ["قال إنه سيعود (غداً.)", "ثم خرج."])
        #expect(try sentences("قرأ: «الكتاب كله.» وأغلقه.") == ["قرأ: «الكتاب كله.» وأغلقه."])
        #expect(try sentences("«انتهى كل شيء.» قالها ومضى.") == ["«انتهى كل شيء.»", "قالها ومضى."])
        #expect(try sentences("وهم يهتفون \"عاشت إسبانيا.\" وأخبرت الصحف بذلك.") == ["وهم يهتفون \"عاشت إسبانيا.\"", "وأخبرت الصحف بذلك."])
    }

    @Test("A quotation closed without a full stop, then a new quotation of three words or more: a new sentence")
    func successiveQuotations() throws {
        #expect(try sentences("قال إنه \"لم يكن مقصودًا\" \"زوجتي ليست عنصرية\" هذا ما صرح به.") ==
            ["قال إنه \"لم يكن مقصودًا\"", "\"زوجتي ليست عنصرية\" هذا ما صرح به."])
        #expect(try sentences("وصف الفريق بأنه \"منهار\" \"وفي صدمة\" بعد الحادث.") ==
            ["وصف الفريق بأنه \"منهار\" \"وفي صدمة\" بعد الحادث."])
        #expect(try sentences("قالت: \"ببساطة، قلت ما أريد:\" \"استمعي لرأي الشعب كله\" ومضت.") ==
            ["قالت: \"ببساطة، قلت ما أريد:\" \"استمعي لرأي الشعب كله\" ومضت."])
    }

    @Test("No break on ، or ؛ or :")
    func commas() throws {
        let text = "قُل: توْأمٌ، وتوْأمانِ: وقلْ: هذانِ توْأمانِ؛ وانتهى الدرس."
        #expect(try sentences(text) == [text])
    }

    @Test("Blank lines separate paragraphs; a single line break is a hard wrap")
    func paragraphs() throws {
        let text = "سطر أول\nيكمل هنا. جملة ثانية\r\n\r\n  \nفقرة ثانية۔ وجملة.\r\rفقرة ثالثة\rتكمل."
        let segments = try SentenceSegmenter().segment(text, layout: .blankLines)
        #expect(segments.map(\.text) == ["سطر أول\nيكمل هنا.", "جملة ثانية", "فقرة ثانية۔", "وجملة.", "فقرة ثالثة\rتكمل."])
        #expect(segments.map(\.paragraph) == [1, 1, 2, 2, 3])
        let scalars = Array(text.unicodeScalars)
        for segment in segments {
            #expect(String(String.UnicodeScalarView(scalars[segment.start ..< segment.end])) == segment.text)
        }
    }

    @Test("U+2029 ends a paragraph; U+2028, NEL, VT and FF are hard wraps")
    func unicodeBreaks() throws {
        let text = "أولى\u{2028}تكمل.\u{2029}ثانية\u{85}تكمل\u{0B}هنا\u{0C}أيضاً."
        let segments = try SentenceSegmenter().segment(text, layout: .blankLines)
        #expect(segments.map(\.text) == ["أولى\u{2028}تكمل.", "ثانية\u{85}تكمل\u{0B}هنا\u{0C}أيضاً."])
        #expect(segments.map(\.paragraph) == [1, 2])
    }

    @Test("One segmenter serves many texts in a row, long and short")
    func reuse() throws {
        let segmenter = try SentenceSegmenter()
        let long = String(repeating: "جملة طويلة هنا. ", count: 2000)
        #expect(segmenter.segment(long).count == 2000)
        #expect(segmenter.segment("😀 قصيرة. وأخرى.").map(\.text) == ["😀 قصيرة.", "وأخرى."])
        #expect(segmenter.segment("").isEmpty)
        #expect(segmenter.segment(long).last?.end == long.unicodeScalars.count - 1)
    }

    @Test("Offsets after supplementary characters count each as one scalar")
    func supplementaryOffsets() throws {
        let text = "𝕏 😀 أولى. 👍🏽 ثانية؟"
        let segments = try SentenceSegmenter().segment(text)
        let scalars = Array(text.unicodeScalars)
        #expect(segments.count == 2)
        for segment in segments {
            #expect(String(String.UnicodeScalarView(scalars[segment.start ..< segment.end])) == segment.text)
        }
    }

    @Test("Units are trimmed, empty ones dropped, offsets count Unicode scalars")
    func offsets() throws {
        let text = "\u{00A0} 😀 أولى.   \u{200F}  \n\n\n  ثانية؟ "
        let segments = try SentenceSegmenter().segment(text)
        #expect(segments.map(\.text) == ["😀 أولى.", "ثانية؟"])
        #expect(segments[0].start == 2)
        #expect(segments[0].end == 9)
        #expect(segments[1].start == Array(text.unicodeScalars).firstIndex(of: "ث"))
        #expect(try SentenceSegmenter().segment(" \n\n \t ").isEmpty)
    }

    @Test("ICU alone splits after abbreviations; the Arabic rules do not")
    func icuAlone() throws {
        let text = "قال د. أحمد إن الوضع صعب."
        #expect(try SentenceSegmenter(appliesArabicRules: false).segment(text).count == 2)
        #expect(try SentenceSegmenter().segment(text).count == 1)
    }

    @Test("Clause granularity cuts at ؛ and at ، before و ف ثم, never into tiny pieces")
    func clauses() throws {
        let text = "ناقش المجتمعون العلاقات الثنائية بين الحركتين، وتم الاتفاق على تعزيز العمل المشترك؛ ثم انتقلوا إلى قضايا أخرى كثيرة، ثم اختتموا الاجتماع مساء أمس."
        #expect(try sentences(text, granularity: .clause) == [
            "ناقش المجتمعون العلاقات الثنائية بين الحركتين،",
            "وتم الاتفاق على تعزيز العمل المشترك؛",
            "ثم انتقلوا إلى قضايا أخرى كثيرة،",
            "ثم اختتموا الاجتماع مساء أمس.",
        ])
        #expect(try sentences("قال الوزير، وزير الخارجية، إن الوضع صعب جداً هذا اليوم.", granularity: .clause).count == 1)
        #expect(try sentences("حماس، والجهاد.", granularity: .clause) == ["حماس، والجهاد."])
        #expect(try sentences(text) == [text])
    }

    @Test("On the sample, clause granularity gives more units than sentences, covering the same text")
    func clausesOnSample() throws {
        let data = try Data(contentsOf: packageRoot.appendingPathComponent("seeds/000_d30af9c42a70480b.txt"))
        let text = try SourceText(data: data, origin: "sample").text
        let clauses = try SentenceSegmenter(granularity: .clause).segment(text)
        #expect(clauses.count > 12)
        #expect(Set(clauses.map(\.paragraph)) == Set(1...12))
        for (previous, next) in zip(clauses, clauses.dropFirst()) {
            #expect(previous.end <= next.start)
        }
    }
}
