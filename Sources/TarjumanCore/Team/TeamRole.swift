/// What a member of a team may do. Each role may do everything the one before it may.
public enum TeamRole: String, Codable, Sendable, CaseIterable, Comparable {
    /// Saves drafts and marks units translated.
    case translator
    /// Also approves or rejects renderings, and changes approved ones.
    case reviewer
    /// Also manages accounts, documents, memories and the glossary.
    case admin

    /// The least role that may take `action`.
    public static func least(for action: TeamAction) -> TeamRole {
        switch action {
        case .read, .saveDraft, .markTranslated: return .translator
        case .review, .changeApproved: return .reviewer
        case .manageAccounts, .manageDocuments, .manageMemories, .manageGlossary: return .admin
        }
    }

    /// Whether this role may take `action`.
    public func permits(_ action: TeamAction) -> Bool {
        self >= Self.least(for: action)
    }

    public static func < (lhs: TeamRole, rhs: TeamRole) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// Something a team member does that a role allows or not.
public enum TeamAction: String, Sendable, CaseIterable {
    case read
    case saveDraft
    case markTranslated
    /// Approve or reject a rendering.
    case review
    /// Save over a rendering that is approved.
    case changeApproved
    case manageAccounts
    /// Upload, assign, pretranslate or remove documents.
    case manageDocuments
    case manageMemories
    case manageGlossary

    /// The action in words, for "… may not …" messages.
    public var words: String {
        switch self {
        case .read: return "read the project"
        case .saveDraft: return "save drafts"
        case .markTranslated: return "mark units translated"
        case .review: return "approve or reject renderings"
        case .changeApproved: return "change an approved rendering"
        case .manageAccounts: return "manage accounts"
        case .manageDocuments: return "upload, assign or pretranslate documents"
        case .manageMemories: return "manage memories"
        case .manageGlossary: return "change the glossary"
        }
    }

    /// The action that saving a rendering with `status` takes.
    public static func saving(_ status: RenderingStatus) -> TeamAction {
        switch status {
        case .draft, .aligned: return .saveDraft
        case .translated: return .markTranslated
        case .approved, .rejected: return .review
        }
    }
}
