import LexofficeKit
import Testing

/// Trimming the optional whitespace around a header value, and reading the credentials of an `Authorization` value.
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

    @Test(
        "credentials follow their scheme in any letter case; another scheme or no space after it is nil",
        arguments: [
            ("Bearer kt_abc", "kt_abc"), ("bearer kt_abc", "kt_abc"), ("BEARER  kt_abc\t", "kt_abc"),
            ("Bearer ", ""), ("Bearerkt_abc", nil), ("Bearer", nil), ("Basic kt_abc", nil), ("", nil),
            ("Bäarer kt_abc", nil),
        ] as [(String, String?)]
    )
    func credentials(header: String, expected: String?) {
        #expect(header.credentials(afterScheme: "Bearer").map(String.init) == expected)
    }
}
