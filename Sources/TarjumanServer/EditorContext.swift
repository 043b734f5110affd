import Hummingbird

/// The request context of the editor server: Hummingbird's core context with the upload limit.
public struct EditorContext: RequestContext {
    public var coreContext: CoreRequestContextStorage

    /// The largest request body accepted: uploads beyond it get 413.
    public static let uploadLimit = 10 * 1024 * 1024

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }

    public var maxUploadSize: Int { Self.uploadLimit }
}

extension EditorContext {
    /// The whole-number `{id}` of the route, or a 400 naming what it should have been.
    func pathID(of what: String) throws -> Int64 {
        let text = parameters.get("id") ?? ""
        guard let id = Int64(text) else { throw APIError(.badRequest, "'\(text)' is not a \(what) id; ids are whole numbers") }
        return id
    }
}
