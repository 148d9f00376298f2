import Foundation
import LexofficeKit

extension FileUpload {
    /// An upload of a local file, named as the file is.
    /// - Throws: ``CommandFailure`` (usage) for an unreadable file; LexofficeKit's `invalid-argument` for an
    ///   empty file or one without an accepted extension.
    init(readingFile path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandFailure("cannot read \(path)", status: .usage)
        }
        try self.init(data: data, fileName: URL(fileURLWithPath: path).lastPathComponent)
    }
}
