import Foundation
import HTTPTypes
import Hummingbird
import TarjumanCore

/// The pages (one HTML shell whose script draws the documents list, the editor or the
/// glossary) and their script and style, all served from the binary.
struct PageRoutes {
    let token: String

    func register(on router: Router<EditorContext>) {
        router.get("/") { _, context in page(.documents, context) }
        router.get("documents/{id}") { _, context in page(.editor, context) }
        router.get("glossary") { _, context in page(.glossary, context) }
        router.get("login") { _, context in page(.login, context) }
        for asset in EditorAsset.all {
            router.get("assets/\(asset.name)") { request, _ in serve(asset, request) }
        }
    }

    /// A page; in team mode it carries the session's token and shows who is logged in.
    func page(_ kind: PageShell.Kind, _ context: EditorContext) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        let html = PageShell.html(kind, token: context.teamMode ? context.session?.requestToken ?? "" : token,
                                  account: context.teamMode ? context.session?.account : nil, teamMode: context.teamMode)
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// The asset, or 304 Not Modified when the browser's copy has its ETag.
    func serve(_ asset: EditorAsset, _ request: Request) -> Response {
        var headers = HTTPFields()
        headers[.eTag] = asset.etag
        headers[.cacheControl] = "no-cache"
        if let sent = request.headers[.ifNoneMatch], sent.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == asset.etag }) {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentType] = asset.type
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: asset.text)))
    }
}

/// A script or style sheet of the editor (`Assets/`, embedded at build time), with its ETag.
struct EditorAsset: Sendable {
    let name: String
    let type: String
    let text: String
    let etag: String

    init(name: String, type: String) {
        self.name = name
        self.type = type
        text = EmbeddedAssets.files[name] ?? ""
        etag = "\"" + ContentHash.sha256Hex(text).prefix(32) + "\""
    }

    static let all = [
        EditorAsset(name: "helpers.js", type: "text/javascript; charset=utf-8"),
        EditorAsset(name: "app.js", type: "text/javascript; charset=utf-8"),
        EditorAsset(name: "style.css", type: "text/css; charset=utf-8"),
    ]
}
