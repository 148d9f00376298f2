import Foundation
import KontorCore
import KontorStore

/// A hub API token as the hub API and `kontor admin token list --json` show it: never its secret or its hash.
///
/// `scope` is `partner` or `tenant`; `tenant` names the tenant of a tenant token (`null` for a partner token);
/// `revokedAt` is `null` while the token is valid. The token itself (`token`) is written only in the answer that
/// created it.
package struct APITokenRepresentation: Encodable, Sendable {
    let record: APITokenRecord
    let token: String?

    /// The representation of `record`; `token` is the plaintext, given only when the token was just created.
    package init(_ record: APITokenRecord, token: String? = nil) {
        self.record = record
        self.token = token
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(record.id, forKey: .id)
        try container.encode(record.name, forKey: .name)
        switch record.scope {
        case .partner:
            try container.encode("partner", forKey: .scope)
            try container.encodeNil(forKey: .tenant)
        case .tenant(let tenant):
            try container.encode("tenant", forKey: .scope)
            try container.encode(tenant.rawValue, forKey: .tenant)
        }
        try container.encode(record.createdAt, forKey: .createdAt)
        try container.encode(record.revokedAt, forKey: .revokedAt)
        try container.encodeIfPresent(token, forKey: .token)
    }

    private enum CodingKeys: String, CodingKey { case id, name, scope, tenant, createdAt, revokedAt, token }
}
