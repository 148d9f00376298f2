/// More realistic request bodies, for the lexoffice mapping.
enum SourceInvoiceMoreSamples {
    /// A vat-free invoice (Steuerfrei) to a company, payable at once; one quantity with a fraction of a cent.
    static let vatFreeInvoice = #"""
        {
          "number": "KU-2026-007",
          "date": "2026-10-30",
          "paymentTermDays": 0,
          "taxType": "vatfree",
          "status": "finalized",
          "title": "Rechnung",
          "remark": "Gemäß § 19 UStG wird keine Umsatzsteuer berechnet.",
          "customer": {
            "sourceId": "K-2001",
            "company": { "name": "Buchhandlung Seeblick e.K." },
            "address": { "street": "Uferweg 12", "zip": "78462", "city": "Konstanz", "countryCode": "DE" },
            "email": "einkauf@seeblick.example"
          },
          "lineItems": [
            {
              "name": "Lesung mit Signierstunde",
              "quantity": 3,
              "unitName": "Stunde",
              "unitPrice": { "net": 45 },
              "taxRatePercent": 0
            },
            {
              "name": "Fahrtkosten",
              "description": "Pauschale je Kilometer",
              "quantity": 1.5,
              "unitName": "km",
              "unitPrice": { "net": 19.99 },
              "taxRatePercent": 0
            }
          ]
        }
        """#

    /// A net invoice to a company that stays an inline address (no contact), with a line discount and no payment
    /// term; the lines of the worked example in `totals-and-rounding.md`.
    static let inlineAddressInvoice = #"""
        {
          "number": "W-5120",
          "date": "2026-07-15",
          "taxType": "net",
          "status": "finalized",
          "customer": {
            "sourceId": "laufkunde-17",
            "company": { "name": "Muster Werkstatt GmbH" },
            "address": {
              "supplement": "Halle 3",
              "street": "Hafenweg 3",
              "zip": "28195",
              "city": "Bremen",
              "countryCode": "DE"
            }
          },
          "lineItems": [
            { "name": "Filter", "quantity": 3, "unitName": "Stück", "unitPrice": { "net": 19.99 }, "taxRatePercent": 19 },
            {
              "name": "Dichtungssatz",
              "quantity": 1,
              "unitName": "Stück",
              "unitPrice": { "net": 4.99 },
              "taxRatePercent": 19,
              "discountPercent": 10
            },
            {
              "name": "Fachzeitschrift",
              "quantity": 2.5,
              "unitName": "Stück",
              "unitPrice": { "net": 12.40 },
              "taxRatePercent": 7
            }
          ]
        }
        """#
}
