import Foundation
import KontorFlows
import Testing

/// Which folders a tenant's own drop folder may be (``DropFolderPolicy``).
struct DropFolderPolicyTests {
    private let policy = DropFolderPolicy(allowedRoots: ["/srv/scans", "/mnt/export/"], reserved: ["/srv/scans/hub"])

    @Test("a folder below an allowed root is stored normalized")
    func allowed() throws {
        #expect(try policy.check("/srv/scans/acme/", otherTenants: []).get() == "/srv/scans/acme")
        #expect(try policy.check("/mnt//export/acme", otherTenants: []).get() == "/mnt/export/acme")
    }

    @Test(
        "refused: relative, dot parts, control characters, the root itself, outside, reserved, another tenant's",
        arguments: [
            ("scans/acme", DropFolderPolicy.Refusal.notAbsolute),
            ("/srv/scans/../../etc", .notAbsolute),
            ("/srv/scans/./acme", .notAbsolute),
            ("/srv/scans/a\ncme", .notAbsolute),
            ("/srv/scans", .outsideAllowed(["/srv/scans", "/mnt/export"])),
            ("/srv/scansx/acme", .outsideAllowed(["/srv/scans", "/mnt/export"])),
            ("/var/spool/postfix", .outsideAllowed(["/srv/scans", "/mnt/export"])),
            ("/srv/scans/hub/data", .reserved),
            ("/srv/scans/beta", .takenByAnotherTenant),
            ("/srv/scans/beta/inner", .takenByAnotherTenant),
        ]
    )
    func refused(path: String, refusal: DropFolderPolicy.Refusal) {
        #expect(throws: refusal) { try policy.check(path, otherTenants: ["/srv/scans/beta"]).get() }
    }

    @Test("a folder that would hold another tenant's folder is refused too")
    func containsAnother() {
        let wide = DropFolderPolicy(allowedRoots: ["/srv"])
        #expect(throws: DropFolderPolicy.Refusal.takenByAnotherTenant) {
            try wide.check("/srv/scans", otherTenants: ["/srv/scans/beta"]).get()
        }
    }

    @Test("without allowed roots, tenants cannot have folders of their own")
    func noneAllowed() {
        #expect(throws: DropFolderPolicy.Refusal.noFolderAllowed) {
            try DropFolderPolicy().check("/srv/scans/acme", otherTenants: []).get()
        }
    }

    @Test("a symbolic link that leads outside the allowed roots is not polled")
    func symbolicLink() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-policy-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let allowed = base.appendingPathComponent("allowed")
        let elsewhere = base.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: allowed, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let link = allowed.appendingPathComponent("acme")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: elsewhere)
        let policy = DropFolderPolicy(allowedRoots: [allowed.resolvingSymlinksInPath().path])
        #expect(try policy.check(link.path, otherTenants: []).get().hasSuffix("/allowed/acme"), "set while it was ok")
        #expect(!policy.permitsPolling(link.path))
        let real = allowed.appendingPathComponent("beta")
        try FileManager.default.createDirectory(at: real, withIntermediateDirectories: true)
        #expect(policy.permitsPolling(real.path))
    }
}
