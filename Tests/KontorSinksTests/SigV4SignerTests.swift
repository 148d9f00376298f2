import Foundation
import KontorSinks
import LexofficeKit
import Testing

/// The signer against AWS's published Signature Version 4 examples: the SigV4 test suite's `get-vanilla`, the IAM
/// `ListUsers` example of the SigV4 guide, and the S3 API reference's "GET Object" and "PUT Object" examples of
/// header-based authentication. Expected values are written from those documents.
struct SigV4SignerTests {
    private static let emptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    private static let guideSigner = SigV4Signer(
        accessKeyID: "AKIDEXAMPLE",
        secretAccessKey: Secret("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
        region: "us-east-1",
        service: "service"
    )
    private static let s3Signer = SigV4Signer(
        accessKeyID: "AKIAIOSFODNN7EXAMPLE",
        secretAccessKey: Secret("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
        region: "us-east-1"
    )
    /// 2015-08-30T12:36:00Z, the test suite's time.
    private static let suiteDate = Date(timeIntervalSince1970: 1_440_938_160)
    /// 2013-05-24T00:00:00Z, the S3 examples' time.
    private static let s3Date = Date(timeIntervalSince1970: 1_369_353_600)

    @Test("signs the test suite's get-vanilla request as published")
    func getVanilla() {
        let request = SigV4Signer.Request(
            method: "GET",
            encodedPath: "/",
            headers: [("Host", "example.amazonaws.com")],
            payloadHash: Self.emptyHash
        )
        let (canonical, signedHeaders) = Self.guideSigner.canonicalRequest(request, timestamp: "20150830T123600Z")
        #expect(
            canonical == """
                GET
                /

                host:example.amazonaws.com
                x-amz-date:20150830T123600Z

                host;x-amz-date
                \(Self.emptyHash)
                """
        )
        #expect(signedHeaders == "host;x-amz-date")
        #expect(
            Self.guideSigner.stringToSign(canonicalRequest: canonical, timestamp: "20150830T123600Z") == """
                AWS4-HMAC-SHA256
                20150830T123600Z
                20150830/us-east-1/service/aws4_request
                bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63
                """
        )
        let headers = Self.guideSigner.sign(request, at: Self.suiteDate)
        #expect(headers.first { $0.name == "x-amz-date" }?.value == "20150830T123600Z")
        #expect(
            headers.first { $0.name == "authorization" }?.value
                == "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
                + "SignedHeaders=host;x-amz-date, "
                + "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"
        )
    }

    @Test("signs the guide's IAM ListUsers request with a sorted query and a content type")
    func iamListUsers() {
        var signer = Self.guideSigner
        signer.service = "iam"
        let request = SigV4Signer.Request(
            method: "GET",
            encodedPath: "/",
            query: [("Version", "2010-05-08"), ("Action", "ListUsers")],
            headers: [
                ("Host", "iam.amazonaws.com"), ("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"),
            ],
            payloadHash: Self.emptyHash
        )
        let (canonical, _) = signer.canonicalRequest(request, timestamp: "20150830T123600Z")
        #expect(
            canonical.split(separator: "\n", omittingEmptySubsequences: false)[2]
                == "Action=ListUsers&Version=2010-05-08"
        )
        #expect(
            signer.stringToSign(canonicalRequest: canonical, timestamp: "20150830T123600Z").hasSuffix(
                "f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59"
            )
        )
        let authorization = signer.sign(request, at: Self.suiteDate).first { $0.name == "authorization" }?.value
        #expect(authorization?.hasSuffix("5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7") == true)
    }

    @Test("signs the S3 reference's GET Object example with a Range header")
    func s3GetObject() {
        let request = SigV4Signer.Request(
            method: "GET",
            encodedPath: "/test.txt",
            headers: [
                ("Host", "examplebucket.s3.amazonaws.com"), ("Range", "bytes=0-9"),
                ("x-amz-content-sha256", Self.emptyHash),
            ],
            payloadHash: Self.emptyHash
        )
        let authorization = Self.s3Signer.sign(request, at: Self.s3Date).first { $0.name == "authorization" }?.value
        #expect(
            authorization
                == "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
                + "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, "
                + "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41"
        )
    }

    @Test("signs the S3 reference's PUT Object example, its key's $ encoded once")
    func s3PutObject() {
        let payloadHash = "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072"
        let request = SigV4Signer.Request(
            method: "PUT",
            encodedPath: "/" + S3KeyEncoding.encode("test$file.text", keepingSlashes: true),
            headers: [
                ("Host", "examplebucket.s3.amazonaws.com"), ("Date", "Fri, 24 May 2013 00:00:00 GMT"),
                ("x-amz-storage-class", "REDUCED_REDUNDANCY"), ("x-amz-content-sha256", payloadHash),
            ],
            payloadHash: payloadHash
        )
        let (canonical, _) = Self.s3Signer.canonicalRequest(request, timestamp: "20130524T000000Z")
        #expect(canonical.hasPrefix("PUT\n/test%24file.text\n\n"))
        let toSign = Self.s3Signer.stringToSign(canonicalRequest: canonical, timestamp: "20130524T000000Z")
        #expect(toSign.hasSuffix("9e0e90d9c76de8fa5b200d8c849cd5b8dc7a3be3951ddb7f6a76b4158342019d"))
        let authorization = Self.s3Signer.sign(request, at: Self.s3Date).first { $0.name == "authorization" }?.value
        #expect(
            authorization?.hasSuffix(
                "SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class, "
                    + "Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd"
            ) == true
        )
    }

    @Test("encodes keys once, keeping unreserved characters and slashes")
    func keyEncoding() {
        #expect(S3KeyEncoding.encode("acme/2026/RE 1+ä~.pdf", keepingSlashes: true) == "acme/2026/RE%201%2B%C3%A4~.pdf")
        #expect(S3KeyEncoding.encode("a/b", keepingSlashes: false) == "a%2Fb")
    }
}
