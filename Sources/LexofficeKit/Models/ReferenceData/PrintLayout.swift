/// A print layout for sales vouchers (`GET /v1/print-layouts`, part of the `INVOICING_PRO` feature).
public struct PrintLayout: Codable, Hashable, Sendable {
    /// The layout id, usable as a sales voucher's `printLayoutId`.
    public var id: LexofficeID
    /// The name the user gave it.
    public var name: String?
    /// Whether this is the organization's default, used when a voucher names no layout.
    public var `default`: Bool?

    /// Creates a print layout (simulators and tests).
    public init(id: LexofficeID, name: String? = nil, default: Bool? = nil) {
        self.id = id
        self.name = name
        self.default = `default`
    }
}
