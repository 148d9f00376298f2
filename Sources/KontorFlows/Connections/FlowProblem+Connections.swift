extension FlowProblem.Code {
    /// lexoffice refused the API key offered for a connection.
    package static let apiKeyRejected = Self("api-key-rejected")
    /// The lexoffice organization is already connected to another tenant (its webhooks could not be told apart).
    package static let organizationTaken = Self("organization-taken")
    /// lexoffice failed or refused while connecting (profile, token, event subscriptions).
    package static let lexofficeFailed = Self("lexoffice-failed")
}
