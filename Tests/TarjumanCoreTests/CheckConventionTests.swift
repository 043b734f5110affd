import Foundation
import Testing
@testable import TarjumanCore
@testable import TarjumanEvaluation

/// The conventions of Arabic official and news writing the checks accept, each both ways:
/// accepted when the English follows it, found when the English is wrong.
@Suite("Check conventions of official and news text")
struct CheckConventionTests {
    func report(_ units: [(String, String)], only: Set<QACheck>, terms: [Term] = []) throws -> CheckReport {
        let store = try makeStore()
        _ = try CheckEvaluation.store(units.map { TranslationPair(source: $0.0, target: $0.1) }, in: store)
        if !terms.isEmpty { _ = try GlossaryStore(database: store.database).importTerms(terms) }
        return try QAChecker(database: store.database).run(CheckOptions(only: only))
    }

    func messages(_ source: String, _ target: String, _ check: QACheck) throws -> [String] {
        try report([(source, target)], only: [check]).findings.map(\.message)
    }

    @Test("24-hour times against a.m. and p.m., ranges, military times, noon and midnight")
    func times() throws {
        let accepted: [(String, String)] = [
            ("بدأت الجلسة الساعة 13:00.", "The meeting began at 1 p.m."),
            ("تفتتح الجلسة في الساعة 10:00.", "The meeting opens at 10 a.m."),
            ("من الساعة 15:00 إلى الساعة 18:00.", "From 3 p.m. to 6 p.m."),
            ("من الساعة 15:00 إلى الساعة 18:00.", "From 3 to 6 p.m."),
            ("وقع الانفجار في الساعة 18:55.", "The explosion occurred at 1855 hours."),
            ("تعقد الجلسة الساعة 12:00.", "The meeting is held at noon."),
            ("انتهت الجلسة الساعة 00:00.", "The meeting ended at midnight."),
            ("بدأ القصف الساعة 10:16.", "The shelling began at 10.16 a.m."),
            ("تعقد الجلسة في الساعة 00/15.", "The meeting is held at 3 p.m."),
            ("وصل الساعة 10:30 مساءً.", "He arrived at 10.30 pm."),
            ("بدأت الجلسة الساعة ١٣:٣٠.", "The meeting began at 1:30 PM."),
        ]
        for (source, target) in accepted {
            #expect(try messages(source, target, .numbers).isEmpty, "\(source) | \(target)")
        }
        #expect(try messages("بدأت الجلسة الساعة 15:00.", "The meeting began at 3 a.m.", .numbers)
            == ["the time 15:00 (3 p.m.) of the source is not in the English; the English says 3 a.m. (3:00)",
                "the number 3 a.m. in the English is not in the source"])
        #expect(try messages("بدأت الجلسة الساعة 13:00.", "The meeting began at 2 p.m.", .numbers).first
            == "the time 13:00 (1 p.m.) of the source is not in the English")
        #expect(try messages("بدأت الجلسة الساعة 10:00.", "The meeting began at 10 p.m.", .numbers).first?
            .hasPrefix("the time 10:00 (10 a.m.) of the source is not in the English") == true)
    }

    @Test("Digit groups written with spaces, and groups reversed by right-to-left copying")
    func digitGroups() throws {
        #expect(try messages("بلغ عدد اللاجئين 200 000 شخص.", "The refugees numbered 200,000.", .numbers).isEmpty)
        #expect(try messages("بلغ عدد اللاجئين 1 250 000 شخص.", "The refugees numbered 1,250,000.", .numbers).isEmpty)
        #expect(try messages("بلغت التكاليف 958.6 1 مليون دولار.", "Costs reached $1,958.6 million.", .numbers).isEmpty)
        #expect(try messages("في عامي 2014 2015.", "In 2014 and 2015.", .numbers).isEmpty)
        let reversed = try report([("بلغ عدد اللاجئين 000 200 شخص.", "The refugees numbered 200,000.")], only: [.numbers])
        #expect(reversed.findings.isEmpty)
        #expect(reversed.reversedGroupingsRead == 1)
        let listed = try report([("بلغ عدد اللاجئين 000 200 شخص.", "The refugees numbered 200,000.")], only: [.numbers, .reversedGrouping])
        #expect(listed.findings.map(\.message)
            == ["the source writes 200,000 with its digit groups reversed (000 200), as right-to-left copying leaves them; the English has it right"])
        #expect(listed.findings.map(\.severity) == [.info])
        #expect(try messages("بلغ عدد اللاجئين 200 000 شخص.", "The refugees numbered 200,001.", .numbers).first
            == "the number 200 000 of the source is not in the English")
        #expect(try messages("بلغ عدد اللاجئين 000 200 شخص.", "The refugees numbered 20,000.", .numbers).first
            == "the number 000 200 (200,000 with its groups reversed) of the source is not in the English")
    }

    @Test("reversed-grouping is off until a project turns it on")
    func reversedGroupingSetting() throws {
        let store = try makeStore()
        _ = try CheckEvaluation.store([TranslationPair(source: "بلغ 000 200 شخص.", target: "It reached 200,000.")], in: store)
        let checker = QAChecker(database: store.database)
        #expect(try checker.settings().first { $0.check == .reversedGrouping }?.enabled == false)
        #expect(try checker.run().findings.isEmpty)
        try checker.setEnabled([.reversedGrouping], true)
        #expect(try checker.run().findings.map(\.check) == [.reversedGrouping])
    }

    @Test("Paragraph numbers and enumerators are compared with the other side's, never with the text")
    func markers() throws {
        let accepted: [(String, String)] = [
            ("25 - يرحب المجلس بالتقرير.", "The Council welcomes the report."),
            ("٢ - يرحب المجلس بالتقرير.", "2. The Council welcomes the report."),
            ("21- يرحب المجلس بالتقرير.", "21. The Council welcomes the report."),
            ("3 - يرحب المجلس بالقرار 1325.", "3. The Council welcomes resolution 1325."),
            ("4 - يرحب المجلس بالقرارات الثلاثة.", "The Council welcomes the three resolutions."),
            ("(أ) تعزيز التعاون الدولي؛", "(a) Strengthening international cooperation;"),
            ("(ب) تعزيز التعاون الدولي؛", "Strengthening international cooperation;"),
            ("(هـ) تعزيز التعاون الدولي؛", "(e) Strengthening international cooperation;"),
            ("(ط) تعزيز التعاون الدولي؛", "(i) Strengthening international cooperation;"),
            ("12 - (ج) تعزيز التعاون الدولي؛", "(c) Strengthening international cooperation;"),
        ]
        for (source, target) in accepted {
            #expect(try report([(source, target)], only: [.numbers, .bracketsQuotes]).findings.isEmpty, "\(source) | \(target)")
        }
        #expect(try messages("25 - يرحب المجلس بالتقرير.", "24. The Council welcomes the report.", .numbers)
            == ["the paragraph marker '25 -' of the source is '24.' in the English"])
        #expect(try messages("(ب) تعزيز التعاون الدولي؛", "(d) Strengthening international cooperation;", .numbers)
            == ["the paragraph marker '(ب)' of the source is '(d)' in the English"])
        #expect(try messages("3 - يرحب المجلس بالقرار 1325.", "3. The Council welcomes resolution 1352.", .numbers)
            == ["the number 1325 of the source is not in the English", "the number 1352 in the English is not in the source"])
    }

    @Test("Empty footnote brackets are no bracket mismatch; lost brackets still are")
    func footnoteBrackets() throws {
        #expect(try messages("وأكد المجلس التزامه () بالقرار.", "The Council reaffirmed its commitment to the resolution.", .bracketsQuotes).isEmpty)
        #expect(try messages("وأكد المجلس التزامه ( ).", "The Council reaffirmed its commitment.1", .numbers).isEmpty)
        #expect(try messages("وأكد المجلس التزامه(1).", "The Council reaffirmed its commitment.1", .bracketsQuotes).isEmpty)
        #expect(try messages("أشار إلى برنامج (UNDP) في تقريره.", "He cited UNDP in his report.", .bracketsQuotes).isEmpty)
        #expect(try messages("قالت المنظمة () (أونروا) إن الوفد وصل.", "The organization, UNRWA, said the delegation arrived.", .bracketsQuotes)
            == ["the source has brackets ( ) that the English does not"])
        #expect(try messages("وأكد المجلس التزامه.", "The Council reaffirmed its commitment.1", .numbers)
            == ["the number 1 in the English is not in the source"])
    }

    @Test("Double month names, Hijri dates beside Gregorian ones, day ordinals; a wrong day is found")
    func dates() throws {
        let accepted: [(String, String)] = [
            ("في 25 أيار/مايو 2005.", "On 25 May 2005."),
            ("في آذار/مارس 2005.", "In March 2005."),
            ("في 23 أيار/مايو.", "On May 23rd."),
            ("في 1 كانون الثاني/يناير 2010.", "On 1 January 2010."),
            ("في 1 محرم 1426 هـ الموافق 10 شباط/فبراير 2005.", "On 10 February 2005."),
            ("في 10 ذي الحجة 1426 هـ.", "On 10 January 2006."),
        ]
        for (source, target) in accepted {
            #expect(try messages(source, target, .numbers).isEmpty, "\(source) | \(target)")
        }
        #expect(try messages("في 25 أيار/مايو 2005.", "On 23 May 2005.", .numbers)
            == ["the number 25 of the source is not in the English", "the number 23 in the English is not in the source"])
        #expect(try messages("في 27 رمضان 1426 هـ.", "On 26 Ramadan 1426 AH.", .numbers).first
            == "the number 27 of the source is not in the English")
    }

    @Test("A name Arabic brackets for want of capitals is no lost bracket; an acronym or an explanation is")
    func bracketedNames() throws {
        #expect(try messages("بعد الخسائر، أخبر (بوش) جمهوره عن التجارة.", "After the losses, Bush told an audience about trade.", .bracketsQuotes).isEmpty)
        #expect(try messages("تدعم العاصمة (مقاطعة كولومبيا) الطعن.", "The District of Columbia supports the challenge.", .bracketsQuotes).isEmpty)
        #expect(try messages("قالت المنظمة (أونروا) إن الوفد وصل.", "The organization, UNRWA, said the delegation arrived.", .bracketsQuotes)
            == ["the source has brackets ( ) that the English does not"])
        #expect(try messages("وصل الوفد (الذي يضم خمسة من كبار الخبراء في المياه) إلى عمان.", "The delegation arrived in Amman.", .bracketsQuotes)
            == ["the source has brackets ( ) that the English does not"])
    }

    @Test("End marks: a question asked with هل or متى, the reversed ⸮, Arabic ! for English ., title-case headlines")
    func endMarks() throws {
        let accepted: [(String, String)] = [
            ("هل عندك اعتراض على هذه الخطة.", "Do you have any objection to this plan?"),
            ("إلى متى سنقف مكتوفي الأيدي.", "How long will we stand by?"),
            ("كيفاش لقيت الماكلة⸮", "How did you find the food?"),
            ("لا تخيب ظني بك!", "Don't disappoint me."),
            ("إلقاء القبض على الابن الأكبر لسارة بالين بتهمة العنف الأسري.", "Sarah Palin's Eldest Son Arrested on Domestic Violence Charges"),
        ]
        for (source, target) in accepted {
            #expect(try messages(source, target, .endPunctuation).isEmpty, "\(target)")
        }
        #expect(try messages("وصل الوفد إلى المدينة.", "Did the delegation arrive in the city?", .endPunctuation)
            == ["the English is a question but the source is not"])
        #expect(try messages("وصل الوفد إلى المدينة أمس.", "The delegation arrived in the city yesterday", .endPunctuation)
            == ["the source ends with . but the English has no final punctuation"])
        #expect(try messages("لا تخيب ظني بك!", "Don't disappoint me", .endPunctuation)
            == ["the source ends with ! but the English has no final punctuation"])
    }

    @Test("A quotation over several sentences or paragraphs is no unmatched quote; one left open alone is")
    func quotationsOverUnits() throws {
        let sentences = [
            ("وقال: الوضع خطير.", "He said: \"The situation is serious."),
            ("نحن نعمل ليل نهار.", "We are working day and night."),
            ("لن نتوقف، أضاف.", "We will not stop,\" he added."),
            ("وأضاف: هذه بداية.", "He added: \u{201C}This is a beginning."),
            ("وهي بداية جيدة.", "\u{201C}It is a good one.\u{201D}"),
        ]
        #expect(try report(sentences, only: [.bracketsQuotes]).findings.isEmpty)
        let alone = try report([("وصل الوفد.", "The delegation arrived."), ("قال: سنبقى.", "He said: \"We will stay."),
                                ("وغادر الوفد.", "The delegation left.")], only: [.bracketsQuotes]).findings
        #expect(alone.map(\.message) == ["the English has an odd number of \" marks"])
        #expect(alone.first?.units == [UnitID(document: 1, ordinal: 2)])
        let closedOnly = try report([("وصل الوفد.", "The delegation arrived."), ("سنبقى، قال.", "We will stay,\" he said.")],
                                    only: [.bracketsQuotes]).findings
        #expect(closedOnly.map(\.message) == ["the English has an odd number of \" marks"])
    }

    @Test("Repeated words across punctuation, repeated numbers, is is; grammatical doublings kept")
    func repeatedWords() throws {
        let found: [(String, String)] = [
            ("هذا صحيح.", "It is is true.", "the English repeats 'is is'"),
            ("في 16 بلدا.", "In 16 16 countries.", "the English repeats '16 16'"),
            ("في عام 2015.", "In 2015 2015, it rained.", "the English repeats '2015 2015'"),
            ("لا وقت.", "There is no time, time is short.", "the English repeats 'time, time'"),
            ("وصل الوفد.", "The the delegation arrived.", "the English repeats 'The the'"),
            ("لا، لم أفعل!", "Oh, Oh, no.", "the English repeats 'Oh, Oh'"),
            ("سلام.", "Peace. Peace.", "the English repeats 'Peace. Peace'"),
            ("كم الساعة؟", "What time is is it?", "the English repeats 'is is'"),
            ("112 - تؤكد المنظمة ذلك.", "112. 112. The WHO asserts it.", "the English repeats '112. 112'"),
            ("في ملعب بي بي سي أرينا", "at the BBC Arena Arena", "the English repeats 'Arena Arena'"),
            ("أضاف أن هناك طلبا على المنتجات الأخرى.", "He added that that other products are in demand.", "the English repeats 'that that'"),
            ("قال مزحته بصوت \"مذيع الأخبار\".", "He said it in his mock \"news anchor\" anchor\" voice.", "the English repeats 'anchor\" anchor'"),
            ("كنا محظوظين في تلك اللحظة\".", "We were lucky in that moment.\" moment.\"", "the English repeats 'moment.\" moment'"),
            ("كان في الولايات المتحدة.", "He was in the U.S. U.S.", "the English repeats 'U.S. U.S'"),
            ("بدأ سامي وليلى يكتبان رسائل.", "Sami and Layla wrote letters.1 letters.1", "the English repeats 'letters.1 letters'"),
        ].map { ($0.0, $0.1 + "\u{0}" + $0.2) }
        for (source, pair) in found {
            let parts = pair.components(separatedBy: "\u{0}")
            #expect(try messages(source, parts[0], .repeatedWord) == [parts[1]], "\(parts[0])")
        }
        let accepted: [(String, String)] = [
            ("كان قد اكتفى.", "He had had enough."),
            ("قال إن ذلك خطأ.", "He said that that was wrong."),
            ("جيد جدا جدا.", "Very, very good."),
            ("لا، لا.", "No, no, no."),
            ("الرقمان 16 16 متطابقان.", "The numbers 16 16 match."),
            ("ما هو عليه مشكلة.", "What it is is a problem."),
            ("هلا. هلا.", "Hey. Hey."),
            ("أضاف أن تلك المنتجات مطلوبة.", "He added that that product is in demand."),
            ("مع السلامة.", "Bye bye."),
            ("هل يمكننا أن ننسى أن ذلك قد حدث؟", "Can we forget that that just happened?"),
        ]
        for (source, target) in accepted {
            #expect(try messages(source, target, .repeatedWord).isEmpty, "\(target)")
        }
        #expect(try messages("وصل الوفد.", "Had had the delegation arrived?", .repeatedWord) == ["the English repeats 'Had had'"])
    }

    @Test("A glossary rendering given as a derived form or by its initials is rendered; another name is not")
    func glossaryForms() throws {
        let terms = [Term(arabic: "جنوب إفريقيا", english: "South Africa"), Term(arabic: "المملكة المتحدة", english: "United Kingdom"),
                     Term(arabic: "رئيس الوزراء", english: "prime minister"), Term(arabic: "اعتقال", english: "arrest"),
                     Term(arabic: "النيجر", english: "Niger"), Term(arabic: "الولايات المتحدة", english: "United States")]
        let accepted: [(String, String)] = [
            ("وصلت طائرة من جنوب إفريقيا.", "A South African aircraft arrived."),
            ("في المملكة المتحدة.", "In the U.K."),
            ("اتهم رئيس الوزراء منتقديه.", "The British PM accused critics."),
            ("تم اعتقال ليلى.", "Layla was arrested."),
        ]
        for (source, target) in accepted {
            #expect(try report([(source, target)], only: [.glossaryMissing], terms: terms).findings.isEmpty, "\(target)")
        }
        for (source, target) in [("وصل من النيجر.", "He came from Nigeria."), ("قالت الولايات المتحدة إنها ستساعد.", "They told us they would help.")] {
            #expect(try report([(source, target)], only: [.glossaryMissing], terms: terms).findings.count == 1, "\(target)")
        }
    }

    @Test("A forbidden rendering is one finding with every span, however often its term occurs")
    func oneFindingOnce() throws {
        let terms = [Term(arabic: "الشهداء", english: "martyrs", forbidden: ["victims"])]
        let found = try report([("الشهداء والشهداء وعائلات الشهداء.", "The victims and their families.")], only: [.glossaryForbidden], terms: terms).findings
        #expect(found.count == 1)
        #expect(found.first?.spans.filter { $0.side == .source }.count == 3)
        #expect(found.first?.spans.filter { $0.side == .target }.map(\.text) == ["victims"])
    }

    @Test("One source given two English texts as two rows of a TSV memory is an inconsistent target")
    func inconsistentMemoryRows() throws {
        let store = try makeStore()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tarjuman-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("two-renderings.tsv").path
        try "source\ttarget\nيرحب المجلس بالتقرير.\tThe Council welcomes the report.\nيرحب المجلس بالتقرير.\tThe Council rejects the report.\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        let outcome = try MemoryImporter(database: store.database).importFile(path)
        #expect(outcome.added == 2)
        let found = try QAChecker(database: store.database).run(CheckOptions(only: [.inconsistentTarget])).findings
        #expect(found.count == 1)
        #expect(found.first?.message.contains("in memory two-renderings") == true)
    }
}
