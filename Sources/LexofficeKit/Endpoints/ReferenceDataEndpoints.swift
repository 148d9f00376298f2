import NIOHTTP1

extension LexofficeClient {
    /// `GET /v1/countries`: supported country codes with their tax classification.
    public func countries() async throws -> [Country] {
        try await executor.send(LexofficeRequest(method: .GET, path: "countries"), decoding: [Country].self)
    }

    /// `GET /v1/payment-conditions`: the organization's payment condition templates.
    public func paymentConditions() async throws -> [PaymentCondition] {
        try await executor.send(
            LexofficeRequest(method: .GET, path: "payment-conditions"),
            decoding: [PaymentCondition].self
        )
    }

    /// `GET /v1/posting-categories`: categories for bookkeeping voucher items.
    public func postingCategories() async throws -> [PostingCategory] {
        try await executor.send(
            LexofficeRequest(method: .GET, path: "posting-categories"),
            decoding: [PostingCategory].self
        )
    }

    /// `GET /v1/print-layouts`: print layouts usable as `printLayoutId`.
    public func printLayouts() async throws -> [PrintLayout] {
        try await executor.send(LexofficeRequest(method: .GET, path: "print-layouts"), decoding: [PrintLayout].self)
    }

    /// `GET /v1/profile`: the connected organization and connection.
    public func profile() async throws -> Profile {
        try await executor.send(LexofficeRequest(method: .GET, path: "profile"), decoding: Profile.self)
    }

    /// `GET /v1/ping`: checks the credential; returns the connected user's e-mail.
    public func ping() async throws -> Ping {
        try await executor.send(LexofficeRequest(method: .GET, path: "ping"), decoding: Ping.self)
    }

    /// `GET /v1/payments/{voucherId}`: the payment status of a voucher (read-only).
    /// - Throws: ``LexofficeError/Code/validationFailed`` (406) for drafts and vouchers without payment data.
    public func payments(ofVoucher voucherID: LexofficeID) async throws -> Payment {
        try await executor.send(LexofficeRequest(method: .GET, path: "payments/\(voucherID)"), decoding: Payment.self)
    }
}
