import KontorCore
import LexofficeKit

/// The tenants' lexoffice connections as flows use them, a port the hub implements from its stored credentials.
package protocol LexofficeConnections: Sendable {
    /// A client for the tenant's connection.
    /// - Throws: ``FlowProblem`` ``FlowProblem/Code/notConnected`` without a connection,
    ///   ``FlowProblem/Code/connectionUnusable`` when this hub cannot use it as configured.
    func client(for tenant: TenantID) async throws -> LexofficeClient
}
