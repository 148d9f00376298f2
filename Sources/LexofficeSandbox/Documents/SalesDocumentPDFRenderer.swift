import Foundation

/// Lays out a ``RenderedSalesDocument`` as an A4 PDF, in the manner of a lexoffice print.
///
/// The first page has the letterhead, the sender line and the recipient in the window of a DIN 5008 envelope,
/// the document data beside it, the title and the introduction. The line item table runs over as many pages as it
/// needs and repeats its header on each; tax rows, totals, payment terms and remark follow. Every page has a
/// footer with the sender and `Seite n von m`.
struct SalesDocumentPDFRenderer: Sendable {
    init() {}

    /// The PDF file for `document`.
    func pdf(for document: RenderedSalesDocument) -> Data {
        var layout = SalesDocumentLayout(document: document)
        layout.drawFirstPageHead()
        layout.drawParagraph(document.introduction)
        layout.drawTable()
        layout.drawTotals()
        layout.drawParagraph(document.paymentTerms)
        layout.drawParagraph(document.remark)
        layout.drawFooters()
        return layout.writer.pdfData()
    }
}

/// Positions on the page, in points from the bottom-left corner.
private enum PrintArea {
    static let left = 56.7  // 20 mm
    static let right = PDFWriter.pageWidth - 56.7
    static let top = PDFWriter.pageHeight - 45
    /// Content stops here; the footer sits below.
    static let bottom = 80.0
    static let footer = 45.0
}

/// Where the columns of the line item table start or end.
private enum TableColumn {
    static let position = PrintArea.left
    static let name = PrintArea.left + 28
    static let nameEnd = 290.0
    static let quantityEnd = 335.0
    static let unit = 342.0
    static let unitPriceEnd = 462.0
    static let amountEnd = PrintArea.right
}

/// The state of laying out one document: the writer and the vertical position of the next line.
private struct SalesDocumentLayout {
    let document: RenderedSalesDocument
    var writer: PDFWriter
    /// The baseline of the next line to draw.
    var y = PrintArea.top
    let showsPrices: Bool

    init(document: RenderedSalesDocument) {
        self.document = document
        writer = PDFWriter(title: "\(document.kind) \(document.number)")
        showsPrices = document.lines.contains { $0.unitPrice != nil || $0.amount != nil }
        writer.addPage()
    }

    mutating func drawFirstPageHead() {
        if let company = document.sender.first {
            writer.drawText(company, x: PrintArea.left, y: PrintArea.top - 8, font: .bold, size: 16)
        }
        for (index, line) in document.sender.dropFirst().enumerated() {
            writer.drawText(line, endingAt: PrintArea.right, y: PrintArea.top - Double(index) * 10, size: 8, gray: 0.35)
        }

        // The sender line and the address sit in the window of a DIN 5008 envelope (45 mm from the top).
        let senderLine = document.sender.joined(separator: " · ")
        writer.drawText(senderLine, x: PrintArea.left, y: 716, size: 7, gray: 0.35)
        let senderLineEnd = PrintArea.left + PDFWriter.width(of: senderLine, font: .regular, size: 7)
        writer.drawLine(fromX: PrintArea.left, y: 713, toX: min(senderLineEnd, 300), y: 713, width: 0.3, gray: 0.6)
        var addressY = 697.0
        for line in document.recipient {
            writer.drawText(line, x: PrintArea.left, y: addressY, size: 10)
            addressY -= 13
        }

        var facts = [("Belegnummer", document.number), ("Belegdatum", document.date)]
        if let serviceDate = document.serviceDate { facts.append(("Leistungsdatum", serviceDate)) }
        if let dueDate = document.dueDate { facts.append(("Fällig am", dueDate)) }
        var factY = 697.0
        for (label, value) in facts {
            writer.drawText(label, x: 345, y: factY, size: 9, gray: 0.35)
            writer.drawText(value, endingAt: PrintArea.right, y: factY, size: 9)
            factY -= 13
        }

        y = min(addressY, factY, 600) - 24
        writer.drawText("\(document.kind) \(document.number)", x: PrintArea.left, y: y, font: .bold, size: 16)
        y -= 28
    }

    /// Draws wrapped text across the page width, continuing on a new page when needed.
    mutating func drawParagraph(_ text: String?) {
        guard let text, !text.isEmpty else { return }
        for line in wrap(text, width: PrintArea.right - PrintArea.left, font: .regular, size: 10) {
            startPageIfNeeded(for: 13)
            writer.drawText(line, x: PrintArea.left, y: y, size: 10)
            y -= 13
        }
        y -= 10
    }

    mutating func drawTable() {
        startPageIfNeeded(for: 60)
        drawTableHeader()
        for line in document.lines {
            let isText = line.isText
            let nameEnd = isText ? PrintArea.right : TableColumn.nameEnd
            let nameLines = wrap(line.name, width: nameEnd - TableColumn.name, font: isText ? .bold : .regular, size: 9)
            // The description runs under the whole row: the numbers sit on the row's first line only.
            let descriptionLines =
                line.description.map { wrap($0, width: PrintArea.right - TableColumn.name, size: 8) } ?? []
            let height = Double(nameLines.count) * 11 + Double(descriptionLines.count) * 10 + 5
            if y - height < PrintArea.bottom {
                startPage()
                drawTableHeader()
            }
            drawRow(line, nameLines: nameLines, descriptionLines: descriptionLines, isText: isText)
        }
        writer.drawLine(fromX: PrintArea.left, y: y + 7, toX: PrintArea.right, y: y + 7, width: 0.5, gray: 0.4)
        y -= 12
    }

