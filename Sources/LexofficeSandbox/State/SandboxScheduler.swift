/// Runs simulated background work later, the way lexoffice finishes some things after answering (OCR of an
/// uploaded receipt).
///
/// Works only while ``run()`` is active (the server runs it); work scheduled before waits until then.
final class SandboxScheduler: Sendable {
    private struct Job: Sendable {
        var delay: Duration
        var work: @Sendable () -> Void
    }

    private let jobs: AsyncStream<Job>
    private let continuation: AsyncStream<Job>.Continuation

    init() {
        (jobs, continuation) = AsyncStream.makeStream(of: Job.self)
    }

    /// Runs `work` after `delay`.
    func schedule(after delay: Duration, _ work: @escaping @Sendable () -> Void) {
        continuation.yield(Job(delay: delay, work: work))
    }

    /// Runs scheduled work until the task is cancelled (pending work is then dropped).
    func run() async {
        await withDiscardingTaskGroup { group in
            for await job in jobs {
                group.addTask {
                    guard (try? await Task.sleep(for: job.delay)) != nil else { return }
                    job.work()
                }
            }
        }
    }
}
