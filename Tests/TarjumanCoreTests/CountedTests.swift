import Testing
@testable import TarjumanCore

@Suite("Counts in messages")
struct CountedTests {
    @Test("One takes the singular; any other count the plural, regular or given")
    func numbers() {
        #expect(counted(1, "unit") == "1 unit")
        #expect(counted(0, "unit") == "0 units")
        #expect(counted(2, "entry") == "2 entries")
        #expect(counted(3, "day") == "3 days")
        #expect(counted(2, "match") == "2 matches")
        #expect(counted(5, "person", "people") == "5 people")
    }
}
