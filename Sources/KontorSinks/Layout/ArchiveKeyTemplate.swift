import KontorCore
import KontorFlows

/// Where a document's files go inside a sink: a path pattern such as `{tenant}/{year}/{type}/{number}`, to which
/// each file's extension (`.pdf`, `.xml`, `.json`) is added.
///
/// Placeholders: `{tenant}`, `{year}`, `{type}`, `{number}` and `{id}` (the lexoffice id). Each value is made safe
/// by ``ArchiveKeyComponent`` before it is put in, so a document number such as `../x` or `a/b` can never leave
/// its folder or add one. A pattern must contain `{number}` or `{id}`, or two documents would share a key.
package struct ArchiveKeyTemplate: Sendable, Hashable, CustomStringConvertible {
    /// The layout of issue 25: `{tenant}/{year}/{type}/{number}`.
    package static let standard = ArchiveKeyTemplate(validated: "{tenant}/{year}/{type}/{number}")

    /// The pattern as configured.
    package let pattern: String

    /// Checks and keeps `pattern`.
    /// - Throws: ``ArchiveSinkError`` ``ArchiveSinkError/Code/invalidConfiguration`` for an unknown placeholder, a
    ///   stray brace, an absolute path, an empty, `.` or `..` folder, or a pattern without `{number}` and `{id}`.
    package init(_ pattern: String) throws(ArchiveSinkError) {
        func invalid(_ reason: String) -> ArchiveSinkError {
            ArchiveSinkError(.invalidConfiguration, "key template '\(pattern)': \(reason)")
        }
        var rest = Substring(pattern)
        var placeholders: Set<String> = []
        while let open = rest.firstIndex(where: { $0 == "{" || $0 == "}" }) {
            guard rest[open] == "{", let close = rest[open...].firstIndex(of: "}") else {
                throw invalid("unbalanced brace")
            }
            let name = String(rest[rest.index(after: open)..<close])
            guard Placeholder(rawValue: name) != nil else { throw invalid("unknown placeholder {\(name)}") }
            placeholders.insert(name)
            rest = rest[rest.index(after: close)...]
        }
        guard placeholders.contains("number") || placeholders.contains("id") else {
            throw invalid("needs {number} or {id}, so that every document gets its own key")
        }
        let folders = pattern.split(separator: "/", omittingEmptySubsequences: false)
        guard !folders.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) else {
            throw invalid("no leading or double slash, no '.' or '..' folder")
        }
        self.pattern = pattern
    }

    private init(validated pattern: String) {
        self.pattern = pattern
    }

    /// The key of `document`'s `file`: the rendered pattern plus the file's extension.
    package func key(for document: ArchiveDocument, file: ArchiveFile.Kind) -> String {
        path(for: document) + "." + file.fileExtension
    }

    /// The rendered pattern for `document`, without an extension, e.g. `acme/2026/invoice/RE-1001`.
    package func path(for document: ArchiveDocument) -> String {
        var result = ""
        var rest = Substring(pattern)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += rest[..<open]
            let name = rest[rest.index(after: open)..<close]
            // The initializer admitted known placeholders only.
            result += Placeholder(rawValue: String(name)).map { $0.value(in: document) } ?? ""
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// The folders of `document`'s path, outermost first (the path without its last component).
    package func folders(for document: ArchiveDocument) -> [String] {
        path(for: document).split(separator: "/").dropLast().map(String.init)
    }

    /// The pattern.
    package var description: String { pattern }
}

/// A placeholder of an ``ArchiveKeyTemplate``.
private enum Placeholder: String {
    case tenant, year, type, number, id

    /// The placeholder's value for `document`, safe as one path component.
    func value(in document: ArchiveDocument) -> String {
        switch self {
        case .tenant: ArchiveKeyComponent.safe(document.tenant.rawValue)
        case .year: String(document.year)
        case .type: document.type.rawValue
        case .number: ArchiveKeyComponent.safe(document.number.isEmpty ? document.lexofficeID : document.number)
        case .id: ArchiveKeyComponent.safe(document.lexofficeID)
        }
    }
}
