/// The `Set-Cookie` values of the console: `HttpOnly`, `SameSite=Lax`, `Secure` when the hub is served over TLS.
struct ConsoleCookie: Sendable {
    /// Whether cookies get `Secure` (the public base URL is https).
    let isSecure: Bool

    /// A cookie for the console's paths that ends with the browser session.
    func set(_ name: String, _ value: String) -> String {
        "\(name)=\(value); Path=/ui; HttpOnly; SameSite=Lax" + (isSecure ? "; Secure" : "")
    }

    /// A cookie the browser keeps for a year (the language).
    func lasting(_ name: String, _ value: String) -> String {
        set(name, value) + "; Max-Age=31536000"
    }

    /// Removes a cookie.
    func clear(_ name: String) -> String {
        "\(name)=; Path=/ui; Max-Age=0; HttpOnly; SameSite=Lax" + (isSecure ? "; Secure" : "")
    }
}
