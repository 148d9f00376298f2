import Foundation

/// A tenant's archive (DESIGN.md §1 flow 3): whether it runs, since when, which document types it archives and
/// where to.
package struct ArchiveSettings: Sendable, Hashable {
    /// Whether new documents are archived; deactivating stops new work and keeps the items.
    package var isActive: Bool
    /// Documents dated before this day (in lexoffice's time zone) are skipped; `nil` while never activated.
    package var activeSince: Date?
    /// The document types archived.
    package var documentTypes: [ArchiveDocumentType]
    /// Where documents go, each one written to every sink.
    package var sinks: [ArchiveSinkSettings]

    /// Settings.
    package init(
        isActive: Bool,
        activeSince: Date?,
        documentTypes: [ArchiveDocumentType],
        sinks: [ArchiveSinkSettings]
    ) {
        self.isActive = isActive
        self.activeSince = activeSince
        self.documentTypes = documentTypes
        self.sinks = sinks
    }
}
