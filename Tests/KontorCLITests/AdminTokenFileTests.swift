import Foundation
import Testing

@testable import kontor

/// The file `kontor serve` writes its first partner token to.
@Suite("Admin token file")
struct AdminTokenFileTests {
    private func permissions(_ path: String) throws -> Int? {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue
    }

    @Test("is written as one line with mode 0600 into a new data folder, which gets mode 0700")
    func writesNewFile() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-token-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("data")
        let path = AdminTokenFile.path(inDataDirectory: folder.path)
        #expect(path == folder.appendingPathComponent("admin-token").path)
        try AdminTokenFile.save("kt_abc.secret", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "kt_abc.secret\n")
        #expect(try permissions(path) == 0o600)
        #expect(try permissions(folder.path) == 0o700)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["admin-token"])
    }

    @Test("replaces an older file whole, with mode 0600 even when the old one was readable by others")
    func replacesOlderFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-token-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = AdminTokenFile.path(inDataDirectory: folder.path)
        try Data("kt_old.a-much-longer-secret-than-the-new-one\n".utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        try AdminTokenFile.save("kt_new.secret", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "kt_new.secret\n")
        #expect(try permissions(path) == 0o600)
    }

    @Test("a folder that cannot be created is an error naming it")
    func unwritableFolder() throws {
        let blocker = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-token-\(UUID().uuidString)")
        try Data().write(to: blocker)
        defer { try? FileManager.default.removeItem(at: blocker) }
        let error = #expect(throws: CommandFailure.self) {
            try AdminTokenFile.save("kt_x.y", to: blocker.appendingPathComponent("admin-token").path)
        }
        #expect(error?.description.contains(blocker.path) == true)
    }
}
