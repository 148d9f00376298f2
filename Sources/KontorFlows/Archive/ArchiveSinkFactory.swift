import KontorCore

/// Makes the sinks a tenant's settings name, a port `KontorSinks` implements (the flows know sinks only as
/// ``ArchiveSink``).
package protocol ArchiveSinkFactory: Sendable {
    /// The sink `settings` describe, for `tenant`.
    /// - Throws: ``ArchiveSinkError``: ``ArchiveSinkError/Code/invalidConfiguration`` for settings that cannot
    ///   work (checked by the settings API too), ``ArchiveSinkError/Code/accessDenied`` for a DMS whose stamp has
    ///   not run yet.
    func sink(for settings: ArchiveSinkSettings, of tenant: TenantID) throws(ArchiveSinkError) -> any ArchiveSink

    /// Checks that `settings` can work (URLs, region, bucket name, key template), without writing anything; the
    /// required members are checked by ``ArchiveSinkSettings/missingMembers``.
    /// - Throws: ``ArchiveSinkError`` ``ArchiveSinkError/Code/invalidConfiguration`` naming what is wrong.
    func validate(_ settings: ArchiveSinkSettings) throws(ArchiveSinkError)

    /// The DMS stamp: logs in to the DMS `settings` describe once with `username` and `password` (which go no
    /// further), creates the folders and document attributes the archive needs for `tenant` when missing, and
    /// returns the API token obtained, for the caller to store sealed.
    /// - Throws: ``ArchiveSinkError``: ``ArchiveSinkError/Code/accessDenied`` for a refused login,
    ///   ``ArchiveSinkError/Code/unavailable`` when the DMS cannot be reached.
    func stamp(
        _ settings: ArchiveSinkSettings,
        of tenant: TenantID,
        username: String,
        password: String
    ) async throws -> String
}
