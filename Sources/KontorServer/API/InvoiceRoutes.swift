import Foundation
import Hummingbird
import KontorCore
import KontorFlows
import KontorStore

/// `/api/v1/tenants/{t}/invoices`: source applications put their invoices (canonical JSON), read the transfer
/// state of one (with its step log), list them by state and date, and retry a failed transfer.
///
/// A new invoice → 202; the same content again → 200, nothing new; a changed invoice lexoffice may already hold →
/// 409; invalid fields → 422 naming each; `cancels` naming no received invoice → 422 at `#/cancels`. Saves count into
/// `intake` (per tenant) while they run, from the moment the token was found to be allowed the tenant.
struct InvoiceRoutes {
    let tenants: TenantStore
    let invoices: SourceInvoiceStore
    let ledger: TransferLedger
    /// The lexoffice web app's root, for deep links.
    let appURL: String
    let intake: IntakeLoad

    /// The largest body: the largest source PDF in base64 (4 characters per 3 bytes), plus 1 MiB for the invoice.
    static let maximumBodySize = (SourceInvoice.maximumPDFByteCount + 2) / 3 * 4 + (1 << 20)

    func register(on group: RouterGroup<HubRequestContext>) {
        group.put("tenants/:tenant/invoices/:sourceId") { request, context in
            try await save(request, context: context)
        }
        group.get("tenants/:tenant/invoices/:sourceId") { _, context in
            let tenant = try await tenants.requestedTenant(context)
            let sourceID = try context.parameters.require("sourceId")
            guard let invoice = try await invoices.invoice(sourceID, of: tenant.id) else {
                throw HubProblem.notFound("no invoice with source id '\(sourceID)' was received for this tenant")
            }
            let steps = try await ledger.steps(of: invoice)
            return JSONBody.response(SourceInvoiceRepresentation(invoice, appURL: appURL, steps: steps))
        }
        group.post("tenants/:tenant/invoices/:sourceId/retry") { _, context in
            let tenant = try await tenants.requestedTenant(context)
            let sourceID = try context.parameters.require("sourceId")
            let requeued: StoredSourceInvoice?
            do {
                requeued = try await ledger.requeue(sourceID, of: tenant.id)
            } catch let error as StoreError where error.code == .invalidState {
                throw HubProblem.conflict(error.detail)
            }
            guard let requeued else {
                throw HubProblem.notFound("no invoice with source id '\(sourceID)' was received for this tenant")
            }
            return JSONBody.response(SourceInvoiceRepresentation(requeued, appURL: appURL), status: .accepted)
        }
        group.get("tenants/:tenant/invoices") { request, context in
            let tenant = try await tenants.requestedTenant(context)
            let query = try InvoiceListQuery(request)
            let limit = try Paging.limit(request)
            let page = try await invoices.invoices(
                of: tenant.id,
                state: query.state,
                from: query.from,
                to: query.to,
                after: query.cursor,
                limit: limit
            )
            return JSONBody.response(
                Page(
                    items: page.map { SourceInvoiceRepresentation($0, appURL: appURL) },
                    nextCursor: page.count == limit ? page.last.map { String($0.sequence) } : nil
                )
            )
        }
    }

    /// `PUT …/invoices/{sourceId}`: once the token may send the tenant's invoices, counted into the intake.
    private func save(_ request: Request, context: HubRequestContext) async throws -> Response {
        let tenant = try await tenants.requestedTenant(context, recent: true)
        return try await intake.track(for: "tenant:" + tenant.id.rawValue) {
            try await save(request, of: tenant, context: context)
        }
    }

    /// Validates and stores the invoice.
    private func save(_ request: Request, of tenant: Tenant, context: HubRequestContext) async throws -> Response {
        let sourceID = try context.parameters.require("sourceId")
        guard (1...128).contains(sourceID.count) else {
            throw HubProblem.notFound("a source id has 1 to 128 characters")
        }
        let invoice = try await JSONBody.decode(
            SourceInvoice.self,
            from: request,
            context: context,
            upTo: Self.maximumBodySize
        )
        var issues = invoice.validationIssues(sourceID: sourceID)
        if tenant.settings.transferVariant == .voucher, invoice.knownStatus == .finalized, invoice.pdf == nil {
            issues.append(
                SourceInvoiceIssue(
                    pointer: "#/pdf",
                    detail: "is required: the tenant transfers bookkeeping vouchers with the source's PDF"
                )
            )
        }
        guard issues.isEmpty else {
            throw HubProblem.validation(issues)
        }
        let saved: SourceInvoiceSave
        do {
            saved = try await invoices.save(Self.incoming(invoice, sourceID: sourceID, tenant: tenant.id))
        } catch let error as StoreError where error.code == .unknownCancelledInvoice {
            throw HubProblem.invalid("#/cancels", error.detail)
        } catch let error as StoreError where error.code == .unknownTenant {
            throw HubProblem.notFound(error.detail)
        }
        let status: HTTPResponse.Status =
            switch saved {
            case .unchanged: .ok
            case .created, .updated: .accepted
            }
        return JSONBody.response(
            SourceInvoiceRepresentation(saved.invoice, appURL: appURL),
            status: status,
            location: "/api/v1/tenants/\(tenant.id)/invoices/\(Self.pathSegment(sourceID))"
        )
    }

