import Foundation
import LexofficeKit
import NIOCore
import Testing

@testable import LexofficeSandbox

/// The cache of encoded bodies never answers with the bytes of an older state of a resource.
struct EncodedBodyCacheTests {
    private static func contact(note: String) -> Contact {
        Contact(
            version: 0,
            roles: ContactRoles(customer: CustomerRole()),
            company: Company(name: "Radhaus Nord GmbH"),
            note: note
        )
    }

    private static func decoded(_ body: ByteBuffer) throws -> Contact {
        try LexofficeJSON.decode(Contact.self, from: Data(body.readableBytesView))
    }

    @Test("an unchanged value reuses its body; any change, even without a new version, is encoded afresh")
    func changesAreSeen() throws {
        let cache = EncodedBodyCache<Contact>(capacity: 8)
        let id = LexofficeID.random()
        let first = try cache.body(of: Self.contact(note: "A"), id: id)
        #expect(try Self.decoded(first).note == "A")
        #expect(try cache.body(of: Self.contact(note: "A"), id: id) == first)
        let changed = try cache.body(of: Self.contact(note: "B"), id: id)
        #expect(try Self.decoded(changed).note == "B", "same id and version, other content")
    }

    @Test("a full cache starts over and still answers every value correctly")
    func capacity() throws {
        let cache = EncodedBodyCache<Contact>(capacity: 2)
        let ids = (0..<5).map { _ in LexofficeID.random() }
        for (index, id) in ids.enumerated() {
            #expect(try Self.decoded(cache.body(of: Self.contact(note: "\(index)"), id: id)).note == "\(index)")
        }
        for (index, id) in ids.enumerated() {
            #expect(try Self.decoded(cache.body(of: Self.contact(note: "\(index)"), id: id)).note == "\(index)")
        }
    }
}
