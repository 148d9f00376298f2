import Foundation
import Hummingbird
import KontorCore
import KontorStore

/// `/api/v1/tenants/{t}/exports`: bulk exports of stored source invoices by date range, source status and
/// (optionally) payment status, and their progress to poll. Only an active tenant exports.
struct ExportRoutes {
    let tenants: TenantStore
    let exports: ExportStore

    func register(on group: RouterGroup<HubRequestContext>) {
        group.post("tenants/:tenant/exports") { request, context in
            let tenant = try await tenants.requestedTenant(context)
            let body = try await JSONBody.decode(ExportRequest.self, from: request, context: context)
            let (from, to, statuses, paymentStatuses) = try body.validated()
            guard tenant.isActive else {
                throw HubProblem.conflict("tenant '\(tenant.id)' is inactive; activate it before exporting")
            }
            let export = try await exports.start(
                for: tenant.id,
                from: from,
                to: to,
                statuses: statuses,
                paymentStatuses: paymentStatuses
            )
            return try JSONBody.response(
                ExportRepresentation(export),
                status: .accepted,
                location: "/api/v1/tenants/\(tenant.id)/exports/\(export.id)"
            )
        }
        group.get("tenants/:tenant/exports/:export") { _, context in
            let tenant = try await tenants.requestedTenant(context)
            let id = try context.parameters.require("export")
            guard let number = Int64(id), let export = try await exports.export(number, of: tenant.id) else {
                throw HubProblem.notFound("tenant '\(tenant.id)' has no export '\(id)'")
            }
            return try JSONBody.response(ExportRepresentation(export))
        }
    }
}

/// The body of `POST …/exports`.
private struct ExportRequest: Decodable {
    var from: String
    var to: String
    var statuses: [String]?
    var paymentStatuses: [String]?

    /// The range, statuses (default: finalized) and payment statuses (default: any), or the invalid fields.
    func validated() throws(HubProblem) -> (SourceDate, SourceDate, [SourceInvoiceStatus], [SourcePaymentStatus]?) {
        var errors: [HubProblem.FieldError] = []
        let first = SourceDate(from)
        let last = SourceDate(to)
        if first == nil { errors.append(.init(pointer: "#/from", detail: "must be a date YYYY-MM-DD")) }
        if last == nil { errors.append(.init(pointer: "#/to", detail: "must be a date YYYY-MM-DD")) }
        if let first, let last, last < first {
            errors.append(.init(pointer: "#/to", detail: "must not be before from"))
        }
        let names = statuses ?? [SourceInvoiceStatus.finalized.rawValue]
        let known = names.compactMap(SourceInvoiceStatus.init(rawValue:))
        if names.isEmpty || known.count != names.count {
            let values = SourceInvoiceStatus.allCases.map(\.rawValue).joined(separator: ", ")
            errors.append(.init(pointer: "#/statuses", detail: "must list one or more of \(values)"))
        }
        let payments = paymentStatuses?.compactMap(SourcePaymentStatus.init(rawValue:))
        if let paymentStatuses, paymentStatuses.isEmpty || payments?.count != paymentStatuses.count {
            let values = SourcePaymentStatus.allCases.map(\.rawValue).joined(separator: ", ")
            errors.append(.init(pointer: "#/paymentStatuses", detail: "must list one or more of \(values)"))
        }
        guard errors.isEmpty, let first, let last else { throw .validation(errors) }
        return (first, last, known, payments)
    }
}

/// An export as the hub API shows it.
private struct ExportRepresentation: Encodable {
    let id: String
    let from: String
    let to: String
    let statuses: [String]
    let paymentStatuses: [String]?
    let createdAt: Date
    let total: Int
    let done: Int
    let failed: Int
    let skipped: Int
    let pending: Int

    init(_ export: InvoiceExport) {
        id = String(export.id)
        from = export.from
        to = export.to
        statuses = export.statuses
        paymentStatuses = export.paymentStatuses
        createdAt = export.createdAt
        total = export.total
        done = export.done
        failed = export.failed
        skipped = export.skipped
        pending = export.pending
    }
}
