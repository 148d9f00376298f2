import KontorFlows
import KontorStore

/// A ``JobHandler`` that times another one and records each run in ``HubMetrics`` (`kontor_job_duration_seconds`
/// by kind and outcome), so the worker pool needs no metrics of its own.
package struct MeasuredJobHandler<Handler: JobHandler>: JobHandler {
    private let handler: Handler
    private let metrics: HubMetrics

    /// Times `handler` into `metrics`.
    package init(_ handler: Handler, metrics: HubMetrics) {
        self.handler = handler
        self.metrics = metrics
    }

    package func handle(_ job: Job) async -> JobOutcome {
        let started = ContinuousClock.now
        let outcome = await handler.handle(job)
        metrics.recordJob(kind: job.kind, outcome: Self.name(of: outcome), duration: ContinuousClock.now - started)
        return outcome
    }

    private static func name(of outcome: JobOutcome) -> String {
        switch outcome {
        case .completed: "completed"
        case .retry: "retry"
        case .failed: "failed"
        case .pauseTenant: "paused"
        }
    }
}

extension JobHandler {
    /// This handler, timed into `metrics` (see ``MeasuredJobHandler``).
    package func measured(by metrics: HubMetrics) -> MeasuredJobHandler<Self> {
        MeasuredJobHandler(self, metrics: metrics)
    }
}
