/// Runs each job with the handler of its kind. A job of a kind without a handler is `dead` at once with that
/// reason, never silently dropped.
package struct JobDispatcher: JobHandler {
    private let handlers: [String: any JobHandler]

    /// A dispatcher to `handlers` by job kind.
    package init(_ handlers: [String: any JobHandler]) {
        self.handlers = handlers
    }

    package func handle(_ job: Job) async -> JobOutcome {
        guard let handler = handlers[job.kind] else {
            return .failed(reason: "no handler for job kind '\(job.kind)' in this version of Kontor")
        }
        return await handler.handle(job)
    }
}
