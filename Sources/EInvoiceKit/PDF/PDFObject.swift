/// A PDF object (ISO 32000-1 §7.3).
enum PDFObject: Sendable {
    case null
    case boolean(Bool)
    case integer(Int)
    case real(Double)
    /// A string's bytes, escapes and hex already decoded.
    case string([UInt8])
    /// A name without its slash, `#xx` escapes decoded.
    case name(String)
    case array([PDFObject])
    case dictionary([String: PDFObject])
    case reference(PDFReference)
    case stream(PDFStream)

    var integer: Int? {
        if case .integer(let value) = self { return value }
        return nil
    }

    var name: String? {
        if case .name(let value) = self { return value }
        return nil
    }

    var array: [PDFObject]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// The dictionary of a dictionary, or of a stream.
    var dictionary: [String: PDFObject]? {
        switch self {
        case .dictionary(let value): value
        case .stream(let stream): stream.dictionary
        default: nil
        }
    }

    var stringBytes: [UInt8]? {
        if case .string(let value) = self { return value }
        return nil
    }
}

/// An indirect reference `n g R`.
struct PDFReference: Hashable, Sendable, CustomStringConvertible {
    var number: Int
    var generation: Int
    var description: String { "\(number) \(generation) R" }
}

/// A stream: its dictionary and the range of its still-encoded bytes in the file.
struct PDFStream: Sendable {
    var dictionary: [String: PDFObject]
    var data: ArraySlice<UInt8>
}
