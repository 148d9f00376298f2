import Foundation

/// Which folders may be a tenant's own drop folder.
///
/// The hub moves every complete file out of a drop folder's `incoming/` and `outgoing/` and forwards it into the
/// tenant's lexoffice. A folder set through the API or the console could otherwise reach any file the hub's process
/// may read, or another tenant's documents. So a tenant's own folder must lie below one of the operator's
/// ``allowedRoots`` (`forwarding.dropfolder.allowed`; with none, tenants cannot have folders of their own). It must
/// not overlap a ``reserved`` folder (the hub-wide drop folder root, the hub's data folder) or another tenant's own
/// folder. Symbolic links are resolved when the folder is polled, and a folder that leads outside is not polled.
package struct DropFolderPolicy: Sendable, Equatable {
    /// Folders below which a tenant's own drop folder may lie (normalized absolute paths).
    package let allowedRoots: [String]
    /// Folders a tenant's own drop folder must not be, lie in or contain.
    package let reserved: [String]

    /// A policy; paths that are not absolute are left out.
    package init(allowedRoots: [String] = [], reserved: [String] = []) {
        self.allowedRoots = allowedRoots.compactMap(Self.normalized)
        self.reserved = reserved.compactMap(Self.normalized)
    }

    /// Why a path cannot be a tenant's own drop folder.
    package enum Refusal: Error, Equatable, CustomStringConvertible {
        case notAbsolute
        case noFolderAllowed
        case outsideAllowed([String])
        case reserved
        case takenByAnotherTenant

        package var description: String {
            switch self {
            case .notAbsolute:
                "must be an absolute path without '.' or '..' parts (at most 1024 characters) or null"
            case .noFolderAllowed:
                "this hub allows no folders of tenants' own (the operator sets forwarding.dropfolder.allowed)"
            case .outsideAllowed(let roots): "must lie below " + roots.joined(separator: " or ")
            case .reserved: "must not overlap the hub's own folders (its data, the shared drop folder root)"
            case .takenByAnotherTenant: "must not overlap another tenant's drop folder"
            }
        }
    }

    /// `path` as it is stored (normalized) if it may be a tenant's own drop folder beside the `otherTenants`' folders.
    package func check(_ path: String, otherTenants: [String]) -> Result<String, Refusal> {
        guard path.unicodeScalars.count <= 1024, let folder = Self.normalized(path) else {
            return .failure(.notAbsolute)
        }
        if let refusal = refusal(of: folder) { return .failure(refusal) }
        if otherTenants.compactMap(Self.normalized).contains(where: { Self.overlap(folder, $0) }) {
            return .failure(.takenByAnotherTenant)
        }
        return .success(folder)
    }

    /// Whether the folder at `path` may be polled now: its real location (symbolic links resolved) passes the
    /// policy.
    package func permitsPolling(_ path: String) -> Bool {
        let real = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        guard let folder = Self.normalized(real) else { return false }
        return refusal(of: folder) == nil
    }

    private func refusal(of folder: String) -> Refusal? {
        guard !allowedRoots.isEmpty else { return .noFolderAllowed }
        guard allowedRoots.contains(where: { folder.hasPrefix($0 == "/" ? "/" : $0 + "/") }) else {
            return .outsideAllowed(allowedRoots)
        }
        if reserved.contains(where: { Self.overlap(folder, $0) }) { return .reserved }
        return nil
    }

    /// Whether one folder is the other or lies inside it.
    private static func overlap(_ first: String, _ second: String) -> Bool {
        first == second || first.hasPrefix(second == "/" ? "/" : second + "/")
            || second.hasPrefix(first == "/" ? "/" : first + "/")
    }

    /// An absolute path without empty, `.` or `..` parts and without a trailing slash; `nil` when `path` is not
    /// absolute, holds a `.` or `..` part or a control character.
    package static func normalized(_ path: String) -> String? {
        guard path.hasPrefix("/"), !path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F })
        else { return nil }
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        guard !parts.contains(where: { $0 == "." || $0 == ".." }) else { return nil }
        return "/" + parts.joined(separator: "/")
    }
}
