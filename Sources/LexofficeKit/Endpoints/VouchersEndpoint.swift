import NIOHTTP1

/// `/v1/vouchers`: bookkeeping vouchers (revenue, expense and their reductions) and their receipt files.
public struct VouchersEndpoint: Sendable {
    let executor: RequestExecutor

    /// Creates a bookkeeping voucher (`open`, or `unchecked` for incomplete data).
    /// - Throws: ``LexofficeError/Code/validationFailed`` (406, e.g. `invalid_total_amount`);
    ///   ``LexofficeError/Code/outcomeUnknown`` after a 504 or lost connection — look the voucher up by its
    ///   `voucherNumber` before creating it again.
    public func create(_ voucher: Voucher) async throws -> ActionResult {
        try await executor.send(.json(.POST, "vouchers", body: voucher), decoding: ActionResult.self)
    }

    /// Reads a bookkeeping voucher.
    public func get(_ id: LexofficeID) async throws -> Voucher {
        try await executor.send(LexofficeRequest(method: .GET, path: "vouchers/\(id)"), decoding: Voucher.self)
    }

    /// Replaces a voucher; `voucher.version` must be current. File ids left out of `files` are deleted.
    public func update(_ voucher: Voucher, id: LexofficeID) async throws -> ActionResult {
        try await executor.send(.json(.PUT, "vouchers/\(id)", body: voucher), decoding: ActionResult.self)
    }

    /// Vouchers with an exact voucher number (deprecated by lexoffice; prefer the voucherlist filter).
    public func page(voucherNumber: String, page: PageRequest) async throws -> Page<Voucher> {
        try await executor.page("vouchers", query: try Self.numberQuery(voucherNumber), request: page)
    }

    /// All pages of vouchers with an exact voucher number.
    public func pages(voucherNumber: String, pageSize: Int = PageRequest.maxSize) throws -> PageSequence<Voucher> {
        try executor.pages("vouchers", query: try Self.numberQuery(voucherNumber), pageSize: pageSize)
    }

    /// Attaches a receipt (PDF, JPG, PNG, XML; ≤ 5 MB) to a voucher. The same content uploaded twice returns
    /// the id of the existing file.
    /// - Throws: ``LexofficeError/Code/invalidArgument`` before sending for a file that is too large.
    public func attachFile(_ file: FileUpload, to voucherID: LexofficeID) async throws -> FileUploadResult {
        try await executor.upload(file, to: "vouchers/\(voucherID)/files", fields: [])
    }

    private static func numberQuery(_ voucherNumber: String) throws -> [QueryParameter] {
        guard !voucherNumber.isEmpty else {
            throw LexofficeError.invalidArgument(field: "voucherNumber", detail: "the voucher number filter is empty")
        }
        return [QueryParameter(name: "voucherNumber", value: voucherNumber, isSearchText: true)]
    }
}
