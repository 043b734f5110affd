import HTTPTypes
import Hummingbird

/// The pages (one HTML shell whose script draws the documents list, the editor or the
/// glossary) and their script and style, all served from the binary.
struct PageRoutes {
    let token: String

    func register(on router: Router<EditorContext>) {
        router.get("/") { _, _ in page(.documents) }
        router.get("documents/{id}") { _, _ in page(.editor) }
        router.get("glossary") { _, _ in page(.glossary) }
        router.get("assets/app.js") { _, _ in asset(EditorScript.source, type: "text/javascript; charset=utf-8") }
        router.get("assets/style.css") { _, _ in asset(EditorStyle.source, type: "text/css; charset=utf-8") }
    }

    func page(_ kind: PageShell.Kind) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: PageShell.html(kind, token: token))))
    }

    func asset(_ text: String, type: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.cacheControl] = "no-cache"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
