/// Where a sink wrote one file of a document: recorded with the archive item, so that the same keys are written
/// again on a retry or update.
package struct ArchiveWrittenKey: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Which file of the document.
    package var kind: ArchiveFile.Kind
    /// The sink's key for it: a path below the root folder, an object key, or a DMS document id.
    package var key: String

    /// A written key.
    package init(kind: ArchiveFile.Kind, key: String) {
        self.kind = kind
        self.key = key
    }

    /// The kind and the key.
    package var description: String { "\(kind.rawValue): \(key)" }
}
