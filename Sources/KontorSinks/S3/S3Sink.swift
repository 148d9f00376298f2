import AsyncHTTPClient
import KontorCore
import KontorFlows

/// Writes documents as objects into an S3-compatible bucket (AWS, MinIO, Ceph, Hetzner): the PDF, the XML if
/// any and the JSON sidecar under keys from the template, each with the document's identity as object metadata
/// (`x-amz-meta-lexoffice-id`, `-document-type`, `-document-number`, `-tenant`, and `-customer-number` when the
/// contact has one).
///
/// A PUT replaces the object under the same key, so writing a document again never adds a copy.
package struct S3Sink: ArchiveSink {
    /// The client the sink writes with; also reads objects back.
    package let client: S3Client

    /// A sink writing through `httpClient` (redirects off) with `configuration`.
    package init(configuration: S3Configuration, httpClient: HTTPClient, clock: any WallClock = SystemWallClock()) {
        client = S3Client(configuration: configuration, httpClient: httpClient, clock: clock)
    }

    /// Puts the document's files, the sidecar last; the keys are object keys.
    /// - Throws: ``ArchiveSinkError``: ``ArchiveSinkError/Code/accessDenied`` for rejected credentials or a
    ///   wrong signature, ``ArchiveSinkError/Code/destinationMissing`` for a missing bucket,
    ///   ``ArchiveSinkError/Code/unavailable`` or ``ArchiveSinkError/Code/serverError`` when a retry may help.
    package func write(_ document: ArchiveDocument) async throws -> [ArchiveWrittenKey] {
        var metadata = [
            "lexoffice-id": document.lexofficeID,
            "document-type": document.type.rawValue,
            "document-number": document.number,
            "tenant": document.tenant.rawValue,
        ]
        if let number = document.customerNumber { metadata["customer-number"] = number }
        var keys: [ArchiveWrittenKey] = []
        for file in document.files {
            let key = client.configuration.template.key(for: document, file: file.kind)
            try await client.putObject(
                key,
                contents: file.contents,
                contentType: file.kind.contentType,
                metadata: metadata
            )
            keys.append(ArchiveWrittenKey(kind: file.kind, key: key))
        }
        return keys
    }
}
