import Foundation
import Testing
@testable import TarjumanCore

@Suite("Conflict-aware save")
struct ConflictAwareSaveTests {
    let text = "أكدت حركتا حماس والجهاد الإسلامي أن المقاومة خيارهما. وقال البيان إن التنسيق عال. كتائب القسام في غزة."
    let unit = UnitID(document: 1, ordinal: 2)

    func store() throws -> TranslationStore {
        let store = try makeStore()
        _ = try store.importDocuments([try segmented(text)])
        return store
    }

    @Test("A save naming the current rendering is stored; the next one names it in turn")
    func sequentialSaves() throws {
        let store = try store()
        let first = try store.save(RenderingInput(unit: unit, text: "The statement said."), expected: nil,
                                   translator: "Sara", status: .draft, origin: "editor")
        #expect(first.changed)
        let second = try store.save(RenderingInput(unit: unit, text: "The statement said coordination is high."),
                                    expected: first.rendering.id, translator: "Sara", status: .approved, origin: "editor")
        #expect(second.changed)
        #expect(try store.detail(of: unit).history.map(\.text) == ["The statement said coordination is high.", "The statement said."])
    }

    @Test("A save that crossed another is refused with the current rendering; saving again over it keeps both")
    func crossedSaves() throws {
        let store = try store()
        let sara = try store.save(RenderingInput(unit: unit, text: "Sara's rendering."), expected: nil,
                                  translator: "Sara", status: .draft, origin: "editor")
        do {
            _ = try store.save(RenderingInput(unit: unit, text: "Omar's rendering."), expected: nil,
                               translator: "Omar", status: .draft, origin: "editor")
            Issue.record("the second save should have been refused")
        } catch {
            guard case .renderingConflict(let unitName, let current) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(unitName == "1.2")
            #expect(current?.text == "Sara's rendering.")
            #expect(current?.id == sara.rendering.id)
            #expect(error.description.contains("Sara's rendering."))
        }
        #expect(try store.detail(of: unit).history.count == 1)
        let omar = try store.save(RenderingInput(unit: unit, text: "Omar's rendering."), expected: sara.rendering.id,
                                  translator: "Omar", status: .draft, origin: "editor")
        #expect(omar.changed)
        #expect(try store.detail(of: unit).history.map(\.translator) == ["Omar", "Sara"])
    }

    @Test("Saving the same text and status again changes nothing, whatever it names")
    func unchanged() throws {
        let store = try store()
        let first = try store.save(RenderingInput(unit: unit, text: "Same."), expected: nil, translator: nil, status: .draft, origin: "editor")
        let again = try store.save(RenderingInput(unit: unit, text: "Same."), expected: nil, translator: nil, status: .draft, origin: "editor")
        #expect(!again.changed)
        #expect(again.rendering.id == first.rendering.id)
        let approved = try store.save(RenderingInput(unit: unit, text: "Same."), expected: first.rendering.id,
                                      translator: nil, status: .approved, origin: "editor")
        #expect(approved.changed)
        #expect(try store.detail(of: unit).history.count == 2)
    }

    @Test("Empty renderings and unknown units are refused")
    func refused() throws {
        let store = try store()
        #expect(throws: TarjumanError.self) {
            try store.save(RenderingInput(unit: unit, text: "  \n"), expected: nil, translator: nil, status: .draft, origin: "editor")
        }
        #expect(throws: TarjumanError.self) {
            try store.save(RenderingInput(unit: UnitID(document: 1, ordinal: 9), text: "x"), expected: nil,
                           translator: nil, status: .draft, origin: "editor")
        }
    }

    @Test("Neighbours are the units before and after in the same document")
    func neighbours() throws {
        let store = try store()
        let middle = try store.neighbours(of: unit)
        #expect(middle.previous == "أكدت حركتا حماس والجهاد الإسلامي أن المقاومة خيارهما.")
        #expect(middle.next == "كتائب القسام في غزة.")
        let first = try store.neighbours(of: UnitID(document: 1, ordinal: 1))
        #expect(first.previous == nil)
        #expect(throws: TarjumanError.self) { try store.neighbours(of: UnitID(document: 2, ordinal: 1)) }
    }

    @Test("Listings carry the id of the current rendering")
    func listingRenderingID() throws {
        let store = try store()
        let saved = try store.save(RenderingInput(unit: unit, text: "Saved."), expected: nil, translator: nil, status: .draft, origin: "editor")
        let listing = try store.units()
        #expect(listing.map(\.renderingID) == [nil, saved.rendering.id, nil])
    }
}
