/// Which text of a unit a span points into.
public enum FindingSide: String, Sendable, Codable {
    case source
    case target
}

/// The part of a unit's text a finding is about, as Unicode scalar offsets into that text.
public struct FindingSpan: Sendable, Equatable, Codable {
    public let unit: UnitID
    public let side: FindingSide
    public let start: Int
    public let end: Int
    public let text: String

    public init(unit: UnitID, side: FindingSide, start: Int, end: Int, text: String) {
        self.unit = unit
        self.side = side
        self.start = start
        self.end = end
        self.text = text
    }
}

/// One problem a check found.
public struct Finding: Sendable, Equatable, Codable {
    /// A stable identifier: the same problem in the same texts gets the same id, so that it can
    /// be accepted and stays accepted until the texts change.
    public let id: String
    public let check: QACheck
    public let severity: Severity
    public let units: [UnitID]
    public let message: String
    public let spans: [FindingSpan]

    /// A finding whose id is derived from the check, the units, the message and `texts` (the
    /// source and rendering texts involved).
    public init(check: QACheck, severity: Severity, units: [UnitID], message: String, spans: [FindingSpan] = [], texts: [String]) {
        var hash = KeyHash()
        for part in [check.rawValue] + units.map(\.description) + [message] + texts {
            for byte in part.utf8 { hash.add(byte: byte) }
            hash.add(byte: 0)
        }
        self.id = String(hash.value & 0xFFFF_FFFF_FFFF, radix: 16).leftPadded(to: 12)
        self.check = check
        self.severity = severity
        self.units = units
        self.message = message
        self.spans = spans
    }

    init(id: String, check: QACheck, severity: Severity, units: [UnitID], message: String, spans: [FindingSpan]) {
        self.id = id
        self.check = check
        self.severity = severity
        self.units = units
        self.message = message
        self.spans = spans
    }
}

extension Finding {
    /// The same finding, id kept, with other spans.
    func with(spans: [FindingSpan]) -> Finding {
        Finding(id: id, check: check, severity: severity, units: units, message: message, spans: spans)
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
