import Foundation
import LexofficeKit

/// lexoffice webhook events signed ahead of a load run, and the wrk script that posts them.
enum SignedEvents {
    /// Writes `count` distinct `contact.changed` events over `organizations`, one per line as
    /// `signature<TAB>body`, signing on every core (RSA signing is the slow part).
    static func write(count: Int, organizations: [String], signer: WebhookSigner, to file: URL) async throws {
        let lanes = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let lines = try await withThrowingTaskGroup(of: [String].self) { group in
            for lane in 0..<lanes {
                group.addTask {
                    try stride(from: lane, to: count, by: lanes).map { number in
                        let body = """
                            {"organizationId":"\(organizations[number % organizations.count])",\
                            "eventType":"contact.changed","resourceId":"\(UUID().uuidString.lowercased())",\
                            "eventDate":"2026-11-30T10:00:00.000+01:00"}
                            """
                        return try signer.signature(for: Data(body.utf8)) + "\t" + body
                    }
                }
            }
            return try await group.reduce(into: [String]()) { $0 += $1 }
        }
        try Data(lines.joined(separator: "\n").utf8).write(to: file)
    }

    /// A wrk script: `-- FILE THREADS`; each thread posts its share of the file's events in turn, from the start
    /// again when it ran out.
    static let wrkScript = """
        local next_thread = 0
        function setup(thread)
          thread:set("thread_number", next_thread)
          next_thread = next_thread + 1
        end

        function init(args)
          local threads = tonumber(args[2])
          events = {}
          local index = 0
          for line in io.lines(args[1]) do
            if index % threads == thread_number then
              local tab = string.find(line, "\\t", 1, true)
              events[#events + 1] = { string.sub(line, 1, tab - 1), string.sub(line, tab + 1) }
            end
            index = index + 1
          end
          position = 0
        end

        function request()
          position = position % #events + 1
          local event = events[position]
          return wrk.format("POST", nil, {
            ["Content-Type"] = "application/json",
            ["X-Lxo-Signature"] = event[1],
          }, event[2])
        end
        """
}
