import LexofficeKit
import Testing

/// Trimming the optional whitespace around a header value.
struct HeaderWhitespaceTests {
    @Test(
        "spaces and tabs go at both ends, nothing else does",
        arguments: [
            ("  key ", "key"), ("\tkey\t", "key"), ("key", "key"), ("a b", "a b"), ("   ", ""), ("", ""),
            (" Müller-Lüdenscheidt ", "Müller-Lüdenscheidt"), ("\u{00A0}x\u{00A0}", "\u{00A0}x\u{00A0}"),
            ("\nkey\n", "\nkey\n"),
        ]
    )
    func trims(input: String, expected: String) {
        #expect(String(input.trimmingHeaderWhitespace) == expected)
        #expect(String(input[...].trimmingHeaderWhitespace) == expected)
    }
}
