/// Why a console action did not happen, as a code of the catalogue's `problems` group (the page shows its text).
struct ConsoleFailure: Error {
    /// The catalogue key under `problems`, e.g. `bad-credentials`.
    var code: String
    /// The fields that are wrong (form field names), when the failure is about input.
    var fields: [String] = []
}

/// Sends the browser elsewhere (303 See Other): after a POST, or to the sign-in page.
struct ConsoleRedirect: Error {
    /// Where to: a path on this hub.
    var location: String
    /// `Set-Cookie` values to send along.
    var cookies: [String] = []
}
