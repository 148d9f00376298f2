import AsyncHTTPClient
import Foundation
import KontorCore
import KontorFlows
import NIOHTTP1
import Synchronization

/// Archives documents into Mayan EDMS: the PDF as a document of Kontor's document type, labelled
/// `{number} ({lexoffice id})`, in a cabinet per tenant, with the metadata `lexoffice_id`, `document_number`,
/// `document_type` and `customer_number` (when the contact has one), and the JSON sidecar as its description.
///
/// The document type, the metadata types and the cabinets are created when missing, once per process. Before
/// uploading, the sink looks the document up by its label, so writing it again (a status change, a retry after an
/// unknown outcome) updates the metadata and the description of the one document instead of uploading a copy.
/// The XML of an e-invoice is not sent to the DMS.
package final class MayanDMSSink: ArchiveSink {
    /// The metadata types the sink sets on each document.
    package static let metadataTypes = ["lexoffice_id", "document_number", "document_type", "customer_number"]

    private let api: MayanAPI
    private let configuration: MayanConfiguration
    private let ids = Mutex(Ids())

    /// The ids of what the sink created or found.
    private struct Ids {
        var documentType: Int?
        var metadataTypes: [String: Int] = [:]
        var cabinets: [String: Int] = [:]
    }

    /// A sink writing to `configuration`'s server through `httpClient`.
    package init(configuration: MayanConfiguration, httpClient: HTTPClient) {
        self.configuration = configuration
        api = MayanAPI(configuration: configuration, httpClient: httpClient)
    }

    /// Uploads the document unless it is there, then sets its metadata, description and cabinet; both keys are
    /// `documents/{id}`.
    /// - Throws: ``ArchiveSinkError``: ``ArchiveSinkError/Code/accessDenied`` for a rejected token,
    ///   ``ArchiveSinkError/Code/unavailable`` or ``ArchiveSinkError/Code/serverError`` when a retry may help.
    package func write(_ document: ArchiveDocument) async throws -> [ArchiveWrittenKey] {
        let documentType = try await documentTypeID()
        let metadataTypes = try await metadataTypeIDs(for: documentType)
        let label = "\(document.number) (\(document.lexofficeID))"
        let existing = try await api.list("document_types/\(documentType)/documents/", of: MayanResources.Item.self)
            .first { $0.label == label }
        let id: Int
        if let existing {
            id = existing.id
        } else {
            guard !document.isSidecarUpdate else {
                throw ArchiveSinkError(.rejected, "the DMS does not hold the document whose attributes are to change")
            }
            id = try await api.upload(
                document.pdf,
                fileName: ArchiveKeyComponent.safe(document.number) + ".pdf",
                contentType: ArchiveFile.Kind.pdf.contentType,
                label: label,
                documentTypeID: documentType
            )
        }
        try await setMetadata(of: id, document, types: metadataTypes)
        try await api.send(
            .PATCH,
            "documents/\(id)/",
            fields: ["description": String(decoding: document.metadata, as: UTF8.self)]
        )
        let cabinet = try await cabinetID(for: "lexoffice \(document.tenant.rawValue)")
        try await api.send(
            .POST,
            "cabinets/\(cabinet)/documents/add/",
            fields: ["document": String(id)]
        )
        return [
            ArchiveWrittenKey(kind: .pdf, key: "documents/\(id)"),
            ArchiveWrittenKey(kind: .metadata, key: "documents/\(id)"),
        ]
    }

    /// Creates what the sink needs in the DMS for `tenant` when missing (the document type, the metadata types and
    /// the tenant's cabinet); writing does it too, the stamp does it at once so a wrong token shows up there.
    /// - Throws: ``ArchiveSinkError`` as ``write(_:)``.
    package func prepare(for tenant: TenantID) async throws {
        let documentType = try await documentTypeID()
        _ = try await metadataTypeIDs(for: documentType)
        _ = try await cabinetID(for: "lexoffice \(tenant.rawValue)")
    }

    /// Adds the metadata values the document lacks and changes those that differ.
    private func setMetadata(of id: Int, _ document: ArchiveDocument, types: [String: Int]) async throws {
        var wanted = [
            "lexoffice_id": document.lexofficeID,
            "document_number": document.number,
            "document_type": document.type.rawValue,
        ]
        if let number = document.customerNumber { wanted["customer_number"] = number }
        let present = try await api.list("documents/\(id)/metadata/", of: MayanResources.DocumentMetadata.self)
        for (name, value) in wanted.sorted(by: { $0.key < $1.key }) {
            guard let type = types[name] else { continue }
            if let entry = present.first(where: { $0.metadataType.id == type }) {
                guard entry.value != value else { continue }
                try await api.send(
                    .PATCH,
                    "documents/\(id)/metadata/\(entry.id)/",
                    fields: ["value": value]
                )
            } else {
                try await api.send(
                    .POST,
                    "documents/\(id)/metadata/",
                    fields: ["metadata_type_id": String(type), "value": value]
                )
            }
        }
    }

    /// The id of Kontor's document type, created when missing.
    private func documentTypeID() async throws -> Int {
        if let known = ids.withLock({ $0.documentType }) { return known }
        let label = configuration.documentTypeLabel
        let existing = try await api.list("document_types/", of: MayanResources.Item.self).first { $0.label == label }
        let id: Int
        if let existing {
            id = existing.id
        } else {
            do {
                id = try await api.send(
                    .POST,
                    "document_types/",
                    fields: ["label": label],
                    answer: MayanResources.Item.self
                ).id
            } catch let error as ArchiveSinkError {
                // Another writer created it since the list was read (labels are unique): take that one.
                guard
                    let created = try await api.list("document_types/", of: MayanResources.Item.self)
                        .first(where: { $0.label == label })
                else { throw error }
                id = created.id
            }
        }
        ids.withLock { $0.documentType = id }
        return id
    }

    /// The ids of the sink's metadata types, each created when missing and attached to `documentType`.
    private func metadataTypeIDs(for documentType: Int) async throws -> [String: Int] {
        let known = ids.withLock { $0.metadataTypes }
        guard known.count < Self.metadataTypes.count else { return known }
        let existing = try await api.list("metadata_types/", of: MayanResources.Item.self)
        let attached = try await api.list(
            "document_types/\(documentType)/metadata_types/",
            of: MayanResources.TypeMetadata.self
        ).map(\.metadataType.id)
        var result: [String: Int] = [:]
        for name in Self.metadataTypes {
            let id: Int
            if let found = existing.first(where: { $0.name == name }) {
                id = found.id
            } else {
                do {
                    id = try await api.send(
                        .POST,
                        "metadata_types/",
                        fields: ["name": name, "label": name],
                        answer: MayanResources.Item.self
                    ).id
                } catch let error as ArchiveSinkError {
                    // Another writer created it since the list was read (names are unique): take that one.
                    guard
                        let created = try await api.list("metadata_types/", of: MayanResources.Item.self)
                            .first(where: { $0.name == name })
                    else { throw error }
                    id = created.id
                }
            }
            if !attached.contains(id) {
                try await api.send(
                    .POST,
                    "document_types/\(documentType)/metadata_types/",
                    fields: ["metadata_type_id": String(id), "required": "false"]
                )
            }
            result[name] = id
        }
        ids.withLock { $0.metadataTypes = result }
        return result
    }

    /// The id of the top-level cabinet `label`, created when missing.
    private func cabinetID(for label: String) async throws -> Int {
        if let known = ids.withLock({ $0.cabinets[label] }) { return known }
        let existing = try await api.list("cabinets/", of: MayanResources.Item.self).first { $0.label == label }
        let id: Int
        if let existing {
            id = existing.id
        } else {
            id = try await api.send(
                .POST,
                "cabinets/",
                fields: ["label": label, "parent": nil],
                answer: MayanResources.Item.self
            ).id
        }
        ids.withLock { $0.cabinets[label] = id }
        return id
    }
}
