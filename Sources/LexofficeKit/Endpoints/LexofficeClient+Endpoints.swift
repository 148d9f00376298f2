extension LexofficeClient {
    /// `/v1/articles`.
    public var articles: ArticlesEndpoint { ArticlesEndpoint(executor: executor) }
    /// `/v1/contacts`.
    public var contacts: ContactsEndpoint { ContactsEndpoint(executor: executor) }
    /// `/v1/credit-notes`.
    public var creditNotes: CreditNotesEndpoint { CreditNotesEndpoint(operations: operations("credit-notes")) }
    /// `/v1/delivery-notes`.
    public var deliveryNotes: DeliveryNotesEndpoint {
        DeliveryNotesEndpoint(operations: operations("delivery-notes"))
    }
    /// `/v1/down-payment-invoices`.
    public var downPaymentInvoices: DownPaymentInvoicesEndpoint {
        DownPaymentInvoicesEndpoint(operations: operations("down-payment-invoices"))
    }
    /// `/v1/dunnings`.
    public var dunnings: DunningsEndpoint { DunningsEndpoint(operations: operations("dunnings")) }
    /// `/v1/event-subscriptions`.
    public var eventSubscriptions: EventSubscriptionsEndpoint { EventSubscriptionsEndpoint(executor: executor) }
    /// `/v1/files`.
    public var files: FilesEndpoint { FilesEndpoint(executor: executor) }
    /// `/v1/invoices`.
    public var invoices: InvoicesEndpoint { InvoicesEndpoint(operations: operations("invoices")) }
    /// `/v1/order-confirmations`.
    public var orderConfirmations: OrderConfirmationsEndpoint {
        OrderConfirmationsEndpoint(operations: operations("order-confirmations"))
    }
    /// `/v1/quotations`.
    public var quotations: QuotationsEndpoint { QuotationsEndpoint(operations: operations("quotations")) }
    /// `/v1/recurring-templates`.
    public var recurringTemplates: RecurringTemplatesEndpoint { RecurringTemplatesEndpoint(executor: executor) }
    /// `/v1/voucherlist`.
    public var voucherList: VoucherListEndpoint { VoucherListEndpoint(executor: executor) }
    /// `/v1/vouchers`.
    public var vouchers: VouchersEndpoint { VouchersEndpoint(executor: executor) }

    private func operations<Document>(_ resource: String) -> SalesVoucherOperations<Document> {
        SalesVoucherOperations(executor: executor, resource: resource)
    }
}
