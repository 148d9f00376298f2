/// How often a recurring template generates an invoice.
public struct ExecutionInterval: LexofficeEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Every week.
    public static let weekly: ExecutionInterval = "WEEKLY"
    /// Every two weeks.
    public static let biweekly: ExecutionInterval = "BIWEEKLY"
    /// Every month.
    public static let monthly: ExecutionInterval = "MONTHLY"
    /// Every three months.
    public static let quarterly: ExecutionInterval = "QUARTERLY"
    /// Every six months.
    public static let biannually: ExecutionInterval = "BIANNUALLY"
    /// Every year.
    public static let annually: ExecutionInterval = "ANNUALLY"

    public static let documentedValues: [ExecutionInterval] = [
        .weekly, .biweekly, .monthly, .quarterly, .biannually, .annually,
    ]
}
