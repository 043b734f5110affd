import Foundation
import Testing
@testable import TarjumanCore
@testable import TarjumanEvaluation

@Suite("QA checks")
struct QACheckTests {
    /// A store with one document of the given sources, rendered as given (nil: no rendering).
    func store(_ units: [(String, String?)], terms: [Term] = []) throws -> TranslationStore {
        let store = try makeStore()
        let pairs = units.map { TranslationPair(source: $0.0, target: $0.1 ?? "-") }
        let ids = try CheckEvaluation.store(pairs, in: store)
        try CheckEvaluation.deleteRenderings(of: zip(ids, units).filter { $0.1.1 == nil }.map(\.0), in: store)
        if !terms.isEmpty { _ = try GlossaryStore(database: store.database).importTerms(terms) }
        return store
    }

    func findings(_ units: [(String, String?)], only: Set<QACheck>, terms: [Term] = []) throws -> [Finding] {
        try QAChecker(database: store(units, terms: terms).database).run(CheckOptions(only: only)).findings
    }

    func messages(_ source: String, _ target: String, _ check: QACheck, terms: [Term] = []) throws -> [String] {
        try findings([(source, target)], only: [check], terms: terms).map(\.message)
    }

    @Test("Numbers in every digit script, separators, multipliers, words, ordinals and Hijri years")
    func numbers() throws {
        #expect(try messages("قتل ١٢ شخصا وأصيب ٣٫٥ ألف في ٢٠٢٢.", "12 people were killed and 3,500 injured in 2022.", .numbers).isEmpty)
        #expect(try messages("بلغت النسبة ٥٠٪ من ١٬٢٠٠ طالب.", "The share reached 50% of 1,200 students.", .numbers).isEmpty)
        #expect(try messages("خسر 5 ملايين دولار.", "He lost $5,000,000.", .numbers).isEmpty)
        #expect(try messages("فاز بالمركز ال53 في 3 مباريات.", "He came 53rd in three matches.", .numbers).isEmpty)
        #expect(try messages("وقع الحادث عام ١٤٤٤ هـ.", "It happened in 2022.", .numbers).isEmpty)
        #expect(try messages("في 3 مايو/أيار.", "On May 3.", .numbers).isEmpty)
        #expect(try messages("مرض السكري من النوع الأول.", "Type 1 diabetes.", .numbers).isEmpty)
        #expect(try messages("في القرن الحادي عشر، للمرة الرابعة والثلاثين.", "In the 11th century, for the 34th time.", .numbers).isEmpty)
        #expect(try messages("عبر أكثر من 30،000 شخص.", "More than 30,000 people crossed.", .numbers).isEmpty)
        #expect(try messages("وصل في الساعة 2 مساء مع سيارتين.", "He arrived at pm with two cars.", .numbers)
            == ["the time 2 (2 p.m.) of the source is not in the English"])
        #expect(try messages("بدأ في 1 ديسمبر.", "It began on the first day of December.", .numbers)
            == ["the number 1 of the source is not in the English"])
        #expect(try messages("ينتشر كوفيد-19 بسرعة.", "COVID spreads fast, one says.", .numbers)
            == ["the number 19 of the source is not in the English"])
        #expect(try messages("وصل في الساعة 2 مساء.", "He arrived at 2 pm.", .numbers).isEmpty)
        #expect(try messages("أضرب عن الطعام منذ 173 يوما.", "On hunger strike for 17 days.", .numbers)
            == ["the number 173 of the source is not in the English", "the number 17 in the English is not in the source"])
        #expect(try messages("قتل ١٥ شخصا.", "Five people were killed.", .numbers) == ["the number ١٥ (15) of the source is not in the English"])
        let found = try findings([("أضرب منذ 173 يوما.", "On strike for 17 days.")], only: [.numbers])
        #expect(found[0].severity == .error)
        #expect(found[0].spans == [FindingSpan(unit: UnitID(document: 1, ordinal: 1), side: .source, start: 9, end: 12, text: "173")])
        #expect(found[1].severity == .warning)
    }

    @Test("Glossary terms in any clitic form: missing renderings, tolerant English, forbidden renderings")
    func glossary() throws {
        let terms = [
            Term(arabic: "الجهاد الإسلامي", english: "Islamic Jihad", alternatives: ["PIJ"]),
            Term(arabic: "منظمة التحرير الفلسطينية", english: "Palestine Liberation Organization", alternatives: ["PLO"],
                 forbidden: ["Palestinian Liberation Organization"]),
            Term(arabic: "الأسير", english: "prisoner", alternatives: ["detainee"]),
        ]
        #expect(try messages("أكدت حركتا حماس والجهاد الإسلامي موقفهما.", "Hamas and the Islamic Jihad's leaders confirmed it.", .glossaryMissing, terms: terms).isEmpty)
        #expect(try messages("وتحية للأسرى.", "Greetings to the prisoners.", .glossaryMissing, terms: terms).isEmpty)
        #expect(try messages("تحية للأسير.", "Greetings to the U.S. detainee.", .glossaryMissing, terms: terms).isEmpty)
        #expect(EnglishPhrase("the U.S. and U.N. e.g.").stems == ["the", "us", "and", "un", "eg"])
        #expect(try messages("أكدت حركتا حماس والجهاد الإسلامي موقفهما.", "Hamas and Jihad confirmed it.", .glossaryMissing, terms: terms)
            == ["the glossary term 'والجهاد الإسلامي' (الجهاد الإسلامي) is not rendered as 'Islamic Jihad' or 'PIJ'"])
        #expect(try messages("بيان منظمة التحرير الفلسطينية.", "A Palestinian Liberation Organization statement.", .glossaryForbidden, terms: terms)
            == ["'Palestinian Liberation Organization' is a forbidden rendering of 'منظمة التحرير الفلسطينية'; the glossary says 'Palestine Liberation Organization'"])
        #expect(try messages("بيان منظمة التحرير الفلسطينية.", "A Palestine Liberation Organization statement.", .glossaryForbidden, terms: terms).isEmpty)
    }

    @Test("Untranslated, same as source, Arabic left in the English")
    func untranslated() throws {
        let found = try findings([("وصل الوفد.", nil), ("غادر الوفد.", "غادر الوفد."), ("عاد الوفد.", "The delegation returned، قال.")],
                                 only: [.untranslated, .sameAsSource, .arabicInTarget])
        #expect(found.map(\.check) == [.untranslated, .sameAsSource, .arabicInTarget])
        #expect(found.map(\.severity) == [.error, .error, .error])
        #expect(found[2].message == "Arabic left in the English: '، قال'")
    }

    @Test("End punctuation: ؟ is ?, a question rendered as a statement, a missing full stop")
    func endPunctuation() throws {
        #expect(try messages("هل وصل الوفد؟", "Did the delegation arrive?", .endPunctuation).isEmpty)
        #expect(try messages("قال: \"وصل الوفد.\"", "He said: \"The delegation arrived.\"", .endPunctuation).isEmpty)
        #expect(try messages("هل وصل الوفد؟", "Did the delegation arrive.", .endPunctuation)
            == ["the source is a question (؟) but the English ends with ."])
        #expect(try messages("وصل الوفد.", "The delegation arrived", .endPunctuation)
            == ["the source ends with . but the English has no final punctuation"])
        #expect(try messages("وصل الوفد", "The delegation arrived.", .endPunctuation).isEmpty)
    }

    @Test("Brackets and quotes: unbalanced in the English, brackets of the source lost, faithful open quotes allowed")
    func brackets() throws {
        #expect(try messages("قالت (المنظمة) إن الوفد وصل.", "The (organization said the delegation arrived.", .bracketsQuotes)
            == ["the English has an unmatched ("])
        #expect(try messages("قالت المنظمة (أونروا) إن الوفد وصل.", "The organization, UNRWA, said the delegation arrived.", .bracketsQuotes)
            == ["the source has brackets ( ) that the English does not"])
        #expect(try messages("\"وصل الوفد أمس إلى المدينة.", "\"The delegation arrived in the city yesterday.", .bracketsQuotes).isEmpty)
        #expect(try messages("وصل الوفد أمس إلى المدينة.", "The delegation arrived\" in the city yesterday.", .bracketsQuotes)
            == ["the English has an odd number of \" marks"])
    }

    @Test("White space, repeated words, length ratio, web addresses")
    func surface() throws {
        #expect(try messages("وصل الوفد.", " The delegation  arrived. ", .whitespace)
            == ["the English has leading white space, trailing white space, a double space"])
        #expect(try messages("وصل الوفد.", "The the delegation had had enough.", .repeatedWord) == ["the English repeats 'The the'"])
        #expect(try messages("وصل الوفد إلى المدينة صباح اليوم بعد رحلة طويلة.", "Arrived.", .lengthRatio).count == 1)
        #expect(try messages("وصل الوفد إلى المدينة صباح اليوم بعد رحلة طويلة.", "The delegation reached the city this morning after a long trip.", .lengthRatio).isEmpty)
        #expect(try messages("للمزيد زوروا www.unrwa.org أو راسلوا info@unrwa.org", "See unrwa.org or write to info@unrwa.org", .urlsEmails)
            == ["www.unrwa.org of the source is not in the English unchanged"])
    }

    @Test("Consistency: one source rendered two ways, one rendering for different sources")
    func consistency() throws {
        let store = try store([
            ("وصل الوفد إلى المدينة.", "The delegation arrived in the city."),
            ("غادر الوفد المدينة.", "The delegation left the city."),
            ("وصل الوفدُ إلى المدينة.", "The delegation reached the city."),
            ("وصل الوفد الى المدينة!", "The delegation arrived in the city."),
            ("ثم غادر الوفد المدينة.", "The delegation left the city!"),
            ("غادر الوفد المدينة!", "The delegation left the city."),
        ])
        let found = try QAChecker(database: store.database).run(CheckOptions(only: [.inconsistentTarget, .inconsistentSource])).findings
        #expect(found.count == 2)
        #expect(found[0].check == .inconsistentTarget)
        #expect(found[0].units.map(\.description) == ["1.1", "1.3"])
        #expect(found[0].message == "the same source is rendered 2 ways: 'The delegation arrived in the city.' (1.1); 'The delegation reached the city.' (1.3)")
        #expect(found[1].check == .inconsistentSource)
        #expect(found[1].units.map(\.description) == ["1.2", "1.5", "1.6"])
    }

    @Test("Settings turn checks off; accepted findings stay hidden until the texts change; severities filter")
    func settingsAndAccepting() throws {
        let store = try store([("أضرب منذ 173 يوما.", "On strike for 17 days."), ("وصل الوفد.", "The delegation  arrived.")])
        let checker = QAChecker(database: store.database)
        let all = try checker.run()
        #expect(Set(all.findings.map(\.check)) == [.numbers, .whitespace])
        #expect(all.hasErrors)
        #expect(try checker.run(CheckOptions(minimumSeverity: .warning)).findings.map(\.check) == [.numbers, .numbers])
        try checker.setEnabled([.numbers], false)
        #expect(try checker.run().findings.map(\.check) == [.whitespace])
        #expect(try checker.run(CheckOptions(only: [.numbers])).findings.count == 2)
        #expect(try checker.settings().first { $0.check == .numbers }?.enabled == false)
        try checker.setEnabled([.numbers], true)

        let whitespace = all.findings.first { $0.check == .whitespace }!
        #expect(try checker.accept([whitespace.id], by: "sara").map(\.id) == [whitespace.id])
        let after = try checker.run()
        #expect(!after.findings.contains { $0.check == .whitespace })
        #expect(after.acceptedHidden == 1)
        #expect(try checker.run(CheckOptions(includeAccepted: true)).findings.contains { $0.id == whitespace.id })
        #expect(throws: TarjumanError.unknownFinding("0000deadbeef")) { try checker.accept(["0000deadbeef"], by: nil) }
        _ = try store.render([RenderingInput(unit: UnitID(document: 1, ordinal: 2), text: "The  delegation arrived.")], translator: nil, status: .approved, origin: "manual")
        #expect(try checker.run().findings.contains { $0.check == .whitespace })
    }

    @Test("Findings' ids are stable and depend on the texts")
    func ids() throws {
        let first = try findings([("وصل الوفد.", "The delegation  arrived.")], only: [.whitespace])
        let again = try findings([("وصل الوفد.", "The delegation  arrived.")], only: [.whitespace])
        let other = try findings([("وصل الوفد.", "The  delegation arrived.")], only: [.whitespace])
        #expect(first[0].id == again[0].id)
        #expect(first[0].id != other[0].id)
        #expect(first[0].id.count == 12)
    }

    @Test("On the shared corpora: few false alarms, every injected defect kind found",
          .enabled(if: FileManager.default.fileExists(atPath: sharedData.path), "../shared/data is absent; skipping"))
    func corpus() throws {
        let pairs = try ParallelCorpus.all(dataRoot: sharedData).flatMap(\.pairs)
        let clean = try makeStore()
        let ids = try CheckEvaluation.store(pairs, in: clean)
        let report = try QAChecker(database: clean.database).run()
        let flagged = CheckEvaluation.flaggedUnits(report.findings)
        for check in [QACheck.numbers, .endPunctuation, .bracketsQuotes, .arabicInTarget] {
            #expect(Double(flagged[check]?.count ?? 0) < 0.02 * Double(ids.count), "\(check.rawValue) flags too many units")
        }
        var byIndex: [UnitID: Int] = [:]
        for (index, id) in ids.enumerated() { byIndex[id] = index }
        let terms = try GlossaryFormat.tsv.read(SourceText(contentsOf: packageRoot.appendingPathComponent("Glossaries/countries-iso3166.ar-en.tsv").path), sourceName: "countries")
        let injection = try CheckEvaluation.inject(into: pairs, flagged: flagged.mapValues { Set($0.compactMap { byIndex[$0] }) }, terms: terms, perKind: 40)
        let broken = try makeStore()
        _ = try GlossaryStore(database: broken.database).importTerms(injection.terms)
        let brokenIDs = try CheckEvaluation.store(injection.pairs, in: broken)
        try CheckEvaluation.deleteRenderings(of: injection.deletions.map { brokenIDs[$0] }, in: broken)
        try CheckEvaluation.importMemoryRows(injection.memoryRows, into: broken.database, memory: "client")
        let found = CheckEvaluation.flaggedUnits(try QAChecker(database: broken.database).run().findings)
        for defect in InjectedDefect.allCases {
            let cases = injection.defects.filter { $0.defect == defect }
            let hits = cases.filter { found[defect.check]?.contains(brokenIDs[$0.pair]) ?? false }.count
            #expect(cases.count == 40, "\(defect.rawValue): only \(cases.count) injected")
            #expect(Double(hits) >= 0.95 * Double(cases.count), "\(defect.rawValue): \(hits) of \(cases.count) found")
        }
    }
}

