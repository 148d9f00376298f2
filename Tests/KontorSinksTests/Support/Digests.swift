import Crypto
import Foundation
import KontorCore

/// The lower-case hex SHA-256 of bytes, as `x-amz-content-sha256` carries it.
enum SHA256Hex {
    static func of(_ bytes: [UInt8]) -> String { SHA256.hash(data: bytes).lowercaseHex }
}

/// The base64 MD5 of bytes, as `Content-MD5` carries it.
enum MD5Base64 {
    static func of(_ bytes: [UInt8]) -> String { Data(Insecure.MD5.hash(data: bytes)).base64EncodedString() }
}
