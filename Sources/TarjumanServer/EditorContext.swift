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
