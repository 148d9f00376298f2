/// The invoicing period (BG-14) of an invoice: the period its goods or services were delivered in.
public struct InvoicingPeriod: Hashable, Sendable {
    /// The first day (BT-73), when stated.
    public var start: CalendarDate?
    /// The last day (BT-74), when stated.
    public var end: CalendarDate?

    /// A period; `nil` when neither day is stated.
    public init?(start: CalendarDate?, end: CalendarDate?) {
        guard start != nil || end != nil else { return nil }
        self.start = start
        self.end = end
    }
}
