import Foundation
import HTTPTypes
import Hummingbird
import KontorCore
import KontorStore
import Logging
import Mustache

/// Renders the console's pages: the Mustache templates of `Resources/ui` with the catalogue's texts (`t`), the
/// signed-in user, the form token, a notice or error named in the URL (`?notice=`/`?error=`, shown only when the
/// catalogue knows the code), and the security headers every page carries.
struct ConsoleRenderer: Sendable {
    let library: MustacheLibrary
    let catalogue: ConsoleCatalogue
    /// `Content-Security-Policy`: everything from this hub only; forms may also lead to lexoffice's consent page.
    let contentSecurityPolicy: String

    /// A renderer whose forms may also lead to `oauthAuthorizationEndpoint` (the OAuth2 connect).
    /// - Throws: when a template does not parse (a build defect, caught by the tests).
    init(catalogue: ConsoleCatalogue, oauthAuthorizationEndpoint: String?) throws {
        var library = MustacheLibrary()
        for (name, bytes) in Self.templates {
            try library.register(String(decoding: bytes, as: UTF8.self), named: name)
        }
        self.library = library
        self.catalogue = catalogue
        var formTargets = "'self'"
        if let endpoint = oauthAuthorizationEndpoint.flatMap(URL.init(string:)), let scheme = endpoint.scheme,
            let host = endpoint.host
        {
            formTargets += " \(scheme)://\(host)" + (endpoint.port.map { ":\($0)" } ?? "")
        }
        contentSecurityPolicy =
            "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; connect-src 'self'; "
            + "form-action \(formTargets); frame-ancestors 'none'; base-uri 'none'"
    }

    /// The page `template` with `values`, for the browser of `request`.
    /// - Parameter formToken: the token the page's forms carry; default the session's.
    func page(
        _ template: String,
        _ values: [String: Any],
        request: Request,
        context: HubRequestContext,
        status: HTTPResponse.Status = .ok,
        formToken: String? = nil,
        cookies: [String] = []
    ) -> Response {
        let language = ConsoleLanguage.of(request)
        let strings = catalogue.strings(language)
        var all = values
        all["t"] = strings.templateValues
        all["lang"] = language.rawValue
        all["otherLanguage"] = language.other.rawValue
        all["back"] = request.uri.path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        all["formToken"] = formToken ?? context.console?.formToken ?? ""
        if let session = context.console {
            all["user"] = ["username": session.user.username, "isPartner": session.user.scope == .partner]
        }
        let query = request.uri.queryParameters
        if all["notice"] == nil, let notice = query.get("notice"), catalogue.hasText("notices." + notice) {
            all["notice"] = catalogue.text(
                "notices." + notice,
                in: language,
                (all["noticeValues"] as? [String: String]) ?? [:]
            )
        }
        if all["error"] == nil, let error = query.get("error"), catalogue.hasText("problems." + error) {
            all["error"] = catalogue.text("problems." + error, in: language)
            let details = (query.get("fields") ?? "").split(separator: ",").map(String.init)
            all["errorDetails"] = details
            all["hasErrorDetails"] = !details.isEmpty
        }
        let html = library.render(all, withTemplate: template) ?? ""
        var headers = Self.securityHeaders(policy: contentSecurityPolicy)
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.contentLanguage] = language.rawValue
        for cookie in cookies { headers.append(HTTPField(name: .setCookie, value: cookie)) }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    /// The page that shows a new secret once (an access key, a signing secret), with the way back to `tenant`.
    func shownOnce(
        _ secret: String,
        label: String,
        heading: String,
        text: String,
        of tenant: TenantID,
        request: Request,
        context: HubRequestContext
    ) -> Response {
        page(
            "message",
            [
                "heading": heading, "text": text, "secret": secret, "secretLabel": label,
                "backLink": "/ui/tenants/\(tenant)",
            ],
            request: request,
            context: context
        )
    }

    /// The headers of every console response.
    static func securityHeaders(policy: String) -> HTTPFields {
        var headers = HTTPFields()
        for (name, value) in [
            ("Content-Security-Policy", policy), ("X-Content-Type-Options", "nosniff"), ("X-Frame-Options", "DENY"),
            ("Referrer-Policy", "same-origin"), ("Cache-Control", "no-store"),
        ] {
            if let name = HTTPField.Name(name) { headers[name] = value }
        }
        return headers
    }

    private static var templates: [(String, [UInt8])] {
        [
            ("layout", PackageResources.layout_mustache), ("tenant-nav", PackageResources.tenant_nav_mustache),
            ("sign-in", PackageResources.sign_in_mustache), ("message", PackageResources.message_mustache),
            ("confirm", PackageResources.confirm_mustache), ("account", PackageResources.account_mustache),
            ("tenants", PackageResources.tenants_mustache), ("tenant", PackageResources.tenant_mustache),
            ("invoices", PackageResources.invoices_mustache), ("invoice", PackageResources.invoice_mustache),
            ("export", PackageResources.export_mustache), ("activity", PackageResources.activity_mustache),
            ("customers", PackageResources.customers_mustache), ("archive", PackageResources.archive_mustache),
            ("documents", PackageResources.documents_mustache),
        ]
    }
}
