import Foundation
import KontorCore

/// Realistic request bodies as source applications send them.
enum SourceInvoiceSamples {
    /// A finalized net invoice to a company: two tax rates, a line discount and a total discount, XRechnung data.
    static let companyInvoice = #"""
        {
          "number": "R-2026-0042",
          "date": "2026-03-10",
          "paymentTermDays": 14,
          "taxType": "net",
          "status": "finalized",
          "title": "Rechnung",
          "introduction": "Wir berechnen Ihnen folgende Leistungen:",
          "remark": "Vielen Dank für Ihren Auftrag!",
          "currency": "EUR",
          "customer": {
            "sourceId": "K-1007",
            "company": {
              "name": "Radhaus Nord GmbH",
              "vatRegistrationId": "DE123456789",
              "taxNumber": "22/815/08154"
            },
            "address": {
              "supplement": "Tor 2",
              "street": "Lindenallee 7",
              "zip": "22041",
              "city": "Hamburg",
              "countryCode": "DE"
            },
            "email": "rechnung@radhaus-nord.example",
            "phone": "040 1234560",
            "buyerReference": "04011000-12345-67",
            "vendorNumberAtCustomer": "L-4711"
          },
          "lineItems": [
            {
              "name": "Wartung Hydraulik",
              "description": "Vor Ort in Bremen, inklusive Anfahrt.",
              "quantity": 2.5,
              "unitName": "Stunde",
              "unitPrice": { "net": 85.0 },
              "taxRatePercent": 19,
              "discountPercent": 10
            },
            {
              "name": "Fachbuch Hydraulik",
              "quantity": 1,
              "unitName": "Stück",
              "unitPrice": { "net": 39.9 },
              "taxRatePercent": 7
            }
          ],
          "totalDiscountPercent": 2.5
        }
        """#

    /// A gross draft to a private person with a due date; optional members absent or `null`.
    static let personInvoice = #"""
        {
          "number": "2026-118",
          "date": "2026-04-01",
          "dueDate": "2026-04-15",
          "paymentTermDays": null,
          "taxType": "gross",
          "status": "draft",
          "title": null,
          "customer": {
            "sourceId": "privat-88",
            "lexofficeContactId": null,
            "person": { "salutation": "Frau", "firstName": "Jana", "lastName": "Keller" },
            "address": { "street": "Hafenstraße 1", "zip": "22043", "city": "Hamburg", "countryCode": "DE" },
            "email": null
          },
          "lineItems": [
            {
              "name": "Fahrradinspektion",
              "quantity": 1,
              "unitName": "Pauschal",
              "unitPrice": { "gross": 89.0 },
              "taxRatePercent": 19
            },
            {
              "name": "Montage",
              "quantity": 0.5,
              "unitName": "Stunde",
              "unitPrice": { "gross": 64.2 },
              "taxRatePercent": 7,
              "discountPercent": null
            }
          ]
        }
        """#

    /// Decodes a body the way the hub does, with a plain `JSONDecoder`.
    static func decode(_ body: String) throws -> SourceInvoice {
        try JSONDecoder().decode(SourceInvoice.self, from: Data(body.utf8))
    }
}
