import Foundation
import HTTPTypes
import Hummingbird
import LexofficeKit

/// The HTML pages of `/oauth2/authorize`: the consent page and the error page (German with English).
enum ConsentPage {
    /// The page asking the user to approve or deny `request`; the form posts back with the one-time `formToken`.
    static func consent(for request: AuthorizationRequest, organizationName: String, formToken: String) -> Response {
        var hidden: [(String, String)] = [
            ("form_token", formToken), ("client_id", request.clientID), ("redirect_uri", request.redirectURI),
            ("response_type", "code"), ("scope", request.scopeText),
            ("organization_id", request.organizationID.rawValue),
        ]
        if let state = request.state { hidden.append(("state", state)) }
        let scopeItems = request.scopes.map { scope in
            let text = OAuthScope.known.first { $0.scope == scope }
            return "<li><code>\(escape(scope))</code> – \(escape(text?.german ?? scope))"
                + " <span lang=\"en\">(\(escape(text?.english ?? scope)))</span></li>"
        }
        let body = """
            <h1>Verbindung erlauben? <span lang="en">Allow this connection?</span></h1>
            <p>Die Anwendung <strong class="client">\(escape(request.clientID))</strong> möchte auf die Firma
            <strong class="organization">\(escape(organizationName))</strong> zugreifen und darf dann:<br>
            <span lang="en">The application <strong>\(escape(request.clientID))</strong> asks for access to
            <strong>\(escape(organizationName))</strong> and may then:</span></p>
            <ul class="scopes">\(scopeItems.joined())</ul>
            <p>Danach geht es weiter zu <span lang="en">(you will be sent to)</span>
            <code>\(escape(request.redirectURI))</code></p>
            <form method="post" action="authorize">
            \(hidden.map { #"<input type="hidden" name="\#(escape($0.0))" value="\#(escape($0.1))">"# }.joined())
            <button type="submit" name="decision" value="approve">Erlauben <span lang="en">/ Approve</span></button>
            <button type="submit" name="decision" value="deny">Ablehnen <span lang="en">/ Deny</span></button>
            </form>
            """
        return page(title: "Verbindung erlauben – Allow connection", body: body, status: .ok)
    }

    /// The page shown instead of a redirect when the client or redirect URI cannot be trusted.
    static func error(_ message: String, status: HTTPResponse.Status = .badRequest) -> Response {
        let body = """
            <h1>Ungültige Anfrage <span lang="en">Invalid request</span></h1>
            <p class="error">\(escape(message))</p>
            """
        return page(title: "Ungültige Anfrage – Invalid request", body: body, status: status)
    }

    private static func page(title: String, body: String, status: HTTPResponse.Status) -> Response {
        let html = """
            <!doctype html>
            <html lang="de">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title))</title>
            <style>
            body { font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; }
            [lang="en"] { color: #555; }
            button { font-size: 1rem; padding: .5rem 1rem; margin-right: .5rem; }
            footer { margin-top: 2rem; font-size: .85rem; color: #777; }
            </style>
            </head>
            <body>
            <main>
            \(body)
            </main>
            <footer>lexoffice-Sandbox: simulierte Freigabe, keine echten Daten.
            <span lang="en">Simulated consent, no real data.</span></footer>
            </body>
            </html>
            """
        var headers: [(HTTPField.Name, String)] = [(.cacheControl, "no-store")]
        if let frameOptions = HTTPField.Name("X-Frame-Options") { headers.append((frameOptions, "DENY")) }
        return SandboxResponses.bytes(
            Data(html.utf8),
            status: status,
            contentType: "text/html; charset=utf-8",
            extraHeaders: headers
        )
    }

    /// Escapes text for HTML content and attribute values.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
