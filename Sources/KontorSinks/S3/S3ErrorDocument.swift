import Foundation
import KontorFlows
import NIOCore

/// S3's XML error answer (`<Error><Code>NoSuchBucket</Code>…`), read for its code only.
enum S3ErrorDocument {
    /// The error for an S3 answer with `status` and error document `body`: S3's code decides where it can
    /// (a wrong key or signature is permanent, a missing bucket too, `SlowDown` is retryable), else the status.
    static func failure(status: Int, body: ByteBuffer, operation: String) -> ArchiveSinkError {
        let s3Code = code(in: String(buffer: body))
        let what = s3Code.map { "\(operation): \($0)" } ?? operation
        let mapped: ArchiveSinkError.Code? =
            switch s3Code {
            case "InvalidAccessKeyId", "SignatureDoesNotMatch", "AccessDenied", "ExpiredToken",
                "InvalidToken", "AccountProblem":
                .accessDenied
            case "NoSuchBucket": .destinationMissing
            case "AuthorizationHeaderMalformed", "PermanentRedirect", "InvalidBucketName", "RequestTimeTooSkewed",
                "IllegalLocationConstraintException":
                .invalidConfiguration
            case "SlowDown", "InternalError", "ServiceUnavailable": .serverError
            case "RequestTimeout", "BadDigest": .unavailable
            default: nil
            }
        guard let mapped else {
            let generic = SinkHTTP.failure(status: status, operation)
            return ArchiveSinkError(
                generic.code,
                s3Code.map { "\(generic.detail) (\($0))" } ?? generic.detail,
                httpStatus: status
            )
        }
        return ArchiveSinkError(mapped, "\(what) (HTTP \(status))", httpStatus: status)
    }

    /// The text of the first `<Code>` element, if any.
    static func code(in document: String) -> String? {
        guard let start = document.range(of: "<Code>"),
            let end = document.range(of: "</Code>", range: start.upperBound..<document.endIndex)
        else { return nil }
        let code = document[start.upperBound..<end.lowerBound]
        return code.isEmpty || code.count > 64 ? nil : String(code)
    }
}
