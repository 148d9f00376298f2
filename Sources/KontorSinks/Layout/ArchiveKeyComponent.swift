/// Makes any text safe as one component of a file path, an object key or a URL path: the archive's keys come from
/// document numbers the tenant's users type.
package enum ArchiveKeyComponent {
    /// The longest component in UTF-8 bytes: file systems allow 255, and room is left for an extension and the
    /// temporary name a file is written under first.
    package static let maximumLength = 160

    /// `text` with path separators, control characters and the characters Windows shares refuse (`\ / : * ? " < > |`)
    /// replaced by `_`, a leading `.` replaced by `_` (so no `.`, `..` or hidden file), cut to ``maximumLength``
    /// bytes; `_` when nothing is left.
    package static func safe(_ text: String) -> String {
        var result = ""
        var length = 0
        for character in text {
            let replaced = isUnsafe(character) || (result.isEmpty && character == ".") ? "_" : character
            let size = replaced.utf8.count
            guard length + size <= maximumLength else { break }
            result.append(replaced)
            length += size
        }
        return result.isEmpty ? "_" : result
    }

    private static func isUnsafe(_ character: Character) -> Bool {
        character.unicodeScalars.contains { scalar in
            scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                || "/\\:*?\"<>|".unicodeScalars.contains(scalar)
        }
    }
}
