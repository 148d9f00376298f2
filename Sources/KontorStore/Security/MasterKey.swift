import Crypto
import Foundation

/// Finds the master key that seals the hub's secrets: `KONTOR_MASTER_KEY` (base64 of 32 bytes) when set,
/// otherwise a key file in the data folder, created with mode 0600 on first start (its folder, when created here,
/// 0700) and flushed to disk with its folder before it is used (DESIGN.md §7).
package enum MasterKey {
    /// The key from `environmentValue` if given, else from (or newly into) `keyFile`.
    /// - Throws: ``StoreError`` `invalid-master-key` for a malformed key or an unreadable/unwritable file.
    package static func load(environmentValue: String?, keyFile: String) throws(StoreError) -> Data {
        if let environmentValue, !environmentValue.isEmpty {
            return try decode(environmentValue, source: "KONTOR_MASTER_KEY")
        }
        if let contents = FileManager.default.contents(atPath: keyFile) {
            return try decode(String(decoding: contents, as: UTF8.self), source: keyFile)
        }
        let key = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        let folder = URL(fileURLWithPath: keyFile).deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(
                atPath: folder,
                withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700]
            )
        } catch {
            throw StoreError(.invalidMasterKey, "cannot create the folder for the master key file \(keyFile)")
        }
        // O_EXCL with mode 0600: the key is never readable by others, and of two processes starting at once
        // exactly one writes it; the other reads what the first wrote.
        let descriptor = open(keyFile, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else {
            if errno == EEXIST, let contents = FileManager.default.contents(atPath: keyFile) {
                return try decode(String(decoding: contents, as: UTF8.self), source: keyFile)
            }
            throw StoreError(.invalidMasterKey, "cannot write the master key file \(keyFile)")
        }
        defer { close(descriptor) }
        let line = Array((key.base64EncodedString() + "\n").utf8)
        guard line.withUnsafeBytes({ write(descriptor, $0.baseAddress, $0.count) }) == line.count,
            fsync(descriptor) == 0
        else {
            throw StoreError(.invalidMasterKey, "cannot write the master key file \(keyFile)")
        }
        // Secrets are sealed with the key from now on: the file must survive a crash, and it does once its folder
        // entry is on disk too.
        let folderDescriptor = open(folder, O_RDONLY | O_DIRECTORY)
        guard folderDescriptor >= 0 else { throw StoreError(.invalidMasterKey, "cannot flush the folder \(folder)") }
        defer { close(folderDescriptor) }
        guard fsync(folderDescriptor) == 0 else {
            throw StoreError(.invalidMasterKey, "cannot flush the folder \(folder)")
        }
        return key
    }

    private static func decode(_ text: String, source: String) throws(StoreError) -> Data {
        guard let key = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)), key.count == 32
        else {
            throw StoreError(.invalidMasterKey, "the master key in \(source) must be base64 of 32 bytes")
        }
        return key
    }
}
