/// Finds the XML invoice a hybrid PDF (ZUGFeRD, Factur-X, XRechnung in PDF) carries as an embedded file.
///
/// Looks at the document's associated files (`/AF`, PDF/A-3) and the `/EmbeddedFiles` name tree of the catalog,
/// prefers the names the standards fix (`factur-x.xml`, `zugferd-invoice.xml`, `xrechnung.xml`,
/// `ZUGFeRD-invoice.xml`) and falls back to the only other XML attachment.
struct EmbeddedInvoiceFinder {
    static let standardNames = ["factur-x.xml", "zugferd-invoice.xml", "xrechnung.xml"]
    static let maximumTreeNodes = 1024

    let file: PDFFile

    /// The chosen attachment's name and decoded bytes.
    func invoiceAttachment() throws(EInvoiceError) -> (name: String, data: [UInt8]) {
        let attachments = try fileSpecifications()
        let xmlAttachments = attachments.filter { $0.name.lowercased().hasSuffix(".xml") }
        let chosen =
            Self.standardNames.lazy.compactMap { standard in
                xmlAttachments.first { $0.name.lowercased() == standard }
            }.first ?? (xmlAttachments.count == 1 ? xmlAttachments.first : nil)
        guard let chosen else {
            throw EInvoiceError(.noEmbeddedInvoice, detail: "The PDF has no embedded XML invoice.")
        }
        guard let embedded = try file.resolve(chosen.specification["EF"] ?? .null).dictionary,
            case .stream(let stream) = try file.resolve(embedded["UF"] ?? embedded["F"] ?? .null)
        else {
            throw .malformedPDF("The invoice attachment has no embedded file stream.")
        }
        return (chosen.name, try file.decodedData(of: stream))
    }

    /// The file specifications of `/AF` and of the `/EmbeddedFiles` name tree, with their names.
    private func fileSpecifications() throws(EInvoiceError) -> [(name: String, specification: [String: PDFObject])] {
        let catalog = try file.catalog()
        var specifications: [PDFObject] = try file.resolve(catalog["AF"] ?? .null).array ?? []
        if let names = try file.resolve(catalog["Names"] ?? .null).dictionary {
            var budget = Self.maximumTreeNodes
            try collectLeaves(of: names["EmbeddedFiles"] ?? .null, into: &specifications, budget: &budget)
        }
        var result: [(name: String, specification: [String: PDFObject])] = []
        for object in specifications {
            guard let specification = try file.resolve(object).dictionary, specification["EF"] != nil else { continue }
            let name = try file.resolve(specification["UF"] ?? specification["F"] ?? .null).stringBytes
            result.append((PDFTextString.decode(name ?? []), specification))
        }
        return result
    }

    /// Walks a name tree (ISO 32000-1 §7.9.6), collecting its values, within a node budget.
    private func collectLeaves(
        of node: PDFObject,
        into values: inout [PDFObject],
        budget: inout Int
    ) throws(EInvoiceError) {
        budget -= 1
        guard budget >= 0 else { throw .malformedPDF("The embedded files tree is too large or cyclic.") }
        guard let dictionary = try file.resolve(node).dictionary else { return }
        let names = try file.resolve(dictionary["Names"] ?? .null).array ?? []
        for index in stride(from: 1, to: names.count, by: 2) { values.append(names[index]) }
        for kid in try file.resolve(dictionary["Kids"] ?? .null).array ?? [] {
            try collectLeaves(of: kid, into: &values, budget: &budget)
        }
    }
}