    /// The invoice as the store takes it: canonical JSON (sorted keys) of what is transferred and its SHA-256, and
    /// the payment status beside it.
    private static func incoming(_ invoice: SourceInvoice, sourceID: String, tenant: TenantID) -> IncomingSourceInvoice
    {
        let content = invoice.transferredContent.canonicalJSON
        return IncomingSourceInvoice(
            tenantID: tenant,
            sourceID: sourceID,
            number: invoice.number,
            invoiceDate: invoice.date,
            status: invoice.status,
            cancels: invoice.cancels,
            content: content,
            fingerprint: SecureToken.sha256Hex(content),
            paymentStatus: invoice.paymentStatus
        )
    }

    /// `sourceID` as one path segment: percent-encoded as `addingPercentEncoding` does with `urlPathAllowed` less
    /// `/`; ids made of those characters only (nearly all) are taken as they are, without Foundation's detour.
    static func pathSegment(_ sourceID: String) -> String {
        if sourceID.utf8.allSatisfy({ isPathSegmentByte[Int($0)] }) { return sourceID }
        return sourceID.addingPercentEncoding(withAllowedCharacters: pathSegmentAllowed) ?? sourceID
    }

    private static let pathSegmentAllowed = CharacterSet.urlPathAllowed.subtracting(["/"])

    /// Per byte value: whether it is an ASCII character of ``pathSegmentAllowed``.
    private static let isPathSegmentByte = (0..<256).map {
        $0 < 0x80 && pathSegmentAllowed.contains(Unicode.Scalar(UInt8($0)))
    }
}

/// The query of `GET …/invoices`: `state`, `from` and `to` (`YYYY-MM-DD`, inclusive), `cursor`.
private struct InvoiceListQuery {
    var state: TransferState?
    var from: String?
    var to: String?
    var cursor: Int64?

    init(_ request: Request) throws {
        let parameters = request.uri.queryParameters
        if let state = parameters.get("state") {
            guard let known = TransferState(rawValue: state) else {
                let names = TransferState.allCases.map(\.rawValue).joined(separator: ", ")
                throw HubProblem.invalid("#/query/state", "must be one of \(names)")
            }
            self.state = known
        }
        from = try Self.day(parameters.get("from"), name: "from")
        to = try Self.day(parameters.get("to"), name: "to")
        cursor = try Paging.integerCursor(request)
    }

    /// `value` when it is a day `YYYY-MM-DD`.
    private static func day(_ value: String?, name: String) throws(HubProblem) -> String? {
        guard let value else { return nil }
        guard let day = SourceDate(value) else { throw .invalid("#/query/\(name)", "must be a date YYYY-MM-DD") }
        return day.description
    }
}

/// A source invoice as the hub API shows it: the transfer's state and results (with a deep link into the
/// lexoffice web app and, for one invoice, the step log), not the content. Written as JSON by its
/// ``CanonicalJSONObject`` members only.
struct SourceInvoiceRepresentation {
    let sourceId: String
    let number: String
    let date: String
    let status: String
    let paymentStatus: String?
    let cancels: String?
    let state: String
    let stateReason: String?
    let lexofficeId: String?
    let voucherNumber: String?
    let customerNumber: String?
    let lexofficeType: String?
    let lexofficeStatus: String?
    let totalsDifference: String?
    let deepLink: String?
    let receivedAt: Date
    let updatedAt: Date
    let version: Int
    let steps: [StepRepresentation]?
}

extension SourceInvoiceRepresentation {
    /// The resource of `invoice`, with its deep link into lexoffice's app at `appURL` and its transfer steps.
    init(_ invoice: StoredSourceInvoice, appURL: String, steps: [TransferStep]? = nil) {
        sourceId = invoice.sourceID
        number = invoice.number
        date = invoice.invoiceDate
        status = invoice.status
        paymentStatus = invoice.paymentStatus
        cancels = invoice.cancels
        state = invoice.transferState.rawValue
        stateReason = invoice.stateReason
        lexofficeId = invoice.lexofficeID
        voucherNumber = invoice.voucherNumber
        customerNumber = invoice.customerNumber
        lexofficeType = invoice.lexofficeType
        lexofficeStatus = invoice.lexofficeStatus
        totalsDifference = invoice.totalsDifference
        deepLink = invoice.lexofficeID.map { id in
            let kind =
                switch invoice.lexofficeType {
                case "credit-note": "credit-notes"
                case "salesinvoice", "salescreditnote": "vouchers"
                default: "invoices"
                }
            let page = invoice.lexofficeStatus == "draft" ? "edit" : "view"
            return "\(appURL)/permalink/\(kind)/\(page)/\(id)"
        }
        receivedAt = invoice.receivedAt
        updatedAt = invoice.updatedAt
        version = invoice.version
        self.steps = steps?.map(StepRepresentation.init)
    }
}
