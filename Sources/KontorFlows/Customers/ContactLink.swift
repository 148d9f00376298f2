import Foundation

/// A source customer's lexoffice contact, as linked by a transfer (or named by the source).
package struct ContactLink: Sendable, Equatable {
    /// The customer's id in the source application.
    package var sourceCustomerID: String
    /// The lexoffice contact.
    package var lexofficeContactID: String
    /// The customer number lexoffice assigned.
    package var customerNumber: String?

    /// A link.
    package init(sourceCustomerID: String, lexofficeContactID: String, customerNumber: String?) {
        self.sourceCustomerID = sourceCustomerID
        self.lexofficeContactID = lexofficeContactID
        self.customerNumber = customerNumber
    }
}
