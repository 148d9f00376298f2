import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses XML into an ``XMLElementNode`` tree with FoundationXML's `XMLParser`, safely.
///
/// Safety: a document with a DTD or with invalid UTF-8 is refused before the parser sees it (``XMLProlog``,
/// ``XMLEncodingCheck``), external entities are never resolved (`shouldResolveExternalEntities = false`), and an
/// entity declaration that slips through aborts the parse. Depth and element count are bounded.
enum XMLTreeBuilder {
    static func parse(_ data: Data, limits: EInvoiceReader.Limits) throws(EInvoiceError) -> XMLElementNode {
        try XMLProlog.checkHasNoDocumentType(data)
        try XMLEncodingCheck.checkUTF8(data)
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.shouldReportNamespacePrefixes = false
        parser.shouldResolveExternalEntities = false
        let delegate = TreeDelegate(limits: limits)
        parser.delegate = delegate
        let isParsed = parser.parse()
        if let failure = delegate.failure { throw failure }
        guard isParsed, let root = delegate.root else {
            throw EInvoiceError(.malformedXML, detail: "The XML is not well-formed.")
        }
        return root
    }
}

/// Builds the tree from parser events. Used by one parse on one thread only.
private final class TreeDelegate: NSObject, XMLParserDelegate {
    let limits: EInvoiceReader.Limits
    var stack: [XMLElementNode] = []
    var texts: [String] = []
    var root: XMLElementNode?
    var failure: EInvoiceError?
    var elementCount = 0

    init(limits: EInvoiceReader.Limits) { self.limits = limits }

    func parser(
        _ parser: XMLParser,
        didStartElement elementName: String,
        namespaceURI: String?,
        qualifiedName qName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        elementCount += 1
        guard elementCount <= limits.maximumXMLElements, stack.count < limits.maximumXMLDepth else {
            fail(EInvoiceError(.limitExceeded, detail: "The XML has too many or too deeply nested elements."), parser)
            return
        }
        var attributes: [String: String] = [:]
        for (key, value) in attributeDict {
            attributes[key.split(separator: ":").last.map(String.init) ?? key] = value
        }
        stack.append(
            XMLElementNode(
                namespace: namespaceURI ?? "",
                name: elementName,
                attributes: attributes,
                children: [],
                text: ""
            )
        )
        texts.append("")
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard !texts.isEmpty else { return }
        texts[texts.count - 1] += string
    }

    func parser(_ parser: XMLParser, foundCDATA block: Data) {
        guard !texts.isEmpty else { return }
        texts[texts.count - 1] += String(decoding: block, as: UTF8.self)
    }

    func parser(
        _ parser: XMLParser,
        didEndElement elementName: String,
        namespaceURI: String?,
        qualifiedName qName: String?
    ) {
        guard var node = stack.popLast(), let text = texts.popLast() else { return }
        node.text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if stack.isEmpty {
            root = node
        } else {
            stack[stack.count - 1].children.append(node)
        }
    }

    func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
        fail(EInvoiceError(.forbiddenDTD, detail: "The XML declares entities."), parser)
    }

    func parser(
        _ parser: XMLParser,
        foundExternalEntityDeclarationWithName name: String,
        publicID: String?,
        systemID: String?
    ) {
        fail(EInvoiceError(.forbiddenDTD, detail: "The XML declares external entities."), parser)
    }

    func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? {
        fail(EInvoiceError(.forbiddenDTD, detail: "The XML refers to an external entity."), parser)
        return nil
    }

    private func fail(_ error: EInvoiceError, _ parser: XMLParser) {
        if failure == nil { failure = error }
        parser.abortParsing()
    }
}
