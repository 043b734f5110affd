import Foundation
import HTTPTypes
import Hummingbird
import TarjumanCore

/// The pages (one HTML shell whose script draws the documents list, the editor or the
/// glossary) and their script and style, all served from the binary.
struct PageRoutes {
    let token: String

    func register(on router: Router<EditorContext>) {
        router.get("/") { _, _ in page(.documents) }
        router.get("documents/{id}") { _, _ in page(.editor) }
        router.get("glossary") { _, _ in page(.glossary) }
        for asset in EditorAsset.all {
            router.get("assets/\(asset.name)") { request, _ in serve(asset, request) }
        }
    }

    func page(_ kind: PageShell.Kind) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: PageShell.html(kind, token: token))))
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
