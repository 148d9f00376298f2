import LexofficeKit

extension LexofficeClient {
    /// The oldest bookkeeping voucher of `type` numbered `number` that is not already the result of another of the
    /// tenant's steps (`isRecorded`), or `nil`: how a voucher create in doubt is looked up before it is sent again
    /// (DESIGN.md §5).
    func unrecordedVoucher(
        of type: VoucherType,
        numbered number: String,
        isRecorded: @escaping @Sendable (LexofficeID) async throws -> Bool
    ) async throws -> LexofficeID? {
        let candidates = try voucherList.pages(
            VoucherListFilter(voucherTypes: .only([type]), voucherStatuses: .any, voucherNumber: number),
            sort: .ascending(.createdDate)
        ).elements
        for try await candidate in candidates where try await !isRecorded(candidate.id) {
            return candidate.id
        }
        return nil
    }
}
