import Crypto
import Foundation
import KontorCore
import LexofficeKit

/// Archives one lexoffice document (job kind ``ArchiveRequest/jobKind``; DESIGN.md §1 flow 3): reads it (one
/// request), skips drafts, documents dated and created before the archive's `activeSince` (unless asked for by a
/// backfill or a retry by hand; a back-dated document written after it is archived) and types not chosen, builds the
/// JSON sidecar (with the contact's customer number, read once per contact: ``ArchiveContactNumbers``), downloads the
/// PDF (one request; the XML of an XRechnung with one more) and writes them to every sink.
///
/// Exactly once: the item remembers the sidecar's fingerprint and the sinks it was written to. The same facts
/// again write nothing; a later status change writes only the sidecar (and a DMS's attributes) under the same keys.
/// A sink that is down is retried with the queue's backoff (and retry window), its failures in the activity log;
/// a sink that refuses (wrong credentials, missing bucket) fails the item at once with the sink's code, no retry.
package struct DocumentArchiving: JobHandler {
    private let records: any ArchiveRecords
    private let connections: any LexofficeConnections
    private let sinks: any ArchiveSinkFactory
    private let activity: any ActivityRecording
    private let appURL: String
    private let contactNumbers: ArchiveContactNumbers

    /// Archiving with items in `records`, documents read through `connections`, written to the sinks `sinks`
    /// makes, failures recorded in `activity`; sidecars link to the lexoffice web app at `appURL` and carry the
    /// customer numbers `contactNumbers` keeps.
    package init(
        records: any ArchiveRecords,
        connections: any LexofficeConnections,
        sinks: any ArchiveSinkFactory,
        activity: any ActivityRecording,
        appURL: String,
        contactNumbers: ArchiveContactNumbers = ArchiveContactNumbers()
    ) {
        self.records = records
        self.connections = connections
        self.sinks = sinks
        self.activity = activity
        self.appURL = appURL
        self.contactNumbers = contactNumbers
    }

    package func handle(_ job: Job) async -> JobOutcome {
        guard let request = ArchiveRequest(payload: job.payload) else {
            return .failed(reason: "the archive request is not readable")
        }
        guard let claim = job.claim else {
            return .retry(reason: "the job was handed over without its tenant lease")
        }
        let tenant = job.tenantID
        do {
            try await records.beginAttempt(request, of: tenant, under: claim)
            let update = try await archive(request, of: tenant)
            try await records.record(update, for: request, of: tenant, under: claim)
            return .completed
        } catch let error as ArchiveSinkError where error.isRetryable && job.mayRetry(at: Date()) {
            return await wait(request, tenant, claim, job, reason: "\(error.code): \(error.detail)")
        } catch let error as ArchiveSinkError {
            return await fail(request, tenant, claim, reason: "\(error.code): \(error.detail)")
        } catch let error as LexofficeError where error.code == .notFound {
            let update = ArchiveItemUpdate(state: .skipped, reason: "lexoffice no longer has the document")
            return await record(update, request, tenant, claim)
        } catch {
            switch TransferDisposition(error, reconciliationDelay: .zero) {
            case .retry(let reason, _) where job.mayRetry(at: Date()):
                return await wait(request, tenant, claim, job, reason: reason)
            case .retry(let reason, _), .fail(let reason), .skip(let reason):
                return await fail(request, tenant, claim, reason: reason)
            case .pause(let reason): return .pauseTenant(reason: reason)
            case .abandon(let reason): return .retry(reason: reason)
            }
        }
    }

    /// Reads, checks and writes the document; returns what became of it.
    private func archive(_ request: ArchiveRequest, of tenant: TenantID) async throws -> ArchiveItemUpdate {
        guard let settings = try await records.settings(of: tenant), settings.isActive else {
            return ArchiveItemUpdate(state: .skipped, reason: "the tenant's archive is not active")
        }
        guard settings.documentTypes.contains(request.type) else {
            return ArchiveItemUpdate(state: .skipped, reason: "the archive does not take \(request.type.rawValue)s")
        }
        let id = try LexofficeID(request.lexofficeId)
        let client = try await connections.client(for: tenant)
        let source = ArchiveSource(client: client)
        let facts = try await source.facts(of: request.type, id)
        if facts.isDraft {
            return ArchiveItemUpdate(
                state: .skipped,
                reason: "a draft: only finalized documents are archived",
                number: facts.voucherNumber
            )
        }
        if request.isBackfill != true, let since = settings.activeSince, facts.predates(since) {
            return ArchiveItemUpdate(
                state: .skipped,
                reason: "dated \(facts.day.map { "\($0)" } ?? "–") and created before the archive's activeSince "
                    + "(\(LexofficeDateTime(since).localDay))",
                number: facts.voucherNumber
            )
        }
        var customerNumber: Int?
        if let contact = facts.address?.contactId {
            customerNumber = try await contactNumbers.customerNumber(of: contact, tenant: tenant, client: client)
        }
        let sidecar = try ArchiveSidecar(
            facts,
            customerNumber: customerNumber,
            lexofficeID: request.lexofficeId,
            type: request.type,
            appURL: appURL
        )
        .json()
        let fingerprint = Self.sha256(sidecar)
        let digest = try Self.sha256(KontorJSON.encoder().encode(settings.sinks.map(\.redacted)))
        let previous = try await records.item(request.lexofficeId, of: tenant)
        let wasWritten = previous?.state == .archived && previous?.sinksDigest == digest
        let archived = ArchiveItemUpdate(
            state: .archived,
            number: facts.voucherNumber,
            keys: previous?.keys,
            documentStatus: facts.voucherStatus,
            fingerprint: fingerprint,
            sinksDigest: digest
        )
        if wasWritten, previous?.fingerprint == fingerprint { return archived }
        let files: (pdf: Data, xml: Data?) =
            wasWritten ? (Data(), nil) : try await source.files(of: request.type, id, facts: facts)
        let document = ArchiveDocument(
            tenant: tenant,
            lexofficeID: request.lexofficeId,
            type: request.type,
            number: facts.voucherNumber ?? request.lexofficeId,
            year: facts.day?.year ?? 0,
            pdf: files.pdf,
            xml: files.xml,
            metadata: sidecar,
            customerNumber: customerNumber.map(String.init),
            isSidecarUpdate: wasWritten
        )
        var keys: [[ArchiveWrittenKey]] = []
        for (index, settings) in settings.sinks.enumerated() {
            let written = try await sinks.sink(for: settings, of: tenant).write(document)
            keys.append(wasWritten ? (previous?.keys[safe: index] ?? written) : written)
        }
        var result = archived
        result.keys = keys
        return result
    }

    /// Records a failure that may pass (pending with the reason), logs it, and asks for a retry.
    private func wait(
        _ request: ArchiveRequest,
        _ tenant: TenantID,
        _ claim: JobClaim,
        _ job: Job,
        reason: String
    ) async -> JobOutcome {
        let outcome = await record(ArchiveItemUpdate(state: .pending, reason: reason), request, tenant, claim)
        guard outcome == .completed else { return outcome }
        // Logged on attempts 1, 2, 4, 8 …: a sink down for days (hourly retries) leaves a few entries, not hundreds.
        guard job.attempts > 0, job.attempts & (job.attempts - 1) == 0 else { return .retry(reason: reason) }
        _ = try? await activity.append(
            tenant,
            kind: "archive.retry",
            message: "archiving \(request.lexofficeId) failed (attempt \(job.attempts)) and is retried: \(reason)",
            details: nil
        )
        return .retry(reason: reason)
    }

    /// Records a failure that will not pass by itself, logs it, and ends the job.
    private func fail(
        _ request: ArchiveRequest,
        _ tenant: TenantID,
        _ claim: JobClaim,
        reason: String
    ) async -> JobOutcome {
        let outcome = await record(ArchiveItemUpdate(state: .failed, reason: reason), request, tenant, claim)
        guard outcome == .completed else { return outcome }
        _ = try? await activity.append(
            tenant,
            kind: "archive.failed",
            message: "archiving \(request.lexofficeId) failed: \(reason)",
            details: nil
        )
        return .failed(reason: reason)
    }

    /// Records `update`; a store failure (or a lost lease) leaves the job to be retried.
    private func record(
        _ update: ArchiveItemUpdate,
        _ request: ArchiveRequest,
        _ tenant: TenantID,
        _ claim: JobClaim
    ) async -> JobOutcome {
        do {
            try await records.record(update, for: request, of: tenant, under: claim)
            return .completed
        } catch {
            return .retry(reason: "the archive item could not be recorded: \(error)")
        }
    }

    /// The lower-case hex SHA-256 of `data`.
    private static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).withUnsafeBytes(\.lowercaseHex)
    }
}

extension Array {
    /// The element at `index`, or `nil` when out of range.
    fileprivate subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}
