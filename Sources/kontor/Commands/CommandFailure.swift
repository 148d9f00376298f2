/// A failure that ends a command with exit code 1 and a one-line message on standard error.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String

    init(_ message: String) {
        description = message
    }
}
