/// Why a flow's job cannot go on, found by the flow itself or by a port it uses. Codes are stable: they reach the
/// job's error, logs and the API; what a job does about a problem is decided on its code alone.
package struct FlowProblem: Error, Hashable, Sendable, CustomStringConvertible {
    /// A stable problem code; each flow adds its own in an extension next to its state machine.
    package struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The code as written to logs and job errors.
        package let rawValue: String
        /// A code; flows declare theirs as static members.
        package init(_ rawValue: String) { self.rawValue = rawValue }

        /// The tenant no longer exists.
        package static let unknownTenant = Code("unknown-tenant")
        /// The tenant was deactivated after the work was queued.
        package static let tenantInactive = Code("tenant-inactive")
        /// The tenant has no lexoffice connection (its jobs wait for one).
        package static let notConnected = Code("not-connected")
        /// The tenant's lexoffice connection cannot be used by this hub as configured (e.g. OAuth2 is not set up).
        package static let connectionUnusable = Code("connection-unusable")
        /// The job's tenant lease was lost (expired or taken over): nothing more may be written under it.
        package static let leaseLost = Code("lease-lost")
        /// What the job works on is stored in a form this version cannot read.
        package static let unreadable = Code("unreadable")

        /// The raw code.
        package var description: String { rawValue }
    }

    /// What went wrong.
    package var code: Code
    /// A sentence for people; no secrets, no customer data beyond document numbers.
    package var detail: String

    /// A problem.
    package init(_ code: Code, _ detail: String) {
        self.code = code
        self.detail = detail
    }

    /// The code and the sentence.
    package var description: String { "FlowProblem(\(code)): \(detail)" }
}
