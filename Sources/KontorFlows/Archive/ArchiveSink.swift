/// Where archived lexoffice documents go (a filesystem folder, an S3 bucket, a WebDAV share, a DMS), a port the
/// archive flow writes through and `KontorSinks` implements.
///
/// Writes are idempotent: writing the same document again (its sidecar updated after a status change, or a retry
/// after an unknown outcome) replaces what the sink holds under the same keys and never adds a second copy.
package protocol ArchiveSink: Sendable {
    /// Writes the document's files (PDF, XRechnung XML if any, then the JSON sidecar last) and returns where each
    /// one went, in that order.
    /// - Throws: ``ArchiveSinkError``; retry only when ``ArchiveSinkError/isRetryable`` says so. A retry writes
    ///   every file again. `CancellationError` passes through.
    func write(_ document: ArchiveDocument) async throws -> [ArchiveWrittenKey]
}
