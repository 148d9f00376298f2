import Foundation

/// One file of an ``ArchiveDocument``: what it is and its bytes.
package struct ArchiveFile: Sendable, Hashable {
    /// What a file of a document is.
    package enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// The rendered PDF.
        case pdf
        /// The XRechnung XML.
        case xml
        /// The JSON metadata sidecar.
        case metadata

        /// The file name extension, without the dot.
        package var fileExtension: String {
            switch self {
            case .pdf: "pdf"
            case .xml: "xml"
            case .metadata: "json"
            }
        }

        /// The media type sent with the file.
        package var contentType: String {
            switch self {
            case .pdf: "application/pdf"
            case .xml: "application/xml"
            case .metadata: "application/json"
            }
        }
    }

    /// What the file is.
    package var kind: Kind
    /// The file's bytes.
    package var contents: Data

    /// A file.
    package init(kind: Kind, contents: Data) {
        self.kind = kind
        self.contents = contents
    }
}
