/// A VAT category (BT-118, BT-151, BT-95, BT-102) as a UNTDID 5305 code; unknown codes are kept as they are.
public struct TaxCategory: Hashable, Sendable, CustomStringConvertible {
    /// The code as written in the document, e.g. `S`.
    public let rawValue: String

    /// Wraps a UNTDID 5305 code.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// Standard rate (S).
    public static let standard = TaxCategory("S")
    /// Zero rated goods (Z).
    public static let zeroRated = TaxCategory("Z")
    /// Exempt from tax (E).
    public static let exempt = TaxCategory("E")
    /// VAT reverse charge (AE), e.g. §13b UStG.
    public static let reverseCharge = TaxCategory("AE")
    /// Intra-community supply, VAT exempt for EEA (K).
    public static let intraCommunity = TaxCategory("K")
    /// Free export item, tax not charged (G).
    public static let export = TaxCategory("G")
    /// Services outside scope of tax (O).
    public static let outsideScope = TaxCategory("O")
    /// Canary Islands general indirect tax (L).
    public static let canaryIslands = TaxCategory("L")
    /// Tax for production, services and importation in Ceuta and Melilla (M).
    public static let ceutaMelilla = TaxCategory("M")

    public var description: String { rawValue }
}