@Suite("QA checks of some units")
struct FocusedCheckTests {
    @Test("Checking some units gives exactly the findings of a whole run that involve them")
    func focusEqualsWholeRunFiltered() throws {
        let units: [(String, String?)] = [
            ("قال المتحدث \"إن الاجتماع انتهى.", "The spokesman said \"the meeting ended."),
            ("وأضاف أن 12 شخصا قتلوا.\"", "He added that 21 people were killed.\""),
            ("وصل الوفد في 3 مايو.", "The delegation arrived on May 3."),
            ("وصل الوفد في 3 مايو.", "The delegation came on 3 May."),
            ("أكدت حركة حماس (والجهاد) موقفها.", "Hamas (and Jihad affirmed its position."),
            ("انتهى الاجتماع.", "The the meeting ended."),
            ("انتهى الاجتماع.", "The meeting ended"),
        ]
        let store = try QACheckTests().store(units)
        let checker = QAChecker(database: store.database)
        let whole = try checker.run(CheckOptions(documents: [1])).findings
        #expect(whole.count >= 4)
        for ordinal in 1 ... units.count {
            let id = UnitID(document: 1, ordinal: ordinal)
            var options = CheckOptions(documents: [1])
            options.units = [id]
            let focused = try checker.run(options).findings
            #expect(focused.map(\.id) == whole.filter { $0.units.contains(id) }.map(\.id), "unit \(id)")
        }
    }
}
