import Foundation
import LexofficeKit
import LexofficeSandbox
import Testing

@testable import kontor

/// `kontor lexoffice invoices|credit-notes|… get|render|download` and `payments get` against an in-process sandbox.
@Suite(.timeLimit(.minutes(1)))
struct SalesVoucherCommandTests {
    /// Creates a sales voucher from a documented sample with `kontor lexoffice api`; returns its id.
    ///
    /// The sample's recipient becomes an address without a contact, as the sandbox knows none of the samples'.
    private static func create(
        _ resource: String,
        from fixture: String,
        finalize: Bool,
        in sandbox: SandboxServer
    ) async throws -> String {
        let sample = try LexofficeJSON.decode(
            JSONValue.self,
            from: try Data(contentsOf: URL(fileURLWithPath: TestSandbox.fixture(fixture)))
        )
        let recipient = try LexofficeJSON.decode(
            JSONValue.self,
            from: Data(#"{"address": {"contactId": null, "name": "Muster GmbH", "countryCode": "DE"}}"#.utf8)
        )
        let run = await CLIRun.kontor(
            ["lexoffice", "api", "POST", resource, "--data", "-"] + (finalize ? ["-q", "finalize=true"] : [])
                + sandbox.flags,
            input: try LexofficeJSON.encode(sample.merged(with: recipient))
        )
        #expect(run.status == 0, "\(run.errors)")
        return try #require(try run.json()["id"]?.stringValue)
    }

    private static func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID())-\(name)").path
    }

    @Test("get, render and download a finalized invoice, and read its payments")
    func invoice() async throws {
        try await TestSandbox.run { sandbox in
            let id = try await Self.create("invoices", from: "invoice-create-minimal.json", finalize: true, in: sandbox)

            let invoice = try await CLIRun.kontor(["lexoffice", "invoices", "get", id, "--json"] + sandbox.flags).json()
            #expect(invoice["voucherStatus"]?.stringValue == "open")
            #expect(invoice["address"]?["name"]?.stringValue == "Muster GmbH")
            let table = await CLIRun.kontor(["lexoffice", "invoices", "get", id] + sandbox.flags)
            #expect(table.output.contains("address.name"))
            #expect(table.output.contains("Muster GmbH"))

            let rendered = try await CLIRun.kontor(["lexoffice", "invoices", "render", id, "--json"] + sandbox.flags)
                .json()
            #expect(rendered["documentFileId"]?.stringValue != nil)
            let renderedPath = Self.temporaryPath("rendered.pdf")
            defer { try? FileManager.default.removeItem(atPath: renderedPath) }
            let renderedFile = await CLIRun.kontor(
                ["lexoffice", "invoices", "render", id, "-o", renderedPath] + sandbox.flags
            )
            #expect(renderedFile.status == 0, "\(renderedFile.errors)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: renderedPath)).starts(with: Data("%PDF".utf8)))

            let downloadPath = Self.temporaryPath("invoice.pdf")
            defer { try? FileManager.default.removeItem(atPath: downloadPath) }
            let download = await CLIRun.kontor(
                ["lexoffice", "invoices", "download", id, "--output", downloadPath, "--format", "pdf", "--json"]
                    + sandbox.flags
            )
            let summary = try download.json()
            #expect(summary["path"]?.stringValue == downloadPath)
            #expect(summary["contentType"]?.stringValue == "application/pdf")
            let toStandardOutput = await CLIRun.kontor(
                ["lexoffice", "invoices", "download", id, "-o", "-"] + sandbox.flags
            )
            #expect(toStandardOutput.output.hasPrefix("%PDF"))
            let raw = await CLIRun.kontor(
                ["lexoffice", "api", "GET", "invoices/\(id)/file", "--accept", "application/pdf"] + sandbox.flags
            )
            #expect(raw.output == toStandardOutput.output, "api passes a PDF through byte for byte")

            let payment = try await CLIRun.kontor(["lexoffice", "payments", "get", id, "--json"] + sandbox.flags).json()
            #expect(payment["paymentStatus"]?.stringValue == "openRevenue")
            #expect(payment["openAmount"] == .number(Decimal(string: "202.3")!))
        }
    }

    @Test("a draft has no file (409), cannot be rendered (406) and has no payments (406)")
    func draft() async throws {
        try await TestSandbox.run { sandbox in
            let id = try await Self.create(
                "invoices",
                from: "invoice-create-minimal.json",
                finalize: false,
                in: sandbox
            )
            let download = await CLIRun.kontor(["lexoffice", "invoices", "download", id] + sandbox.flags)
            #expect(download.status == 3)
            #expect(download.errors.contains("HTTP 409"))
            let render = await CLIRun.kontor(["lexoffice", "invoices", "render", id] + sandbox.flags)
            #expect(render.status == 3)
            #expect(render.errors.contains("HTTP 406"))
            let payments = await CLIRun.kontor(["lexoffice", "payments", "get", id] + sandbox.flags)
            #expect(payments.status == 3)
            #expect(payments.errors.contains("HTTP 406"))
        }
    }

    @Test(
        "the other sales voucher types: create from the sample, get and download",
        arguments: [
            ("credit-notes", "credit-note-create.json"), ("quotations", "quotation-create.json"),
            ("order-confirmations", "order-confirmation-create.json"),
            ("delivery-notes", "delivery-note-create.json"),
        ]
    )
    func otherTypes(resource: String, fixture: String) async throws {
        try await TestSandbox.run { sandbox in
            let id = try await Self.create(resource, from: fixture, finalize: true, in: sandbox)
            let document = try await CLIRun.kontor(["lexoffice", resource, "get", id, "--json"] + sandbox.flags).json()
            #expect(document["id"]?.stringValue == id)
            let path = Self.temporaryPath("\(resource).pdf")
            defer { try? FileManager.default.removeItem(atPath: path) }
            let download = await CLIRun.kontor(["lexoffice", resource, "download", id, "-o", path] + sandbox.flags)
            #expect(download.status == 0, "\(download.errors)")
            #expect(download.output.hasPrefix("wrote \(path)"))
        }
    }

    @Test(
        "every sales voucher type answers an unknown id with 404 (exit 3)",
        arguments: [
            "invoices", "credit-notes", "quotations", "order-confirmations", "delivery-notes", "dunnings",
            "down-payment-invoices",
        ]
    )
    func unknown(resource: String) async throws {
        try await TestSandbox.run { sandbox in
            let run = await CLIRun.kontor(
                ["lexoffice", resource, "get", UUID().uuidString.lowercased()] + sandbox.flags
            )
            #expect(run.status == 3)
            #expect(run.errors.contains("not-found (HTTP 404)"))
        }
    }

    @Test("down payment invoices have no render command; dunnings do")
    func renderAvailability() async {
        let dunning = await CLIRun.kontor(["lexoffice", "dunnings", "render", "--help"])
        #expect(dunning.status == 0)
        let downPayment = await CLIRun.kontor(["lexoffice", "down-payment-invoices", "render", "x", "--api-key", "k"])
        #expect(downPayment.status == 2)
    }
}
