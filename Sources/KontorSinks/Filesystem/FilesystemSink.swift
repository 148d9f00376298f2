import Foundation
import KontorFlows
import NIOPosix

/// Writes documents into a folder tree: `{root}/{tenant}/{year}/{type}/{number}.pdf`, `.xml` and `.json` by default.
///
/// Each file is written to a temporary file in its folder, flushed to disk (`fsync`), renamed over the final name
/// and the folder flushed, so that a reader or a crash sees the old file or the new one, never a part. The
/// sidecar is renamed last. Writing a document again replaces its files. The blocking file calls run on a
/// `NIOThreadPool`, never on the caller's executor.
package struct FilesystemSink: ArchiveSink {
    /// The folder below which documents are written; it must exist (a missing mount is not silently replaced by
    /// a new folder on the root file system).
    package let root: String
    /// Where a document's files go below ``root``.
    package let template: ArchiveKeyTemplate
    private let threadPool: NIOThreadPool

    /// A sink writing below `root`.
    package init(root: String, template: ArchiveKeyTemplate = .standard, threadPool: NIOThreadPool = .singleton) {
        self.root = root
        self.template = template
        self.threadPool = threadPool
    }

    /// Writes the document's files; the keys are paths relative to ``root``.
    /// - Throws: ``ArchiveSinkError``: ``ArchiveSinkError/Code/destinationMissing`` when ``root`` is not a folder,
    ///   ``ArchiveSinkError/Code/accessDenied`` when it is not writable, ``ArchiveSinkError/Code/storageFailed``
    ///   for a full disk or an I/O error.
    package func write(_ document: ArchiveDocument) async throws -> [ArchiveWrittenKey] {
        let folders = template.folders(for: document)
        let files = document.files.map { (key: template.key(for: document, file: $0.kind), file: $0) }
        let root = root
        try await threadPool.runIfActive {
            let folder = try DurableFiles.makeFolders(folders, below: root)
            for (key, file) in files {
                let name = String(key.split(separator: "/").last ?? "")
                try DurableFiles.replace(name, in: folder, with: file.contents)
            }
        }
        return files.map { ArchiveWrittenKey(kind: $0.file.kind, key: $0.key) }
    }
}
