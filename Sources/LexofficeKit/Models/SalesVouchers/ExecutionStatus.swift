/// Whether a recurring template still generates invoices (there is no error state; see `lastExecutionFailed`).
public struct ExecutionStatus: LexofficeEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Invoices are generated on schedule.
    public static let active: ExecutionStatus = "ACTIVE"
    /// Paused, e.g. because `startDate` is `null`.
    public static let paused: ExecutionStatus = "PAUSED"
    /// The series is over (`endDate` passed).
    public static let ended: ExecutionStatus = "ENDED"

    public static let documentedValues: [ExecutionStatus] = [.active, .paused, .ended]
}
