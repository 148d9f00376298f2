/// The hub-wide forwarding settings (the seed's one "Aktiv" switch for every client company) and the drop folder.
///
/// ## Configuration keys
/// - `forwarding.active` (bool, optional, default `true`; env `KONTOR_FORWARDING_ACTIVE`): `false` stops forwarding
///   for every tenant at once. Documents are still received and stay `pending`; started with the switch on again,
///   the hub forwards what waited.
/// - `forwarding.dropfolder.dir` (string, optional): the root of the tenants' drop folders (``DropFolder``); none
///   without it.
/// - `forwarding.dropfolder.poll.seconds` (number, default `5`, 1–3600): how often the drop folders are polled.
package struct ForwardingConfiguration: Sendable, Equatable {
    /// Whether documents are forwarded at all.
    package var isActive: Bool
    /// The root of the tenants' drop folders, if any.
    package var dropFolder: String?
    /// How often the drop folders are polled.
    package var dropFolderInterval: Duration

    /// The settings; forwarding is on by default, without drop folders.
    package init(isActive: Bool = true, dropFolder: String? = nil, dropFolderInterval: Duration = .seconds(5)) {
        self.isActive = isActive
        self.dropFolder = dropFolder
        self.dropFolderInterval = dropFolderInterval
    }
}
