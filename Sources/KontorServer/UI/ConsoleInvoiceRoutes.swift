import Foundation
import Hummingbird
import KontorCore
import KontorFlows
import KontorStore

/// The tenant's invoices: a list filtered by state, date range and number, each invoice with its step log,
/// lexoffice number and deep link, the totals check, and a retry for failed ones.
struct ConsoleInvoiceRoutes {
    let tenants: TenantStore
    let invoices: SourceInvoiceStore
    let ledger: TransferLedger
    let appURL: String
    let renderer: ConsoleRenderer

    static let pageSize = 50

    func register(on group: RouterGroup<HubRequestContext>) {
        group.get("tenants/:tenant/invoices") { request, context in
            let (page, tenant) = try await ConsolePageContext.tenantPage(request, context, renderer, tenants)
            let query = request.uri.queryParameters
            let state = query.get("state").flatMap(TransferState.init(rawValue:))
            let from = query.get("from").flatMap(SourceDate.init).map { _ in query.get("from")! }
            let to = query.get("to").flatMap(SourceDate.init).map { _ in query.get("to")! }
            let number = query.get("number").map { String($0.prefix(100)) }
            let cursor = query.get("after").flatMap { Int64($0) }
            let found = try await invoices.invoices(
                of: tenant.id,
                state: state,
                from: from,
                to: to,
                numberPrefix: number,
                after: cursor,
                limit: Self.pageSize + 1
            )
            let shown = found.prefix(Self.pageSize)
            var filter = URLComponents()
            filter.queryItems = [("state", state?.rawValue), ("from", from), ("to", to), ("number", number)]
                .compactMap { name, value in value.map { URLQueryItem(name: name, value: $0) } }
            let base = "/ui/tenants/\(tenant.id)/invoices?" + (filter.percentEncodedQuery ?? "")
            return renderer.page(
                "invoices",
                ConsoleValues.compact([
                    "tenant": page.tenantValues(tenant), "tabInvoices": true,
                    "states": TransferState.allCases.map { candidate in
                        [
                            "value": candidate.rawValue, "label": page.text("states.\(candidate.rawValue)"),
                            "selected": candidate == state,
                        ]
                    },
                    "filter": ConsoleValues.compact(["from": from, "to": to, "number": number]),
                    "invoices": shown.map { row(for: $0, page: page) },
                    "hasInvoices": !shown.isEmpty,
                    "firstPage": cursor == nil ? nil : base,
                    "nextPage": found.count > Self.pageSize ? base + "&after=\(shown.last?.sequence ?? 0)" : nil,
                ]),
                request: request,
                context: context
            )
        }
        group.get("tenants/:tenant/invoices/:sourceId") { request, context in
            let (page, tenant) = try await ConsolePageContext.tenantPage(request, context, renderer, tenants)
            guard let invoice = try await invoices.invoice(try context.parameters.require("sourceId"), of: tenant.id)
            else { throw ConsoleFailure(code: "not-found") }
            let steps = try await ledger.steps(of: invoice)
            var values = row(for: invoice, page: page)
            values["sourceId"] = invoice.sourceID
            values["sourceStatus"] = invoice.status
            values["receivedAt"] = page.format.dateTime(invoice.receivedAt)
            values["updatedAt"] = page.format.dateTime(invoice.updatedAt)
            values["canRetry"] = invoice.transferState == .failed
            return renderer.page(
                "invoice",
                [
                    "tenant": page.tenantValues(tenant), "tabInvoices": true, "invoice": values,
                    "steps": steps.map { step in
                        ConsoleValues.compact([
                            "name": step.name.rawValue, "stateLabel": page.text("stepStates.\(step.state.rawValue)"),
                            "startedAt": page.format.dateTime(step.startedAt),
                            "finishedAt": step.finishedAt.map(page.format.dateTime), "lexofficeId": step.lexofficeID,
                            "note": step.note,
                        ])
                    },
                    "hasSteps": !steps.isEmpty,
                ],
                request: request,
                context: context
            )
        }
        group.post("tenants/:tenant/invoices/:sourceId/retry") { request, context in
            let (_, tenant) = try await ConsolePageContext.tenantPage(request, context, renderer, tenants)
            let sourceID = try context.parameters.require("sourceId")
            do {
                guard try await ledger.requeue(sourceID, of: tenant.id) != nil else {
                    throw ConsoleFailure(code: "not-found")
                }
            } catch let error as StoreError where error.code == .invalidState {
                throw ConsoleFailure(code: "not-retryable")
            }
            return ConsoleErrorMiddleware.redirect(
                to: "/ui/tenants/\(tenant.id)/invoices/\(Self.pathSegment(sourceID))?notice=retried"
            )
        }
    }

    private func row(for invoice: StoredSourceInvoice, page: ConsolePageContext) -> [String: Any] {
        let (label, tone) = page.transferState(invoice.transferState)
        return ConsoleValues.compact([
            "number": invoice.number, "sourceIdPath": Self.pathSegment(invoice.sourceID),
            "date": page.format.day(invoice.invoiceDate), "stateLabel": label, "tone": tone,
            "reason": invoice.stateReason,
            "lexofficeNumber": invoice.voucherNumber ?? (invoice.lexofficeID == nil ? "–" : "✓"),
            "lexofficeLink": SourceInvoiceRepresentation(invoice, appURL: appURL).deepLink,
            "amount": Self.grossAmount(of: invoice).map { page.format.amount($0.value, currency: $0.currency) } ?? "–",
            "totalsCheck": totalsCheck(invoice, page: page),
        ])
    }

    /// The source's gross total and currency, when it sent them.
    private static func grossAmount(of invoice: StoredSourceInvoice) -> (value: Decimal, currency: String)? {
        struct Amounts: Decodable {
            var currency: String?
            var totals: SourceTotals?
        }
        guard let amounts = try? JSONDecoder().decode(Amounts.self, from: Data(invoice.content.utf8)),
            let gross = amounts.totals?.gross
        else { return nil }
        return (gross, amounts.currency ?? "EUR")
    }

    /// The totals check: whether lexoffice's totals match the source's (the flow's finding when they do not).
    private func totalsCheck(_ invoice: StoredSourceInvoice, page: ConsolePageContext) -> String {
        guard invoice.transferState == .transferred else { return page.text("invoice.totalsNotChecked") }
        guard let difference = invoice.totalsDifference else { return "✓ " + page.text("invoice.totalsMatch") }
        return "⚠ " + difference
    }

    /// A source id as one path segment (ids may hold `/` or spaces).
    static func pathSegment(_ id: String) -> String {
        id.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/")))
            ?? id
    }
}
