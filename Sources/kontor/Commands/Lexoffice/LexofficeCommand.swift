import ArgumentParser

/// `kontor lexoffice …`: the lexoffice module catalogue on the shell, built on LexofficeKit.
struct LexofficeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lexoffice",
        abstract: "Call lexoffice (or a sandbox): contacts, articles, vouchers, documents, files, events and more.",
        discussion: """
            Credentials: --api-key, --api-key-file or LEXOFFICE_API_KEY. Target: --base-url, or --sandbox for a \
            local `kontor sandbox`. Tables by default, --json for scripts. Exit codes: 0 ok, 2 usage error, \
            3 lexoffice error, 4 network error.
            """,
        subcommands: [
            ContactsCommand.self, ArticlesCommand.self, VouchersCommand.self,
            SalesVoucherCommand<InvoiceKind>.self, SalesVoucherCommand<CreditNoteKind>.self,
            SalesVoucherCommand<QuotationKind>.self, SalesVoucherCommand<OrderConfirmationKind>.self,
            SalesVoucherCommand<DeliveryNoteKind>.self, SalesVoucherCommand<DunningKind>.self,
            SalesVoucherCommand<DownPaymentInvoiceKind>.self, RecurringTemplatesCommand.self, FilesCommand.self,
            PaymentsCommand.self,
            EventsCommand.self, ProfileCommand.self, PingCommand.self, CountriesCommand.self,
            PaymentConditionsCommand.self, PostingCategoriesCommand.self, PrintLayoutsCommand.self, APICommand.self,
        ]
    )
}
