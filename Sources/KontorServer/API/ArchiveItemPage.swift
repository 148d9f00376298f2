/// A page of archive items, `nextCursor` set while more may follow.
struct ArchiveItemPage: Encodable {
    let items: [ArchiveItemRepresentation]
    let nextCursor: String?
}
