/// The schedule of a recurring template (read-only: the API cannot change it).
///
/// Dates are plain days (`yyyy-MM-dd`). Lexware runs due templates nightly from 03:00 German time.
public struct RecurringTemplateSettings: Codable, Hashable, Sendable {
    /// The settings' id.
    public var id: LexofficeID?
    /// The date of the first invoice; `nil` pauses the template.
    public var startDate: PlainDate?
    /// The end of the series, `nil` for an open end.
    public var endDate: PlainDate?
    /// Whether invoices are finalized (`open`) and e-mailed to the customer automatically, rather than drafts.
    public var finalize: Bool?
    /// The shipping type of each generated invoice; its dates are computed at execution.
    public var shippingType: ShippingType?
    /// Whether each invoice covers the period before its date, e.g. the previous month (since 21.08.2025).
    public var retroactiveInvoice: Bool?
    /// How often an invoice is generated.
    public var executionInterval: ExecutionInterval?
    /// The date of the next run.
    public var nextExecutionDate: PlainDate?
    /// Whether the last run failed.
    public var lastExecutionFailed: Bool?
    /// A short reason for the last failure, `nil` when the last run succeeded.
    public var lastExecutionErrorMessage: String?
    /// Whether the series is active, paused or ended.
    public var executionStatus: ExecutionStatus?

    /// Creates settings (simulators and tests).
    public init(
        id: LexofficeID? = nil,
        startDate: PlainDate? = nil,
        endDate: PlainDate? = nil,
        finalize: Bool? = nil,
        shippingType: ShippingType? = nil,
        retroactiveInvoice: Bool? = nil,
        executionInterval: ExecutionInterval? = nil,
        nextExecutionDate: PlainDate? = nil,
        lastExecutionFailed: Bool? = nil,
        lastExecutionErrorMessage: String? = nil,
        executionStatus: ExecutionStatus? = nil
    ) {
        self.id = id
        self.startDate = startDate
        self.endDate = endDate
        self.finalize = finalize
        self.shippingType = shippingType
        self.retroactiveInvoice = retroactiveInvoice
        self.executionInterval = executionInterval
        self.nextExecutionDate = nextExecutionDate
        self.lastExecutionFailed = lastExecutionFailed
        self.lastExecutionErrorMessage = lastExecutionErrorMessage
        self.executionStatus = executionStatus
    }
}
