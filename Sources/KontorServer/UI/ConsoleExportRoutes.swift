import Foundation
import Hummingbird
import KontorCore
import KontorStore

/// The export section: a date range and statuses, started from the page; its progress page (live by polling its
/// JSON with `progress.js`, or reloaded by hand without JavaScript).
struct ConsoleExportRoutes {
    let tenants: TenantStore
    let exports: ExportStore
    let renderer: ConsoleRenderer
    let clock: any WallClock

    func register(on group: RouterGroup<HubRequestContext>) {
        group.get("tenants/:tenant/export") { request, context in
            let (page, tenant) = try await ConsolePageContext.tenantPage(request, context, renderer, tenants)
            return exportPage(page: page, tenant: tenant, export: nil, request: request, context: context)
        }
        group.post("tenants/:tenant/exports") { request, context in
            let (_, tenant) = try await ConsolePageContext.tenantPage(request, context, renderer, tenants)
            let form = context.form
            var fields: [String] = []
            let from = form.value("from").flatMap(SourceDate.init)
            let to = form.value("to").flatMap(SourceDate.init)
            if from == nil { fields.append("from") }
            if to == nil { fields.append("to") }
            if let from, let to, to < from { fields.append("to") }
            let statuses = form.values("statuses").compactMap(SourceInvoiceStatus.init(rawValue:))
            if statuses.isEmpty || statuses.count != form.values("statuses").count { fields.append("statuses") }
            let payments = form.values("paymentStatuses").compactMap(SourcePaymentStatus.init(rawValue:))
            if payments.count != form.values("paymentStatuses").count { fields.append("paymentStatuses") }
            guard fields.isEmpty, let from, let to else {
                throw ConsoleFailure(code: "validation-failed", fields: fields)
            }
            guard tenant.isActive else { throw ConsoleFailure(code: "inactive") }
            let export = try await exports.start(
                for: tenant.id,
                from: from,
                to: to,
                statuses: statuses,
                paymentStatuses: payments.isEmpty ? nil : payments
            )
            return ConsoleErrorMiddleware.redirect(to: "/ui/tenants/\(tenant.id)/exports/\(export.id)")
        }
        group.get("tenants/:tenant/exports/:export") { request, context in
            let (page, tenant) = try await ConsolePageContext.tenantPage(request, context, renderer, tenants)
            let export = try await existingExport(context, of: tenant)
            return exportPage(page: page, tenant: tenant, export: export, request: request, context: context)
        }
        group.get("tenants/:tenant/exports/:export/progress") { request, context in
            let (_, tenant) = try await ConsolePageContext.tenantPage(request, context, renderer, tenants)
            let export = try await existingExport(context, of: tenant)
            let progress = [
                "total": export.total, "done": export.done, "failed": export.failed, "skipped": export.skipped,
                "pending": export.pending,
            ]
            var headers = ConsoleRenderer.securityHeaders(policy: "default-src 'none'")
            headers[.contentType] = "application/json"
            return Response(
                status: .ok,
                headers: headers,
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: progress)))
            )
        }
    }

    private func existingExport(_ context: HubRequestContext, of tenant: Tenant) async throws -> InvoiceExport {
        guard let number = Int64(try context.parameters.require("export")),
            let export = try await exports.export(number, of: tenant.id)
        else { throw ConsoleFailure(code: "not-found") }
        return export
    }

    private func exportPage(
        page: ConsolePageContext,
        tenant: Tenant,
        export: InvoiceExport?,
        request: Request,
        context: HubRequestContext
    ) -> Response {
        let today = page.format.isoDay(clock.now)
        let values: [String: Any?] = [
            "tenant": page.tenantValues(tenant), "tabExport": true,
            "script": export.map { $0.pending > 0 },
            "form": ["from": String(today.prefix(4)) + "-01-01", "to": today],
            "export": export.map { export in
                [
                    "id": export.id, "range": "\(page.format.day(export.from)) – \(page.format.day(export.to))",
                    "from": export.from, "to": export.to, "total": max(export.total, 1),
                    "finished": export.total - export.pending, "done": export.done, "failed": export.failed,
                    "skipped": export.skipped, "pending": export.pending, "isFinished": export.pending == 0,
                ] as [String: Any]
            },
        ]
        return renderer.page("export", ConsoleValues.compact(values), request: request, context: context)
    }
}
