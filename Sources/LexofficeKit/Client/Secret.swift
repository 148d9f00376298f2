/// A credential (API key, OAuth token, client secret) that never shows up in logs or descriptions.
public struct Secret: Hashable, Sendable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The secret value. Read it only to put it on the wire or into encrypted storage.
    public let revealed: String

    /// Wraps a secret value.
    public init(_ value: String) {
        revealed = value
    }

    public var description: String { "<redacted>" }
    public var debugDescription: String { "<redacted>" }
    public var customMirror: Mirror { Mirror(self, children: []) }
}
