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
        /// The addressed record does not exist.
        package static let notFound = Code("not-found")
        /// The tenant an operation names does not exist (any more).
        package static let unknownTenant = Code("unknown-tenant")
        /// The record exists but is in a state that does not allow the operation.
        package static let conflict = Code("conflict")

        /// The master key for secrets is missing, unreadable or of the wrong size.
        package static let invalidMasterKey = Code("invalid-master-key")
        /// A stored secret cannot be opened with the configured master key.
        package static let secretUnreadable = Code("secret-unreadable")

        /// The raw code.
        package var description: String { rawValue }
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
