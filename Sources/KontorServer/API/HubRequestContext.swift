import Hummingbird
import KontorStore

/// The request context of the hub's HTTP server: who the caller is, once ``BearerAuthentication`` has run.
package struct HubRequestContext: RequestContext {
    package var coreContext: CoreRequestContextStorage
    /// The scope of the caller's API token; `nil` before authentication and on public routes.
    package var scope: APITokenScope?

    package init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        scope = nil
    }

    /// Request bodies above 1 MiB are refused with 413 (a PDF for the voucher variant fits several times).
    package var maxUploadSize: Int { 1 << 20 }
}