    private mutating func drawTableHeader() {
        writer.drawText("Pos.", x: TableColumn.position, y: y, font: .bold, size: 9)
        writer.drawText("Bezeichnung", x: TableColumn.name, y: y, font: .bold, size: 9)
        writer.drawText("Menge", endingAt: TableColumn.quantityEnd, y: y, font: .bold, size: 9)
        writer.drawText("Einheit", x: TableColumn.unit, y: y, font: .bold, size: 9)
        if showsPrices {
            writer.drawText("Einzelpreis", endingAt: TableColumn.unitPriceEnd, y: y, font: .bold, size: 9)
            writer.drawText("Gesamt", endingAt: TableColumn.amountEnd, y: y, font: .bold, size: 9)
        }
        writer.drawLine(fromX: PrintArea.left, y: y - 5, toX: PrintArea.right, y: y - 5, width: 0.5, gray: 0.4)
        y -= 19
    }

    private mutating func drawRow(
        _ line: RenderedSalesDocument.Line,
        nameLines: [String],
        descriptionLines: [String],
        isText: Bool
    ) {
        if let position = line.position { writer.drawText(position, x: TableColumn.position, y: y, size: 9) }
        if let quantity = line.quantity { writer.drawText(quantity, endingAt: TableColumn.quantityEnd, y: y, size: 9) }
        if let unit = line.unit { writer.drawText(unit, x: TableColumn.unit, y: y, size: 9) }
        if let unitPrice = line.unitPrice {
            writer.drawText(unitPrice, endingAt: TableColumn.unitPriceEnd, y: y, size: 9)
        }
        if let amount = line.amount { writer.drawText(amount, endingAt: TableColumn.amountEnd, y: y, size: 9) }
        for nameLine in nameLines {
            writer.drawText(nameLine, x: TableColumn.name, y: y, font: isText ? .bold : .regular, size: 9)
            y -= 11
        }
        for descriptionLine in descriptionLines {
            writer.drawText(descriptionLine, x: TableColumn.name, y: y, size: 8, gray: 0.35)
            y -= 10
        }
        y -= 5
    }

    mutating func drawTotals() {
        var rows: [(label: String, value: String, isBold: Bool)] = []
        if let totalNet = document.totalNet { rows.append(("Gesamtbetrag netto", totalNet, false)) }
        for tax in document.taxes {
            rows.append(("Umsatzsteuer \(tax.rateLabel) auf \(tax.net)", tax.tax, false))
        }
        if document.taxes.isEmpty, let totalTax = document.totalTax { rows.append(("Umsatzsteuer", totalTax, false)) }
        if let totalGross = document.totalGross { rows.append(("Gesamtbetrag", totalGross, true)) }
        guard !rows.isEmpty else { return }

        startPageIfNeeded(for: Double(rows.count) * 15 + 10)
        let labelX = 300.0
        for row in rows {
            if row.isBold {
                writer.drawLine(fromX: labelX, y: y + 10, toX: PrintArea.right, y: y + 10, width: 0.5, gray: 0.4)
                y -= 3
            }
            let font: PDFWriter.Font = row.isBold ? .bold : .regular
            writer.drawText(row.label, x: labelX, y: y, font: font, size: 10)
            writer.drawText(row.value, endingAt: PrintArea.right, y: y, font: font, size: 10)
            y -= 15
        }
        y -= 15
    }

    /// Adds the sender and the page number at the bottom of every page; call it last.
    mutating func drawFooters() {
        let sender = document.sender.joined(separator: " · ")
        let pageCount = writer.pageCount
        for page in 0..<pageCount {
            writer.selectPage(page)
            writer.drawLine(
                fromX: PrintArea.left,
                y: PrintArea.footer + 12,
                toX: PrintArea.right,
                y: PrintArea.footer + 12,
                width: 0.3
            )
            writer.drawText(sender, x: PrintArea.left, y: PrintArea.footer, size: 7, gray: 0.35)
            writer.drawText(
                "Seite \(page + 1) von \(pageCount)",
                endingAt: PrintArea.right,
                y: PrintArea.footer,
                size: 7
            )
        }
    }

    private mutating func startPageIfNeeded(for height: Double) {
        if y - height < PrintArea.bottom { startPage() }
    }

    /// Starts a continuation page headed by the document's title and number.
    private mutating func startPage() {
        writer.addPage()
        writer.drawText(
            "\(document.kind) \(document.number) · \(document.date)",
            x: PrintArea.left,
            y: PrintArea.top,
            size: 9,
            gray: 0.35
        )
        y = PrintArea.top - 30
    }

    /// `text` broken into lines no wider than `width`: at line breaks, at spaces, and inside words too long for a
    /// line.
    private func wrap(_ text: String, width: Double, font: PDFWriter.Font = .regular, size: Double) -> [String] {
        func fits(_ candidate: String) -> Bool { PDFWriter.width(of: candidate, font: font, size: size) <= width }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var current = ""
            for word in paragraph.split(separator: " ") {
                let candidate = current.isEmpty ? String(word) : current + " " + word
                if fits(candidate) {
                    current = candidate
                    continue
                }
                if !current.isEmpty { lines.append(current) }
                current = ""
                for character in word {
                    if !current.isEmpty, !fits(current + String(character)) {
                        lines.append(current)
                        current = ""
                    }
                    current.append(character)
                }
            }
            lines.append(current)
        }
        return lines
    }
}
