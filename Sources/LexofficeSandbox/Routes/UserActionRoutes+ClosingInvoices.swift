import Hummingbird
import LexofficeKit

extension UserActionRoutes {
    /// Body of `POST /_sandbox/closing-invoices`: the invoice as for `POST /v1/invoices`, and the finalized down
    /// payment invoices it deducts.
    struct ClosingInvoiceRequest: Codable {
        var invoice: Invoice
        var downPaymentInvoiceIds: [LexofficeID]
    }

    /// `POST /_sandbox/closing-invoices[?finalize=true]`: creates a closing invoice as the web app does;
    /// answers `201 {"id": ...}`.
    func registerClosingInvoices<Context: RequestContext>(on collection: RouteCollection<Context>) {
        collection.on("_sandbox/closing-invoices", method: .post) { request, _ in
            try await act(request) { organizationID, now in
                let body = try await Self.decode(ClosingInvoiceRequest.self, from: request)
                let finalize = FormFields.query(of: request).values["finalize"] == "true"
                let id = try api.state.write(organizationID) { organization in
                    try ClosingInvoices.create(
                        body.invoice,
                        deducting: body.downPaymentInvoiceIds,
                        finalize: finalize,
                        in: &organization,
                        now: now
                    )
                }
                return try SandboxResponses.json(["id": id], status: .created)
            }
        }
    }
}
