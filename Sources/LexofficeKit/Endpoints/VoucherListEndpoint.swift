/// `GET /v1/voucherlist`: metadata of all kinds of vouchers, the only way to list sales vouchers.
public struct VoucherListEndpoint: Sendable {
    let executor: RequestExecutor

    /// One page of the voucherlist.
    /// - Throws: ``LexofficeError/Code/invalidArgument`` before sending for a bad filter or page.
    public func page(
        _ filter: VoucherListFilter,
        sort: ListSort<VoucherListSortProperty>? = nil,
        page: PageRequest
    ) async throws -> Page<VoucherListItem> {
        try await executor.page("voucherlist", query: Self.query(filter, sort), request: page)
    }

    /// All pages of the voucherlist, fetched as they are consumed.
    public func pages(
        _ filter: VoucherListFilter,
        sort: ListSort<VoucherListSortProperty>? = nil,
        pageSize: Int = PageRequest.maxSize
    ) throws -> PageSequence<VoucherListItem> {
        try executor.pages("voucherlist", query: Self.query(filter, sort), pageSize: pageSize)
    }

    private static func query(
        _ filter: VoucherListFilter,
        _ sort: ListSort<VoucherListSortProperty>?
    ) throws -> [QueryParameter] {
        try filter.queryParameters() + (sort.map { [$0.queryParameter] } ?? [])
    }
}
