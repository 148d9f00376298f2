import Foundation
import KontorCore
import KontorFlows
import KontorStore
import Testing

@Suite("Transfer jobs")
struct TransferJobTests {
    @Test(
        "the payload carries the source id and reads back, whatever characters it has",
        arguments: ["R-2026-0042", "a/b \"c\" \\ d", "Rechnung ü € 😀", "tab\there\u{1}"]
    )
    func payloadRoundTrip(sourceID: String) throws {
        let job = TransferJob(sourceID: sourceID).newJob(for: TenantID("acme"), trigger: "save-v1")
        #expect(TransferJob(payload: job.payload) == TransferJob(sourceID: sourceID))
        let decoded = try JSONDecoder().decode([String: String].self, from: Data(job.payload.utf8))
        #expect(decoded == ["sourceId": sourceID])
        #expect(job.kind == TransferJob.jobKind)
        #expect(job.dedupeKey == "transfer:acme:\(sourceID):save-v1")
    }
}
