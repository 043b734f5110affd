import Foundation
import Testing
import TarjumanCore

@Suite("JSON fields without a value")
struct NullableTests {
    struct Reply: Encodable {
        @Nullable var memory: String?
        @Nullable var count: Int?
    }

    @Test("A field without a value is written as null, not left out; a value is written as itself")
    func nullNotAbsent() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(String(decoding: try encoder.encode(Reply(memory: nil, count: 3)), as: UTF8.self) == #"{"count":3,"memory":null}"#)
        #expect(String(decoding: try encoder.encode(Reply(memory: "client", count: nil)), as: UTF8.self) == #"{"count":null,"memory":"client"}"#)
    }
}
