import Foundation

/// An external program the integration tests start (moto_server, rclone), looked up on `PATH`.
enum ExternalTool {
    /// The executable `name` on `PATH`, or `nil` when it is not installed.
    static func path(_ name: String) -> URL? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        return folders.lazy
            .map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
}
