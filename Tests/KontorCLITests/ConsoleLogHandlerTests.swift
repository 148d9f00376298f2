import Logging
import Testing

@testable import kontor

/// The lines `kontor` logs: swift-log's stream format, metadata rendered when a line is written.
struct ConsoleLogHandlerTests {
    @Test("a line carries time, level, label, the merged metadata sorted by key, source and message")
    func line() {
        var handler = ConsoleLogHandler(label: "kontor", metadataProvider: Logger.MetadataProvider { ["trace": "t1"] })
        handler[metadataKey: "hb.request.id"] = "42"
        handler[metadataKey: "tenant"] = "praxis-nord"
        let event = LogEvent(
            level: .warning,
            message: "callback refused",
            error: ConsoleLogTestError(),
            metadata: ["tenant": "override", "attempt": "3"],
            source: "KontorServer",
            file: #fileID,
            function: #function,
            line: #line
        )
        #expect(
            handler.line(for: event, at: "2026-12-01T12:00:00+0000")
                == "2026-12-01T12:00:00+0000 warning kontor: attempt=3 error.message=ConsoleLogTestError() "
                + "error.type=KontorCLITests.ConsoleLogTestError hb.request.id=42 tenant=override trace=t1 "
                + "[KontorServer] callback refused\n"
        )
    }

    @Test("without metadata the label is followed by the source")
    func bare() {
        let handler = ConsoleLogHandler(label: "kontor.sandbox")
        let event = LogEvent(
            level: .info,
            message: "listening",
            metadata: nil,
            source: "HummingbirdCore",
            file: #fileID,
            function: #function,
            line: #line
        )
        #expect(
            handler.line(for: event, at: "T") == "T info kontor.sandbox: [HummingbirdCore] listening\n"
        )
    }
}

/// The error a logged line names.
struct ConsoleLogTestError: Error {}
