import Foundation
import Logging

/// The log lines of `kontor` on standard error (where swift-log writes by default), in the format of swift-log's
/// `StreamLogHandler` (`time level label: key=value … [source] message`).
///
/// Unlike `StreamLogHandler`, which renders a logger's metadata to text each time a key is set, this renders it
/// only for a line that is written. The HTTP servers set a request id on a logger for every request and usually
/// log nothing, so that rendering cost 8 % of a sandbox request's CPU time.
struct ConsoleLogHandler: LogHandler {
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?
    private let label: String

    /// A handler for the logger named `label`.
    init(label: String, metadataProvider: Logger.MetadataProvider? = nil) {
        self.label = label
        self.metadataProvider = metadataProvider
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        // One write per line, so lines of concurrent loggers never interleave.
        FileHandle.standardError.write(Data(line(for: event, at: Self.timestamp()).utf8))
    }

    /// The text written for `event` at `time`, ending in a newline.
    func line(for event: LogEvent, at time: String) -> String {
        var effective = metadata
        if let provided = metadataProvider?.get() { effective.merge(provided) { _, new in new } }
        if let explicit = event.metadata { effective.merge(explicit) { _, new in new } }
        if let error = event.error {
            effective["error.message"] = "\(error)"
            effective["error.type"] = "\(String(reflecting: type(of: error)))"
        }
        let rendered = effective.sorted { $0.key < $1.key }.map { " \($0.key)=\($0.value)" }.joined()
        return "\(time) \(event.level) \(label):\(rendered) [\(event.source)] \(event.message)\n"
    }

    /// The local time as `2026-12-01T12:00:00+0100`.
    private static func timestamp() -> String {
        var now = time(nil)
        var parts = tm()
        guard localtime_r(&now, &parts) != nil else { return "<unknown>" }
        var buffer = [CChar](repeating: 0, count: 64)
        let length = strftime(&buffer, buffer.count, "%Y-%m-%dT%H:%M:%S%z", &parts)
        return String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
