import Testing
@testable import TarjumanServer

@Suite("Editor server pieces")
struct EditorServerPiecesTests {
    @Test("Text is cut at marked ranges into runs that join back to the text")
    func pieces() {
        let text = "قالت حماس والجهاد الإسلامي"
        let pieces = TextPiece.split(text, at: [10 ..< 26, 5 ..< 9])
        #expect(pieces == [
            TextPiece(text: "قالت ", mark: nil),
            TextPiece(text: "حماس", mark: 1),
            TextPiece(text: " ", mark: nil),
            TextPiece(text: "والجهاد الإسلامي", mark: 0),
        ])
        #expect(pieces.map(\.text).joined() == text)
    }

    @Test("Overlapping and out-of-range marks are left unmarked")
    func badRanges() {
        let pieces = TextPiece.split("abcdef", at: [1 ..< 4, 2 ..< 5, 4 ..< 99])
        #expect(pieces == [TextPiece(text: "a", mark: nil), TextPiece(text: "bcd", mark: 0), TextPiece(text: "ef", mark: nil)])
        #expect(TextPiece.split("", at: []).isEmpty)
    }

    @Test("The host of an authority drops the port and IPv6 brackets", arguments: [
        ("127.0.0.1:8080", "127.0.0.1"), ("LOCALHOST:80", "localhost"), ("[::1]:8080", "::1"), ("example.org", "example.org"),
    ])
    func hostName(authority: String, host: String) {
        #expect(RequestGuard<EditorContext>.hostName(authority) == host)
    }

    @Test("A loopback server answers only to loopback names; a wildcard one to any; another address adds itself")
    func allowedHosts() {
        #expect(RequestGuard<EditorContext>.hosts(boundTo: "127.0.0.1") == ["127.0.0.1", "localhost", "::1"])
        #expect(RequestGuard<EditorContext>.hosts(boundTo: "0.0.0.0").isEmpty)
        #expect(RequestGuard<EditorContext>.hosts(boundTo: "192.168.1.5").contains("192.168.1.5"))
        #expect(RequestGuard<EditorContext>.hosts(boundTo: "fe80::1").contains("fe80::1"))
        #expect(!RequestGuard<EditorContext>.hosts(boundTo: "127.0.0.1").contains("evil.example"))
    }

    @Test("Only the exact session token passes")
    func token() {
        let token = "0123456789abcdef"
        #expect(SessionGate.sameToken(token, token))
        #expect(!SessionGate.sameToken(nil, token))
        #expect(!SessionGate.sameToken("", token))
        #expect(!SessionGate.sameToken("0123456789abcdeF", token))
        #expect(!SessionGate.sameToken(token + "0", token))
    }

    @Test("Loopback addresses are told apart from others")
    func loopback() {
        #expect(EditorServer.isLoopback("127.0.0.1"))
        #expect(EditorServer.isLoopback("::1"))
        #expect(EditorServer.isLoopback("localhost"))
        #expect(!EditorServer.isLoopback("0.0.0.0"))
        #expect(!EditorServer.isLoopback("192.168.1.5"))
    }
}
