import HTTPTypes

/// The routes of `/api/v1` a tenant token may use (issue 22): a tenant token belongs to a source application, which
/// sends and reads its invoices (and retries their transfer) and its customers (their sync, retries and the change
/// feed of lexoffice's side) and its documents for forwarding (post, read, retry), and reads its tenant, its
/// connection's status, its jobs and its activity. Every other route is the partner's — tenants, their settings,
/// activation, the callback secret, connecting and disconnecting lexoffice, exports, the archive, the job queue, API
/// tokens — and a tenant token gets 403 there.
/// A route not listed here is the partner's, so a new route is closed to tenant tokens until it is added.
enum TenantTokenRoutes {
    /// The routes, as `METHOD /path` with the router's `{parameter}` placeholders.
    static let allowed: Set<String> = [
        "GET /api/v1/tenants/{tenant}",
        "GET /api/v1/tenants/{tenant}/activity",
        "GET /api/v1/tenants/{tenant}/connection",
        "GET /api/v1/tenants/{tenant}/jobs",
        "GET /api/v1/tenants/{tenant}/invoices",
        "PUT /api/v1/tenants/{tenant}/invoices/{sourceId}",
        "GET /api/v1/tenants/{tenant}/invoices/{sourceId}",
        "POST /api/v1/tenants/{tenant}/invoices/{sourceId}/retry",
        "GET /api/v1/tenants/{tenant}/customers",
        "PUT /api/v1/tenants/{tenant}/customers/{sourceId}",
        "GET /api/v1/tenants/{tenant}/customers/{sourceId}",
        "POST /api/v1/tenants/{tenant}/customers/{sourceId}/retry",
        "GET /api/v1/tenants/{tenant}/customer-changes",
        "GET /api/v1/tenants/{tenant}/customer-first-sync",
        "GET /api/v1/tenants/{tenant}/documents",
        "POST /api/v1/tenants/{tenant}/documents",
        "GET /api/v1/tenants/{tenant}/documents/{document}",
        "POST /api/v1/tenants/{tenant}/documents/{document}/retry",
    ]

    /// Whether a tenant token may call `method` on the route `endpoint` (the matched route's path).
    static func allow(_ method: HTTPRequest.Method, endpoint: String?) -> Bool {
        guard let endpoint else { return false }
        return allowed.contains("\(method.rawValue) \(endpoint)")
    }
}
