/// The hub-wide forwarding settings (the seed's one "Aktiv" switch for every client company).
///
/// ## Configuration keys
/// - `forwarding.active` (bool, optional, default `true`; env `KONTOR_FORWARDING_ACTIVE`): `false` stops forwarding
///   for every tenant at once. Documents are still received and stay `pending`; started with the switch on again,
///   the hub forwards what waited.
package struct ForwardingConfiguration: Sendable, Equatable {
    /// Whether documents are forwarded at all.
    package var isActive: Bool

    /// The settings; forwarding is on by default.
    package init(isActive: Bool = true) {
        self.isActive = isActive
    }
}
