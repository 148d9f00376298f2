import ArgumentParser
import KontorCore
import KontorFlows
import KontorStore

/// `kontor jobs list|retry`: the durable job queue.
struct JobsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs",
        abstract: "Inspect the job queue and retry dead jobs.",
        subcommands: [List.self, Retry.self]
    )

    /// `kontor jobs list`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List jobs in enqueue order.")

        @OptionGroup var store: StoreOptions
        @Option(help: "Only jobs in this state: queued, running, done or dead.") var state: String?
        @Option(help: "Only this tenant's jobs.") var tenant: String?
        @Option(help: "At most this many jobs (1–1000).") var limit = 100
        @Flag(help: "Print JSON.") var json = false

        func validate() throws {
            if let state, JobState(rawValue: state) == nil {
                throw ValidationError("--state must be queued, running, done or dead, not \(state)")
            }
            guard (1...1000).contains(limit) else { throw ValidationError("--limit must be between 1 and 1000") }
        }

        func run() async throws {
            let jobs = try await store.withMigratedDatabase { database in
                try await JobQueue(database: database).jobs(
                    state: state.flatMap(JobState.init(rawValue:)),
                    tenant: tenant.map { TenantID($0) },
                    limit: limit
                )
            }
            if json {
                Console.current.line(try HubJSON.encode(jobs))
                return
            }
            Console.current.line("ID\tTENANT\tKIND\tSTATE\tATTEMPTS\tLAST ERROR")
            for job in jobs {
                Console.current.line(
                    "\(job.id)\t\(job.tenantID)\t\(job.kind)\t\(job.state.rawValue)\t\(job.attempts)/\(job.maxAttempts)\t\(job.lastError ?? "-")"
                )
            }
        }
    }

    /// `kontor jobs retry ID`.
    struct Retry: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Put a dead job back into the queue.")

        @OptionGroup var store: StoreOptions
        @Argument(help: "The job id.") var id: Int64

        func run() async throws {
            let job = try await store.withMigratedDatabase { database in
                try await JobQueue(database: database).retry(JobID(id))
            }
            Console.current.line("job \(job.id) queued again")
        }
    }
}
