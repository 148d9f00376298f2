/// Why a storage operation failed. Codes are stable: they reach logs, the CLI and the hub API.
package struct StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A stable error code.
    package struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The code as written to logs and API answers.
        package let rawValue: String
        private init(_ rawValue: String) { self.rawValue = rawValue }

        /// The database URL or path cannot be used.
        package static let invalidLocation = Code("invalid-database-location")
        /// The database cannot be opened or reached.
        package static let unavailable = Code("database-unavailable")
        /// The schema in the database is newer than this build knows.
        package static let schemaTooNew = Code("schema-too-new")
        /// The tenant an operation names does not exist (any more).
        package static let unknownTenant = Code("unknown-tenant")
        /// The job an operation names does not exist.
        package static let unknownJob = Code("unknown-job")
        /// A cancellation names an invoice the tenant never sent.
        package static let unknownCancelledInvoice = Code("unknown-cancelled-invoice")
        /// The tenant has no lexoffice connection.
        package static let notConnected = Code("not-connected")
        /// A record with the same identity exists (a tenant id, a connected lexoffice organization).
        package static let duplicate = Code("duplicate")
        /// The record exists but is in a state that does not allow the operation (the detail says which).
        package static let invalidState = Code("invalid-state")
        /// The record changed since the caller read it (optimistic locking).
        package static let versionMismatch = Code("version-mismatch")
        /// An invoice lexoffice may already hold was sent again with other content.
        package static let invoiceSent = Code("invoice-sent")
        /// A write was neither applied nor found afterwards, or a row holds a value this build does not know.
        package static let inconsistent = Code("inconsistent")

        /// The master key for secrets is missing, unreadable or of the wrong size.
        package static let invalidMasterKey = Code("invalid-master-key")
        /// A stored secret cannot be opened with the configured master key.
        package static let secretUnreadable = Code("secret-unreadable")

        /// The raw code.
        package var description: String { rawValue }

        /// Whether the caller named something that is not there (a tenant, a job, a connection), rather than the
        /// store failing.
        package var isUsageError: Bool {
            [Self.unknownTenant, .unknownJob, .unknownCancelledInvoice, .notConnected].contains(self)
        }
    }

    /// What went wrong.
    package var code: Code
    /// A sentence for people; never holds secrets or customer data.
    package var detail: String

    /// An error with a code and a sentence.
    package init(_ code: Code, _ detail: String) {
        self.code = code
        self.detail = detail
    }

    /// The code and the sentence.
    package var description: String { "StoreError(\(code)): \(detail)" }
}
