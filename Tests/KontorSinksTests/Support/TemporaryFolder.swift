import Foundation

/// A new empty folder under the system's temporary folder, removed by ``remove()``.
struct TemporaryFolder {
    /// The folder's path.
    let path: String

    /// The existing folder at `url`, made by its owner, who also removes it.
    init(wrapping url: URL) {
        path = url.path
    }

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-sinks-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// The contents of the file at `relative` below the folder, if it exists.
    func contents(of relative: String) -> Data? {
        FileManager.default.contents(atPath: path + "/" + relative)
    }

    /// Every file below the folder, as paths relative to it, sorted.
    func allFiles() -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: path)
        var files: [String] = []
        while let next = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path + "/" + next, isDirectory: &isFolder), !isFolder.boolValue {
                files.append(next)
            }
        }
        return files.sorted()
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
