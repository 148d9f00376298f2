/// Why a sink could not write a document. Codes are stable: they reach the archive item, logs and the API. Whether
/// to retry is decided on ``isRetryable`` alone, so that wrong credentials never cause a retry storm.
package struct ArchiveSinkError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A stable error code.
    package struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The code as written to logs and archive items.
        package let rawValue: String
        private init(_ rawValue: String) { self.rawValue = rawValue }

        /// The sink cannot be reached or answered too late (connection refused or lost, timeout); whether the
        /// write happened is unknown. Retryable: the write is idempotent.
        package static let unavailable = Code("sink-unavailable")
        /// The sink answered with a server error (5xx, or S3's `SlowDown`). Retryable.
        package static let serverError = Code("sink-server-error")
        /// The sink's storage failed (disk full, I/O error). Retryable once someone makes room.
        package static let storageFailed = Code("sink-storage-failed")
        /// The credentials were rejected (401, 403, an unknown S3 access key, a wrong signature) or the
        /// folder is not writable. Permanent until the settings change.
        package static let accessDenied = Code("sink-access-denied")
        /// The destination does not exist (S3 bucket, WebDAV base folder, filesystem root). Permanent until it
        /// is created.
        package static let destinationMissing = Code("sink-destination-missing")
        /// The sink's settings cannot work (a bad URL, template or region). Permanent.
        package static let invalidConfiguration = Code("sink-invalid-configuration")
        /// The sink refused this document (another 4xx, an unexpected redirect). Permanent for this document.
        package static let rejected = Code("sink-rejected")

        /// The raw code.
        package var description: String { rawValue }
    }

    /// What went wrong.
    package var code: Code
    /// A sentence for people: no secrets, no document contents.
    package var detail: String
    /// The HTTP status the sink answered with, if it answered.
    package var httpStatus: Int?

    /// An error.
    package init(_ code: Code, _ detail: String, httpStatus: Int? = nil) {
        self.code = code
        self.detail = detail
        self.httpStatus = httpStatus
    }

    /// Whether the same write may succeed later without anyone changing the settings.
    package var isRetryable: Bool {
        code == .unavailable || code == .serverError || code == .storageFailed
    }

    /// The code, the status if any, and the sentence.
    package var description: String {
        let status = httpStatus.map { " HTTP \($0)" } ?? ""
        return "ArchiveSinkError(\(code)\(status)): \(detail)"
    }
}
