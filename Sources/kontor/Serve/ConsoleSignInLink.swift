import KontorCore
import KontorStore

/// One-time sign-in links to the web console (`<base>/ui/sign-in/<code>`, valid 24 h).
enum ConsoleSignInLink {
    /// The name of the partner user the first start creates.
    static let firstUsername = "admin"

    /// Creates the partner user `admin` and a sign-in link for it, when the console has no user yet.
    /// - Returns: the link, or `nil` when there are users already.
    static func firstUser(in database: any StoreDatabase, baseURL: String) async throws -> String? {
        let users = ConsoleUserStore(database: database)
        guard try await users.list().isEmpty else { return nil }
        let user = try await users.create(username: firstUsername, scope: .partner, passwordHash: nil)
        return try await link(for: user, in: database, baseURL: baseURL)
    }

    /// A new sign-in link for `user`.
    static func link(for user: ConsoleUser, in database: any StoreDatabase, baseURL: String) async throws -> String {
        let code = try await SignInCodeStore(database: database).create(for: user)
        return baseURL + "/ui/sign-in/" + code
    }
}
