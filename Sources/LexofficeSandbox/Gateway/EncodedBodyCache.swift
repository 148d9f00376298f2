import LexofficeKit
import NIOCore
import Synchronization

/// The JSON bodies last sent for resources read again and again (`GET /v1/contacts/{id}` under load), so that an
/// unchanged resource is not encoded anew for every read.
///
/// An entry is reused only when the stored value equals the value being sent, whatever changed it in between
/// (an update, an admin hook, a restore), so a reader never sees a stale body. When the cache is full it starts
/// over; it only ever saves work.
final class EncodedBodyCache<Value: Encodable & Equatable & Sendable>: Sendable {
    private struct Entry: Sendable {
        var value: Value
        var body: ByteBuffer
    }

    private let entries = Mutex<[LexofficeID: Entry]>([:])
    private let capacity: Int

    /// A cache holding at most `capacity` bodies.
    init(capacity: Int) {
        self.capacity = capacity
    }

    /// The JSON body of `value`, the resource with `id`: the cached bytes when `value` is unchanged, else
    /// freshly encoded (and cached).
    func body(of value: Value, id: LexofficeID) throws -> ByteBuffer {
        if let cached = entries.withLock({ $0[id] }), cached.value == value { return cached.body }
        let body = ByteBuffer(bytes: try SandboxJSON.bytes(of: value))
        entries.withLock { entries in
            if entries.count >= capacity, entries[id] == nil { entries.removeAll(keepingCapacity: true) }
            entries[id] = Entry(value: value, body: body)
        }
        return body
    }
}
