/// The tenant lease a claimed job runs under (DESIGN.md §4): the worker that holds it and the lease's epoch, which
/// grows every time any worker takes the lease. A flow's write that names the claim commits only while the lease is
/// still that claim's, so a worker that lost its lease (expired, taken over) can never write after its successor.
package struct JobClaim: Sendable, Equatable, Codable {
    /// The worker holding the lease.
    package var owner: String
    /// The lease's epoch when the job was claimed.
    package var epoch: Int64

    /// A claim.
    package init(owner: String, epoch: Int64) {
        self.owner = owner
        self.epoch = epoch
    }
}
