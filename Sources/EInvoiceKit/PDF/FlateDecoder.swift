import CZlib

/// Inflates zlib (`FlateDecode`) data with the system zlib, bounded in output size.
enum FlateDecoder {
    static func inflate(_ input: [UInt8], maximumSize: Int) throws(EInvoiceError) -> [UInt8] {
        var stream = z_stream()
        guard inflateInit_(&stream, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .malformedPDF("zlib could not be initialised.")
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var status: Int32 = Z_OK
        var input = input
        input.withUnsafeMutableBufferPointer { source in
            stream.next_in = source.baseAddress
            stream.avail_in = UInt32(source.count)
            repeat {
                chunk.withUnsafeMutableBufferPointer { target in
                    stream.next_out = target.baseAddress
                    stream.avail_out = UInt32(target.count)
                    status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    output.append(contentsOf: target[0..<(target.count - Int(stream.avail_out))])
                }
            } while status == Z_OK && output.count <= maximumSize
        }
        guard output.count <= maximumSize else {
            throw EInvoiceError(.limitExceeded, detail: "A PDF stream inflates beyond the size limit.")
        }
        // Z_BUF_ERROR: the input ended before the end marker, which many writers produce; keep what was inflated.
        guard status == Z_STREAM_END || (status == Z_BUF_ERROR && !output.isEmpty) else {
            throw .malformedPDF("A FlateDecode stream is corrupt.")
        }
        return output
    }
}
