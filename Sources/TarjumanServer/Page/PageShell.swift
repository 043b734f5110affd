import TarjumanCore

/// The HTML every page starts from; the script fills `main` from the API.
enum PageShell {
    enum Kind: String {
        case documents, editor, glossary, login

        var title: String {
            switch self {
            case .documents: return "Documents"
            case .editor: return "Editor"
            case .glossary: return "Glossary"
            case .login: return "Log in"
            }
        }
    }

    /// The page; `account` is who is logged in (team mode), nil without accounts or on the login page.
    static func html(_ kind: Kind, token: String, account: Account? = nil, teamMode: Bool = false) -> String {
        let who: String
        if let account {
            who = """
              <span class="who" data-account="\(HTMLEscaping.escape(account.name))" data-role="\(account.role.rawValue)">\(HTMLEscaping.escape(account.name)) · \(account.role.rawValue) <button type="button" id="logout">Log out</button></span>
            """
        } else if teamMode {
            who = ""
        } else {
            who = """
              <label class="who">Translator <input id="translator" autocomplete="name" placeholder="your name"></label>
            """
        }
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="tarjuman-token" content="\(HTMLEscaping.escape(token))">
        <title>\(kind.title) · Tarjuman</title>
        <link rel="icon" href="data:,">
        <link rel="stylesheet" href="/assets/style.css">
        <script src="/assets/helpers.js" defer></script>
        <script src="/assets/app.js" defer></script>
        </head>
        <body data-page="\(kind.rawValue)" data-mode="\(teamMode ? "team" : "solo")">
        <header class="top">
          <a class="brand" href="/">Tarjuman</a>
          <nav><a href="/">Documents</a> <a href="/glossary">Glossary</a></nav>
        \(who)
        </header>
        <main id="app" aria-live="polite"><p class="loading">Loading…</p></main>
        <noscript><p>The editor needs JavaScript.</p></noscript>
        </body>
        </html>
        """
    }
}
