import KontorFlows
import KontorStore
import LexofficeKit
import Prometheus
import Synchronization

/// The hub's Prometheus metrics, kept in a ``PrometheusCollectorRegistry`` that the composition root owns (the
/// global `MetricsSystem` is never bootstrapped by library code; tests make their own registry).
///
/// Series (all prefixed `kontor_`):
/// - `kontor_jobs{state}`: jobs per state, sampled from the queue at each scrape.
/// - `kontor_job_duration_seconds{kind,outcome}`: histogram of job handler durations (see ``MeasuredJobHandler``).
/// - `kontor_lexoffice_requests_total{method,status}`: HTTP attempts to lexoffice, retries included; `status` is
///   `none` when no answer arrived.
/// - `kontor_lexoffice_rate_limited_total`: answers with status 429.
/// - `kontor_http_requests_total{method,status}`: requests the hub answered (see ``HTTPMetricsMiddleware``).
package struct HubMetrics: Sendable {
    /// The registry the series live in; `/metrics` emits it.
    package let registry: PrometheusCollectorRegistry
    /// The counters of `kontor_http_requests_total` by method and status, looked up in the registry once each:
    /// every request counts into one, and the registry's lookup (labels as strings) is not free.
    private let httpCounters = HTTPCounters()

    /// Metrics in `registry` (a fresh one by default).
    package init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
        // Registered up front so that a scrape shows the series before the first event.
        _ = registry.makeCounter(descriptor: Self.lexofficeRateLimited, labels: [])
    }

    /// Counts one answered hub request.
    package func recordHTTPRequest(method: String, status: Int) {
        httpCounters.counter(method: method, status: status) {
            registry.makeCounter(
                descriptor: Self.httpRequests,
                labels: [("method", method), ("status", String(status))]
            )
        }
        .increment()
    }

    /// Records how long one run of a job's handler took and what became of it (`completed`, `retry`, `failed`,
    /// `paused`).
    package func recordJob(kind: String, outcome: String, duration: Duration) {
        registry.makeDurationHistogram(
            descriptor: Self.jobDuration,
            labels: [("kind", kind), ("outcome", outcome)],
            buckets: Self.jobBuckets
        )
        .record(duration)
    }

    /// Counts one HTTP attempt to lexoffice.
    package func recordLexofficeAttempt(_ attempt: LexofficeExchangeObserver.Attempt) {
        registry.makeCounter(
            descriptor: Self.lexofficeRequests,
            labels: [("method", attempt.method), ("status", attempt.status.map(String.init) ?? "none")]
        )
        .increment()
        if attempt.status == 429 {
            registry.makeCounter(descriptor: Self.lexofficeRateLimited, labels: []).increment()
        }
    }

    /// An observer for ``LexofficeExchangeObserver/current`` that counts lexoffice calls into these metrics.
    package var lexofficeObserver: LexofficeExchangeObserver {
        LexofficeExchangeObserver { attempt in recordLexofficeAttempt(attempt) }
    }

    /// Sets the queue depth gauges; states missing from `counts` are set to 0.
    package func recordQueueDepth(_ counts: [JobState: Int]) {
        for state in JobState.allCases {
            registry.makeGauge(descriptor: Self.jobs, labels: [("state", state.rawValue)])
                .set(Double(counts[state] ?? 0))
        }
    }

    /// Sets the gauge of received webhook events waiting to be admitted into the queue.
    package func recordStagedJobs(_ count: Int) {
        registry.makeGauge(descriptor: Self.stagedJobs).set(Double(count))
    }

    /// Sets the gauges of the intake: its requests running now, and whether background work yields to it.
    package func recordIntake(requestsInFlight: Int, isBusy: Bool) {
        registry.makeGauge(descriptor: Self.intakeRequests).set(Double(requestsInFlight))
        registry.makeGauge(descriptor: Self.intakeBusy).set(isBusy ? 1.0 : 0.0)
    }

    /// The Prometheus text exposition of every series.
    package func exposition() -> [UInt8] {
        registry.emitToBuffer()
    }

    private static var jobs: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "kontor",
            metricName: "jobs",
            unitName: "",
            helpText: "Jobs in the queue by state, sampled at scrape time."
        )
    }
    private static var stagedJobs: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "kontor",
            metricName: "staged_jobs",
            unitName: "",
            helpText: "Received webhook events not yet admitted into the queue, sampled at scrape time."
        )
    }
    private static var jobDuration: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "kontor",
            metricName: "job_duration",
            unitName: "seconds",
            helpText: "How long job handlers ran, by job kind and outcome."
        )
    }
    private static var intakeRequests: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "kontor",
            metricName: "intake_requests",
            unitName: "",
            helpText: "Webhook deliveries and invoice saves running, sampled at scrape time."
        )
    }
    private static var intakeBusy: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "kontor",
            metricName: "intake_busy",
            unitName: "",
            helpText: "1 while the job workers yield to a burst of webhook deliveries or invoice saves, else 0."
        )
    }
    private static var lexofficeRequests: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "kontor",
            metricName: "lexoffice_requests",
            unitName: "total",
            helpText: "HTTP attempts to lexoffice (retries included) by method and status; status none: no answer."
        )
    }
    private static var lexofficeRateLimited: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "kontor",
            metricName: "lexoffice_rate_limited",
            unitName: "total",
            helpText: "lexoffice answers with status 429 (rate limit exceeded)."
        )
    }
    private static var httpRequests: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "kontor",
            metricName: "http_requests",
            unitName: "total",
            helpText: "Requests the hub answered, by method and status."
        )
    }
    private static let jobBuckets: [Duration] = [
        .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
        .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5), .seconds(10), .seconds(30),
        .seconds(60),
    ]
}

/// The HTTP request counters made so far, by method and status.
private final class HTTPCounters: Sendable {
    private struct Key: Hashable {
        var method: String
        var status: Int
    }

    private let counters = Mutex<[Key: Counter]>([:])

    /// The counter for `method` and `status`, made by `make` the first time.
    func counter(method: String, status: Int, make: () -> Counter) -> Counter {
        counters.withLock { counters in
            let key = Key(method: method, status: status)
            if let counter = counters[key] { return counter }
            let counter = make()
            counters[key] = counter
            return counter
        }
    }
}
