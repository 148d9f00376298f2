import Hummingbird
import KontorStore

/// The request context of the hub's HTTP server: who the caller is, once ``BearerAuthentication`` (API) or
/// ``ConsoleSessionMiddleware`` (web console) has run.
package struct HubRequestContext: RequestContext {
    package var coreContext: CoreRequestContextStorage
    /// The scope of the caller's API token; `nil` before authentication and on public routes.
    package var scope: APITokenScope?
    /// The web console's signed-in session, if the browser has one.
    package var console: ConsoleSession?
    /// The web console's submitted form (a POST's body, already checked for its form token).
    package var consoleForm: ConsoleForm?
    /// The caller's IP address, when the connection has one (for sign-in throttling).
    package let clientAddress: String?

    package init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        scope = nil
        console = nil
        consoleForm = nil
        clientAddress = source.channel.remoteAddress?.ipAddress
    }

    /// Request bodies above 1 MiB are refused with 413 (a PDF for the voucher variant fits several times).
    package var maxUploadSize: Int { 1 << 20 }
}
