import Foundation
import Hummingbird
import KontorStore

/// `/api/v1/forwarding` (partner token only, issue 26): the hub-wide forwarding switch, the seed's one "Aktiv" for
/// every client company. `GET` reads it; `PUT {"active": false}` stops forwarding for every tenant at once (documents
/// are still received and wait, `pending`), `{"active": true}` starts it again and queues what waited. Stored in the
/// database, so every hub process on it follows at its next job.
struct ForwardingSwitchRoutes {
    let hubSwitch: ForwardingSwitchStore

    func register(on group: RouterGroup<HubRequestContext>) {
        group.get("forwarding") { _, _ in
            try JSONBody.response(Representation(try await hubSwitch.state()))
        }
        group.put("forwarding") { request, context in
            let body = try await JSONBody.decode(Body.self, from: request, context: context)
            let state = try await hubSwitch.set(body.active)
            return try JSONBody.response(Representation(state))
        }
    }

    /// The body of `PUT /api/v1/forwarding`.
    private struct Body: Decodable {
        var active: Bool
    }

    /// The switch as the hub API shows it.
    private struct Representation: Encodable {
        var active: Bool
        var updatedAt: Date?

        init(_ state: ForwardingSwitchStore.State) {
            active = state.isActive
            updatedAt = state.updatedAt
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(active, forKey: .active)
            try container.encode(updatedAt, forKey: .updatedAt)
        }

        private enum CodingKeys: String, CodingKey { case active, updatedAt }
    }
}
