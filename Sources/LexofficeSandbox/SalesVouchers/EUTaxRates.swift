import Foundation

/// The VAT rates of the other EU member states, which sales vouchers may use only for distance sales or
/// electronic services to consumers there (`taxSubType`) when the organization taxes at destination.
///
/// lexoffice does not publish its table. This one holds each state's standard and reduced rates of 2024 to 2026;
/// where a state changed a rate in that time (Estonia, Finland, Romania, Slovakia, Czechia, Luxembourg) both the
/// old and the new rate are accepted, so documents dated either side of the change pass.
enum EUTaxRates {
    /// The valid rates in percent per ISO 3166-1 alpha-2 code; `0` is always valid, as it is in Germany.
    static func rates(for countryCode: String) -> Set<Decimal>? {
        table[countryCode].map { Set($0.compactMap { Decimal(string: $0) } + [0]) }
    }

    private static let table: [String: [String]] = [
        "AT": ["20", "13", "10"],
        "BE": ["21", "12", "6"],
        "BG": ["20", "9"],
        "CY": ["19", "9", "5", "3"],
        "CZ": ["21", "15", "12", "10"],
        "DK": ["25"],
        "EE": ["24", "22", "13", "9", "5"],
        "ES": ["21", "10", "5", "4"],
        "FI": ["25.5", "24", "14", "13.5", "10"],
        "FR": ["20", "10", "5.5", "2.1"],
        "GR": ["24", "13", "6"],
        "HR": ["25", "13", "5"],
        "HU": ["27", "18", "5"],
        "IE": ["23", "13.5", "9", "4.8"],
        "IT": ["22", "10", "5", "4"],
        "LT": ["21", "12", "9", "5"],
        "LU": ["17", "16", "14", "13", "8", "7", "3"],
        "LV": ["21", "12", "5"],
        "MT": ["18", "12", "7", "5"],
        "NL": ["21", "9"],
        "PL": ["23", "8", "5"],
        "PT": ["23", "13", "6"],
        "RO": ["21", "19", "11", "9", "5"],
        "SE": ["25", "12", "6"],
        "SI": ["22", "9.5", "5"],
        "SK": ["23", "20", "19", "10", "5"],
    ]
}
