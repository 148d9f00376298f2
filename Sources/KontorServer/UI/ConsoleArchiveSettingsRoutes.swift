import Foundation
import Hummingbird
import KontorCore
import KontorFlows
import KontorStore
import LexofficeKit

/// The archive section's forms (issue 25): its settings (switch, start day, document types, sinks with write-only
/// secrets), a new secret key for the DMS stamp (shown once) and a backfill of a date range. Partner users only, as
/// the hub API's archive routes are for the partner token only.
struct ConsoleArchiveSettingsRoutes {
    let tenants: TenantStore
    let change: ArchiveSettingsChange
    let renderer: ConsoleRenderer

    func register(on group: RouterGroup<HubRequestContext>) {
        group.post("tenants/:tenant/archive") { request, context in
            let (page, tenant) = try await ConsolePageContext.tenantPage(request, context, renderer, tenants)
            try page.requirePartner()
            let since = try ConsoleTenantRoutes.activationDate(
                context.form.value("activeSince"),
                format: page.format,
                field: "activeSince"
            )
            let form = ConsoleArchiveForm(
                context.form,
                activeSince: since,
                stored: try await change.archive.settings(of: tenant.id)
            )
            do {
                try await change.save(form.request, of: tenant.id, align: form.aligned)
            } catch let problem as HubProblem where !problem.errors.isEmpty {
                throw ConsoleFailure(code: "validation-failed", fields: form.fields(of: problem))
            }
            return ConsoleErrorMiddleware.redirect(to: "/ui/tenants/\(tenant.id)/archive?notice=archiveSaved")
        }
        group.post("tenants/:tenant/archive/stamp-secret") { request, context in
            let (page, tenant) = try await ConsolePageContext.tenantPage(request, context, renderer, tenants)
            try page.requirePartner()
            let secret: String
            do {
                secret = try await change.rotateStampSecret(of: tenant.id)
            } catch let error as StoreError where error.code == .invalidState {
                throw ConsoleFailure(code: "archive-not-configured")
            }
            return renderer.shownOnce(
                secret,
                label: page.text("archive.stampSecret"),
                heading: page.text("archive.stampSecretMade"),
                text: page.text("archive.stampSecretHint"),
                of: tenant.id,
                request: request,
                context: context
            )
        }
        group.post("tenants/:tenant/archive/backfill") { request, context in
            let (page, tenant) = try await ConsolePageContext.tenantPage(request, context, renderer, tenants)
            try page.requirePartner()
            let (from, to) = try Self.range(context.form)
            guard let settings = try await change.archive.settings(of: tenant.id), settings.isActive else {
                throw ConsoleFailure(code: "archive-inactive")
            }
            do {
                _ = try await change.archive.startBackfill(from: from, to: to, of: tenant.id)
            } catch let error as StoreError where error.code == .invalidState {
                throw ConsoleFailure(code: "backfill-running")
            }
            return ConsoleErrorMiddleware.redirect(to: "/ui/tenants/\(tenant.id)/archive?notice=backfillStarted")
        }
    }

    /// The backfill form's range of document dates.
    /// - Throws: ``ConsoleFailure`` `validation-failed` naming `from` and `to` where they are no day or out of order.
    private static func range(_ form: ConsoleForm) throws(ConsoleFailure) -> (PlainDate, PlainDate) {
        let from = form.value("from").flatMap { try? PlainDate($0) }
        let to = form.value("to").flatMap { try? PlainDate($0) }
        var fields: [String] = []
        if from == nil { fields.append("from") }
        if to == nil { fields.append("to") }
        if let from, let to, to < from { fields.append("to") }
        guard fields.isEmpty, let from, let to else { throw ConsoleFailure(code: "validation-failed", fields: fields) }
        return (from, to)
    }
}
