import LexofficeKit

/// The organization's own master data that lexoffice keeps in its settings rather than in the profile: address,
/// contact data, tax identifiers and the bank account printed in the layout footer.
///
/// XRechnung needs all of it when an e-invoice is finalized (`invoices.md`, "XRechnung"); the seller part of the
/// XML is written from it. Changed through `POST /_sandbox/profile`.
struct CompanyDetails: Codable, Sendable, Equatable {
    var street: String?
    var zip: String?
    var city: String?
    /// ISO 3166-1 alpha-2, e.g. `DE`.
    var countryCode: String?
    var phone: String?
    var email: String?
    /// The VAT id (USt-IdNr.), e.g. `DE123456789`.
    var vatRegistrationId: String?
    /// The German tax number (Steuernummer).
    var taxNumber: String?
    /// The bank account shown in the print layout's footer.
    var iban: String?

    /// The complete details a fresh sandbox organization has, so that XRechnung works out of the box.
    static func standard(email: String?) -> CompanyDetails {
        CompanyDetails(
            street: "Sandboxweg 1",
            zip: "10115",
            city: "Berlin",
            countryCode: "DE",
            phone: "+49 30 1234567",
            email: email ?? "buchhaltung@sandbox.example",
            vatRegistrationId: "DE123456789",
            taxNumber: nil,
            iban: "DE02120300000000202051"
        )
    }

    /// What an XRechnung finalization finds missing: company name, address with zip, city and country, phone,
    /// e-mail, a tax identifier (VAT id or tax number) and a bank account.
    func xRechnungFailures(companyName: String?) -> [ValidationFailure] {
        var failures: [ValidationFailure] = []
        func require(_ value: String?, _ field: String, _ what: String) {
            if (value ?? "").isEmpty {
                failures.append(.invalid("organization.\(field)", "XRechnung erfordert \(what) der Organisation"))
            }
        }
        require(companyName, "companyName", "den Firmennamen")
        require(zip, "zip", "die Postleitzahl")
        require(city, "city", "den Ort")
        require(countryCode, "countryCode", "das Land")
        require(phone, "phone", "die Telefonnummer")
        require(email, "email", "die E-Mail-Adresse")
        if (vatRegistrationId ?? "").isEmpty, (taxNumber ?? "").isEmpty {
            failures.append(
                .invalid("organization.vatRegistrationId", "XRechnung erfordert eine USt-IdNr. oder Steuernummer")
            )
        }
        require(iban, "iban", "eine Bankverbindung im Layout")
        return failures
    }
}
