/// A failure that ends a command with a message on standard error and the exit code of its ``ExitStatus``.
struct CommandFailure: Error, CustomStringConvertible {
    /// What to tell the user; may span several lines.
    let description: String
    /// The exit code.
    let status: ExitStatus

    init(_ message: String, status: ExitStatus = .failure) {
        description = message
        self.status = status
    }
}
