/// The parts of Mayan EDMS's API answers the sink reads; everything else in them is ignored.
enum MayanResources {
    /// A page of a list (`count`, `next`, `results`).
    struct Page<Item: Decodable>: Decodable {
        var next: String?
        var results: [Item]
    }

    /// Anything with an id and a label or name: document types, metadata types, cabinets, documents.
    struct Item: Decodable {
        var id: Int
        var label: String?
        var name: String?
    }

    /// A document's metadata entry.
    struct DocumentMetadata: Decodable {
        struct MetadataType: Decodable {
            var id: Int
        }

        var id: Int
        var metadataType: MetadataType
        var value: String?

        enum CodingKeys: String, CodingKey {
            case id, value
            case metadataType = "metadata_type"
        }
    }

    /// A document type's metadata type entry.
    struct TypeMetadata: Decodable {
        var metadataType: Item

        enum CodingKeys: String, CodingKey {
            case metadataType = "metadata_type"
        }
    }

    /// The answer of `auth/token/obtain/`.
    struct Token: Decodable {
        var token: String
    }
}
