import Foundation
import KontorCore

/// A person who signs in to the web console: a partner user (every tenant) or a tenant user (one tenant only).
package struct ConsoleUser: Sendable, Equatable {
    /// The stored id.
    package var id: Int64
    /// The sign-in name, lower case.
    package var username: String
    /// What the user may see: every tenant (`partner`) or one (`tenant`), as for hub API tokens.
    package var scope: APITokenScope
    /// The bcrypt hash of the password; `nil` until one is set (such a user signs in by one-time link only).
    package var passwordHash: String?
    /// When the user was created.
    package var createdAt: Date
}
