import Foundation

/// The e-invoice samples in `Tests/Fixtures/einvoice-samples/`, found relative to this file so that a fresh clone
/// finds them too.
enum Samples {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // EInvoiceKitTests
        .deletingLastPathComponent()  // Tests
        .appendingPathComponent("Fixtures/einvoice-samples")

    /// The bytes of a sample, by its path below the samples folder (`cii/EN16931_Einfach.cii.xml`).
    static func data(_ path: String) throws -> Data {
        try Data(contentsOf: directory.appendingPathComponent(path))
    }

    /// A sample's text, for tests that tamper with it.
    static func text(_ path: String) throws -> String {
        String(decoding: try data(path), as: UTF8.self)
    }

    /// Every sample document (XML and PDF), as paths below the samples folder.
    static func allPaths() throws -> [String] {
        try ["cii", "ubl", "zugferd-pdf"].flatMap { folder in
            try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent(folder).path)
                .filter { $0.hasSuffix(".xml") || $0.hasSuffix(".pdf") }
                .map { "\(folder)/\($0)" }
        }.sorted()
    }
}
