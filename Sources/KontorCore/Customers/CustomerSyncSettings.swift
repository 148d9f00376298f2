import Foundation

/// Which way a tenant's customers are synced.
package enum CustomerSyncDirection: String, Sendable, Codable, CaseIterable {
    /// Both ways: the source's customers into lexoffice, lexoffice's changes onto the feed.
    case both
    /// Only the source's customers into lexoffice.
    case toLexoffice
    /// Only lexoffice's changes onto the feed for the source.
    case fromLexoffice
}

/// Which side's value a member keeps when both sides changed it differently.
package enum CustomerConflictPolicy: String, Sendable, Codable, CaseIterable {
    /// lexoffice's value (the default: lexoffice is where the accountant works).
    case lexofficeWins
    /// The source's value.
    case sourceWins
    /// The value of the side changed last.
    case newestWins
}

/// How a source customer is matched to an existing lexoffice contact before one is created.
package enum CustomerMatching: String, Sendable, Codable, CaseIterable {
    /// The source's customer number equals lexoffice's.
    case customerNumber
    /// The business e-mail address equals one of the contact's.
    case email
    /// The company's or person's name is exactly the contact's.
    case name
}

/// A tenant's customer sync settings.
package struct CustomerSyncSettings: Sendable, Codable, Equatable {
    /// Whether customers are synced.
    package var active: Bool
    /// Changes before this moment are not synced; `nil`: since the sync was activated.
    package var activeSince: Date?
    /// Which way.
    package var direction: CustomerSyncDirection
    /// Whose value wins a conflict.
    package var conflictPolicy: CustomerConflictPolicy
    /// The ways a source customer is matched to an existing contact, in order; empty: never matched, always created.
    package var matching: [CustomerMatching]

    /// Settings; by default inactive, both ways, lexoffice wins, matched by customer number, e-mail, then name.
    package init(
        active: Bool = false,
        activeSince: Date? = nil,
        direction: CustomerSyncDirection = .both,
        conflictPolicy: CustomerConflictPolicy = .lexofficeWins,
        matching: [CustomerMatching] = CustomerMatching.allCases
    ) {
        self.active = active
        self.activeSince = activeSince
        self.direction = direction
        self.conflictPolicy = conflictPolicy
        self.matching = matching
    }

    /// Whether the source's customers go to lexoffice.
    package var sendsToLexoffice: Bool { active && direction != .fromLexoffice }

    /// Whether lexoffice's changes go on the change feed for the source.
    package var takesLexofficeChanges: Bool { active && direction != .toLexoffice }
}
