import Foundation
import HTTPTypes
import Hummingbird
import LexofficeKit
import NIOFoundationCompat

/// `/_sandbox/...` hooks for what only a person in the lexoffice web app can do: seed contacts the API cannot
/// create, finalize drafts, change statuses, register payments, create down payment invoices, closing invoices
/// and recurring templates, run a template, change the profile and manage API keys. They act on the organization of the bearer API key, raise the same events lexoffice would, and
/// answer errors as `{"message": ...}`.
struct UserActionRoutes {
    let api: SandboxAPI

    /// Body of `POST /_sandbox/sales-vouchers/{id}/status`.
    struct StatusChange: Codable {
        var voucherStatus: VoucherStatus
    }

    /// Body of `POST /_sandbox/payments/{id}`.
    struct PaymentRegistration: Codable {
        var amount: Decimal
        var paymentItemType: PaymentItemType?
        var postingDate: LexofficeDateTime?
    }

    func register<Context: RequestContext>(on collection: RouteCollection<Context>) {
        collection.on("_sandbox/contacts", method: .post) { request, _ in
            try await act(request) { organizationID, now in
                let contact = try await Self.decode(Contact.self, from: request)
                let id = try api.state.write(organizationID) { try UserActions.seed(contact, in: &$0, now: now) }
                return try SandboxResponses.json(["id": id], status: .created)
            }
        }
        collection.on("_sandbox/sales-vouchers/:id/finalize", method: .post) { request, context in
            try await act(request) { organizationID, now in
                let id = try Self.id(context)
                try api.state.write(organizationID) { try UserActions.finalize(id, in: &$0, now: now) }
                return SandboxResponses.noContent
            }
        }
        collection.on("_sandbox/sales-vouchers/:id/status", method: .post) { request, context in
            try await act(request) { organizationID, now in
                let id = try Self.id(context)
                let change = try await Self.decode(StatusChange.self, from: request)
                try api.state.write(organizationID) {
                    try UserActions.setStatus(change.voucherStatus, of: id, in: &$0, now: now)
                }
                return SandboxResponses.noContent
            }
        }
        collection.on("_sandbox/payments/:id", method: .post) { request, context in
            try await act(request) { organizationID, now in
                let id = try Self.id(context)
                let payment = try await Self.decode(PaymentRegistration.self, from: request)
                let item = PaymentItem(
                    paymentItemType: payment.paymentItemType ?? .partPaymentFinancialTransaction,
                    postingDate: payment.postingDate ?? now,
                    amount: payment.amount,
                    currency: .euro
                )
                try api.state.write(organizationID) {
                    try UserActions.registerPayment(item, for: id, in: &$0, now: now)
                }
                return SandboxResponses.noContent
            }
        }
        collection.on("_sandbox/down-payment-invoices", method: .post) { request, _ in
            try await act(request) { organizationID, now in
                let invoice = try await Self.decode(DownPaymentInvoice.self, from: request)
                let finalize = FormFields.query(of: request).values["finalize"] == "true"
                let id = try api.state.write(organizationID) { organization in
                    try SalesVoucherBuilder(now: now).create(
                        invoice,
                        finalize: finalize,
                        predecessorID: nil,
                        in: &organization
                    )
                }
                return try SandboxResponses.json(["id": id], status: .created)
            }
        }
        collection.on("_sandbox/recurring-templates", method: .post) { request, _ in
            try await act(request) { organizationID, now in
                let template = try await Self.decode(RecurringTemplate.self, from: request)
                let id = try api.state.write(organizationID) { UserActions.createTemplate(template, in: &$0, now: now) }
                return try SandboxResponses.json(["id": id], status: .created)
            }
        }
        collection.on("_sandbox/recurring-templates/:id/run", method: .post) { request, context in
            try await act(request) { organizationID, now in
                let id = try Self.id(context)
                let invoiceID = try api.state.write(organizationID) { try RecurringRun.run(id, in: &$0, now: now) }
                return try SandboxResponses.json(["id": invoiceID], status: .created)
            }
        }
        registerProfile(on: collection)
        registerAPIKeys(on: collection)
        registerClosingInvoices(on: collection)
    }

    /// Runs an action for the organization of the request's bearer key; problems become `{"message": ...}`.
    func act(
        _ request: Request,
        _ action: (LexofficeID, LexofficeDateTime) async throws -> Response
    ) async throws -> Response {
        do {
            let token = request.headers[.authorization].map { String($0.dropFirst("Bearer ".count)) } ?? ""
            let organizationID = try api.state.organization(forKey: token).orThrow(.unauthorized)
            return try await action(organizationID, api.state.clock.timestamp)
        } catch let problem as SandboxProblem {
            return try SandboxResponses.json(["message": problem.message], status: problem.status)
        }
    }

    static func id(_ context: some RequestContext) throws -> LexofficeID {
        guard let text = context.parameters.get("id"), let id = try? LexofficeID(text) else {
            throw SandboxProblem.notFound("Voucher")
        }
        return id
    }

    static func decode<Body: Decodable>(_ type: Body.Type, from request: Request) async throws -> Body {
        let buffer = try await request.body.collect(upTo: 10 * 1024 * 1024)
        do {
            return try JSONDecoder().decode(type, from: Data(buffer: buffer))
        } catch {
            throw SandboxProblem(status: .badRequest, message: "The body is not a valid \(Body.self).")
        }
    }
}
