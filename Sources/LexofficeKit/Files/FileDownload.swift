import struct Foundation.Data

/// A downloaded file: bytes, content type and the file name lexoffice suggests.
public struct FileDownload: Sendable, Hashable {
    /// The file's bytes.
    public var data: Data
    /// The `Content-Type` lexoffice sent, e.g. `application/pdf` or `application/xml`.
    public var contentType: String?
    /// The file name from `Content-Disposition`, e.g. `RE0042.pdf`.
    public var fileName: String?

    /// Creates a download value.
    public init(data: Data, contentType: String?, fileName: String?) {
        self.data = data
        self.contentType = contentType
        self.fileName = fileName
    }

    /// Reads the file name from a `Content-Disposition` header (`filename*=UTF-8''…` preferred over `filename=`).
    static func fileName(fromContentDisposition header: String?) -> String? {
        guard let header else { return nil }
        var plain: String?
        for parameter in header.split(separator: ";") {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { String($0.trimmingHeaderWhitespace) }
            guard pair.count == 2 else { continue }
            switch pair[0].lowercased() {
            case "filename*":
                let value = pair[1]
                if let quote = value.range(of: "''") {
                    return String(value[quote.upperBound...]).removingPercentEncodingSafely()
                }
            case "filename":
                plain = pair[1].trimmingCharacters(["\""])
            default:
                continue
            }
        }
        return plain
    }
}

/// The representation requested with `Accept` when downloading a document.
public struct DownloadFormat: Sendable, Hashable, CustomStringConvertible {
    /// The `Accept` header value.
    public let mediaType: String

    /// Any representation: lexoffice's default (XML for XRechnung invoices on `/file`, PDF otherwise).
    public static let any = DownloadFormat(mediaType: "*/*")
    /// A PDF (for XRechnung invoices only a preview, not the legal e-invoice).
    public static let pdf = DownloadFormat(mediaType: "application/pdf")
    /// The XML e-invoice (XRechnung); 404 for other documents.
    public static let xml = DownloadFormat(mediaType: "application/xml")
    /// A JPEG (bookkeeping voucher files).
    public static let jpeg = DownloadFormat(mediaType: "image/jpeg")
    /// A PNG (bookkeeping voucher files).
    public static let png = DownloadFormat(mediaType: "image/png")

    /// Any other `Accept` value.
    public init(mediaType: String) {
        self.mediaType = mediaType
    }

    public var description: String { mediaType }
}

extension String {
    fileprivate func trimmingCharacters(_ characters: Set<Character>) -> String {
        var slice = Substring(self)
        while let first = slice.first, characters.contains(first) { slice.removeFirst() }
        while let last = slice.last, characters.contains(last) { slice.removeLast() }
        return String(slice)
    }

    /// Decodes `%XX` escapes (UTF-8); returns the input unchanged if it is malformed.
    fileprivate func removingPercentEncodingSafely() -> String {
        var bytes: [UInt8] = []
        var iterator = Array(utf8).makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%"), let high = iterator.next(), let low = iterator.next(),
                let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
            {
                bytes.append(value)
            } else if byte == UInt8(ascii: "%") {
                return self
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
