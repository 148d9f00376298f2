/// Polls `condition` every 20 ms until it holds or `timeout` passes; returns whether it held.
///
/// Tests wrap it in `#expect` so a timeout is recorded at the call site. Never sleep to wait for something.
package func eventually(
    timeout: Duration = .seconds(5),
    _ condition: () async throws -> Bool
) async throws -> Bool {
    let deadline = ContinuousClock.now.advanced(by: timeout)
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try await Task.sleep(for: .milliseconds(20))
    }
    return try await condition()
}
