import Hummingbird
import KontorStore
import Logging
import NIOCore

/// `GET /metrics`: the hub's ``HubMetrics`` in the Prometheus text format, with the queue depth sampled from the
/// database at each scrape. No authentication, like `/healthz`: expose it only where Prometheus can reach it.
struct MetricsRoutes {
    let metrics: HubMetrics
    let queue: JobQueue
    let intake: IntakeLoad

    func register(on router: Router<HubRequestContext>) {
        router.get("metrics") { _, context in
            metrics.recordIntake(requestsInFlight: intake.requestsInFlight, isBusy: intake.isBusy)
            do {
                metrics.recordQueueDepth(try await queue.counts())
                metrics.recordStagedJobs(try await queue.stagedCount())
            } catch {
                // The other series are still worth a scrape; the gauges keep their last values.
                context.logger.warning("sampling the queue depth failed", metadata: ["error": "\(error)"])
            }
            return Response(
                status: .ok,
                headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: metrics.exposition()))
            )
        }
    }
}
