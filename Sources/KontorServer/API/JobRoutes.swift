import Foundation
import Hummingbird
import KontorCore
import KontorFlows
import KontorStore

/// `/api/v1/jobs` (partner) and `/api/v1/tenants/{tenant}/jobs`: the job queue by state, and retrying dead jobs.
struct JobRoutes {
    let queue: JobQueue

    func register(on group: RouterGroup<HubRequestContext>) {
        group.get("jobs") { request, context in
            let tenant = request.uri.queryParameters.get("tenant").map { TenantID($0) }
            return try await page(request, tenant: tenant)
        }
        group.get("tenants/:tenant/jobs") { request, context in
            let tenant = try context.authorizedTenant(try context.parameters.require("tenant"))
            return try await page(request, tenant: tenant)
        }
        group.post("jobs/:job/retry") { _, context in
            guard let number = Int64(try context.parameters.require("job")),
                let job = try await queue.job(JobID(number)),
                (try? context.authorizedTenant(job.tenantID.rawValue)) != nil
            else {
                throw HubProblem.notFound("there is no such job")
            }
            guard job.state == .dead else {
                throw HubProblem.conflict("job \(job.id) is \(job.state.rawValue), not dead")
            }
            return try JSONBody.response(JobRepresentation(try await queue.retry(job.id)))
        }
    }

    private func page(_ request: Request, tenant: TenantID?) async throws -> Response {
        let limit = try Paging.limit(request)
        let cursor = try Paging.integerCursor(request).map { JobID($0) }
        var state: JobState?
        if let text = request.uri.queryParameters.get("state") {
            guard let parsed = JobState(rawValue: text) else {
                throw HubProblem.invalid("#/query/state", "must be queued, running, done or dead")
            }
            state = parsed
        }
        let jobs = try await queue.jobs(state: state, tenant: tenant, after: cursor, limit: limit)
        return try JSONBody.response(
            Page(
                items: jobs.map(JobRepresentation.init),
                nextCursor: jobs.count == limit ? jobs.last.map { "\($0.id)" } : nil
            )
        )
    }
}

/// A job as the hub API shows it (without its payload, which may hold customer data).
struct JobRepresentation: Encodable {
    let id: Int64
    let tenant: String
    let kind: String
    let state: String
    let attempts: Int
    let maxAttempts: Int
    let runAt: Date
    let createdAt: Date
    let lastError: String?

    init(_ job: Job) {
        id = job.id.rawValue
        tenant = job.tenantID.rawValue
        kind = job.kind
        state = job.state.rawValue
        attempts = job.attempts
        maxAttempts = job.maxAttempts
        runAt = job.runAt
        createdAt = job.createdAt
        lastError = job.lastError
    }
}
