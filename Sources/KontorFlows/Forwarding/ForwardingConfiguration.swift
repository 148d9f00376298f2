import Foundation

/// The hub-wide forwarding settings read at start: the initial value of the hub-wide switch and the drop folder.
///
/// The switch itself lives in the database (``HubForwardingSwitch``) and is changed at runtime with
/// `PUT /api/v1/forwarding` or in the console; `forwarding.active` only seeds it.
///
/// ## Configuration keys
/// - `forwarding.active` (bool, optional; env `KONTOR_FORWARDING_ACTIVE`): the hub-wide switch's value when the
///   database holds none yet (its first start with forwarding; without the key: on). Once stored, the stored value
///   holds: a configured value that differs from it is logged as a warning at start and otherwise ignored.
/// - `forwarding.dropfolder.dir` (string, optional): the root of the tenants' drop folders (``DropFolder``); none
///   without it. A tenant's own drop folder (its forwarding settings) is polled either way.
/// - `forwarding.dropfolder.allowed` (string, optional): comma-separated absolute folders below which tenants' own
///   drop folders may lie (``DropFolderPolicy``); without it tenants cannot have folders of their own.
/// - `forwarding.dropfolder.poll.seconds` (number, default `5`, 1–3600): how often the drop folders are polled.
package struct ForwardingConfiguration: Sendable, Equatable {
    /// The configured initial value of the hub-wide switch; `nil` when the configuration does not name one.
    package var initiallyActive: Bool?
    /// The root of the tenants' drop folders, if any.
    package var dropFolder: String?
    /// How often the drop folders are polled.
    package var dropFolderInterval: Duration
    /// The folders below which tenants' own drop folders may lie.
    package var allowedDropFolders: [String]

    /// The settings; without a configured switch value, without a drop folder root, without folders of tenants' own.
    package init(
        initiallyActive: Bool? = nil,
        dropFolder: String? = nil,
        dropFolderInterval: Duration = .seconds(5),
        allowedDropFolders: [String] = []
    ) {
        self.initiallyActive = initiallyActive
        self.dropFolder = dropFolder
        self.dropFolderInterval = dropFolderInterval
        self.allowedDropFolders = allowedDropFolders
    }

    /// The policy for tenants' own drop folders on a hub whose data folder is `dataFolder` (an absolute path).
    package func dropFolderPolicy(dataFolder: String) -> DropFolderPolicy {
        let sharedRoot = dropFolder.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        return DropFolderPolicy(
            allowedRoots: allowedDropFolders,
            reserved: [dataFolder] + (sharedRoot.map { [$0] } ?? [])
        )
    }
}
