import HummingbirdBcrypt
import NIOPosix

/// Console passwords: bcrypt (cost 12), hashed and checked on the thread pool so the event loops keep serving.
package enum ConsolePassword {
    /// The fewest characters a password may have.
    package static let minimumLength = 10

    /// The bcrypt hash of `password`.
    package static func hash(_ password: String) async throws -> String {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: 12) }
    }

    /// Whether `password` matches `hash`.
    package static func verify(_ password: String, hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }
}
