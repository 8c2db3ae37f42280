import Foundation
import Testing

@testable import AWSSignature

@Suite struct AuthorizationParsingTests {
    static let valid =
        "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
        + "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, "
        + "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41"

    @Test func parsesValidHeader() throws {
        let authorization = try SigV4Authorization(header: Self.valid)
        #expect(authorization.accessKeyID == "AKIAIOSFODNN7EXAMPLE")
        #expect(authorization.scope == CredentialScope(dateStamp: "20130524", region: "us-east-1", service: "s3"))
        #expect(authorization.signedHeaders == ["host", "range", "x-amz-content-sha256", "x-amz-date"])
        #expect(authorization.signature == "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41")
        #expect(SigV4Authorization.isSigV4(Self.valid))
        #expect(!SigV4Authorization.isSigV4("AWS AKIA:abc="))
    }

    @Test func toleratesSpacing() throws {
        let compact = Self.valid.replacingOccurrences(of: ", ", with: ",")
        #expect(try SigV4Authorization(header: "  " + compact + " ") == SigV4Authorization(header: Self.valid))
    }

    static let malformed: [(String, SigV4Error)] = [
        ("AWS AKIAIOSFODNN7EXAMPLE:frJIUN8DYpKDtOLCwo//yllqDzg=", .unsupportedAlgorithm("AWS")),
        ("", .unsupportedAlgorithm("")),
        (
            valid.replacingOccurrences(
                of: "Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, ", with: ""),
            .missingComponent("Credential")
        ),
        (valid.replacingOccurrences(of: "SignedHeaders", with: "Signed"), .missingComponent("SignedHeaders")),
        (valid + ", Signature=abc", .duplicateComponent("Signature")),
        (
            valid.replacingOccurrences(of: "/aws4_request", with: "/aws5_request"),
            .malformedCredential("AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws5_request")
        ),
        (
            valid.replacingOccurrences(of: "20130524/", with: "2013-05-24/"),
            .malformedCredential("AKIAIOSFODNN7EXAMPLE/2013-05-24/us-east-1/s3/aws4_request")
        ),
        (
            valid.replacingOccurrences(of: "AKIAIOSFODNN7EXAMPLE/", with: ""),
            .malformedCredential("20130524/us-east-1/s3/aws4_request")
        ),
        (
            valid.replacingOccurrences(of: "host;range", with: "host;;range"),
            .malformedSignedHeaders(
                "host;;range;x-amz-content-sha256;x-amz-date")
        ),
        (
            valid.replacingOccurrences(of: "host;range", with: "Host;range"),
            .malformedSignedHeaders(
                "Host;range;x-amz-content-sha256;x-amz-date")
        ),
        (
            valid.replacingOccurrences(of: "Signature=f0e8", with: "Signature=zz"),
            .malformedSignature(
                "zzbdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41")
        ),
        (
            "AWS4-HMAC-SHA256 Credential=A/20130524/us-east-1/s3/aws4_request, SignedHeaders=host, Signature",
            .missingComponent("Signature")
        ),
    ]

    @Test(arguments: malformed)
    func rejectsMalformed(header: String, error: SigV4Error) {
        #expect(throws: error) { try SigV4Authorization(header: header) }
        #expect(!error.description.isEmpty)
    }

    @Test func requestDateComesFromHeaders() throws {
        #expect(try SigV4.requestDate(headers: [("X-Amz-Date", "20130524T000000Z")]) == AmzDate("20130524T000000Z"))
        #expect(try SigV4.requestDate(headers: [("Date", "20130524T000000Z")]) == AmzDate("20130524T000000Z"))
        #expect(throws: SigV4Error.missingDate) {
            try SigV4.requestDate(headers: [("Date", "Fri, 24 May 2013 00:00:00 GMT")])
        }
        #expect(throws: SigV4Error.malformedDate("2013-05-24")) {
            try SigV4.requestDate(headers: [("x-amz-date", "2013-05-24")])
        }
    }
}

@Suite struct PresignedQueryParsingTests {
    static func query(replacing name: String? = nil, with value: String? = nil) -> [(name: String, value: String)] {
        var pairs: [(name: String, value: String)] = [
            ("X-Amz-Algorithm", "AWS4-HMAC-SHA256"),
            ("X-Amz-Credential", "AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request"),
            ("X-Amz-Date", "20130524T000000Z"), ("X-Amz-Expires", "86400"), ("X-Amz-SignedHeaders", "host"),
            ("X-Amz-Signature", "aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404"),
        ]
        if let name {
            pairs.removeAll { $0.name == name }
            if let value { pairs.append((name, value)) }
        }
        return pairs
    }

    @Test func parsesValidQuery() throws {
        let parsed = try SigV4PresignedQuery(query: Self.query())
        #expect(parsed.expires == 86_400)
        #expect(parsed.date == AmzDate("20130524T000000Z"))
        #expect(parsed.expiresAt == AmzDate("20130525T000000Z"))
        #expect(parsed.securityToken == nil)
        #expect(SigV4PresignedQuery.isPresigned(query: Self.query()))
        #expect(!SigV4PresignedQuery.isPresigned(query: [("list-type", "2")]))
    }

    @Test(arguments: SigV4PresignedQuery.requiredParameters)
    func missingParameter(name: String) {
        #expect(throws: SigV4Error.missingQueryParameter(name)) {
            try SigV4PresignedQuery(query: Self.query(replacing: name))
        }
    }

    @Test(arguments: [("604801", 604_801), ("0", 0), ("-7", -7), ("609901", 609_901)])
    func expiryOutOfRange(text: String, value: Int) {
        #expect(throws: SigV4Error.expiresOutOfRange(value)) {
            try SigV4PresignedQuery(query: Self.query(replacing: "X-Amz-Expires", with: text))
        }
    }

    @Test func expiryBoundsAccepted() throws {
        #expect(try SigV4PresignedQuery(query: Self.query(replacing: "X-Amz-Expires", with: "1")).expires == 1)
        #expect(
            try SigV4PresignedQuery(query: Self.query(replacing: "X-Amz-Expires", with: "604800")).expires == 604_800)
    }

    @Test func otherMalformedParameters() {
        #expect(throws: SigV4Error.malformedExpires("soon")) {
            try SigV4PresignedQuery(query: Self.query(replacing: "X-Amz-Expires", with: "soon"))
        }
        #expect(throws: SigV4Error.malformedDate("20130524")) {
            try SigV4PresignedQuery(query: Self.query(replacing: "X-Amz-Date", with: "20130524"))
        }
        #expect(throws: SigV4Error.unsupportedAlgorithm("AWS4-ECDSA-P256-SHA256")) {
            try SigV4PresignedQuery(query: Self.query(replacing: "X-Amz-Algorithm", with: "AWS4-ECDSA-P256-SHA256"))
        }
        #expect(throws: SigV4Error.malformedCredential("nope")) {
            try SigV4PresignedQuery(query: Self.query(replacing: "X-Amz-Credential", with: "nope"))
        }
    }

    @Test(arguments: [0, -1, 604_801])
    func presignerRejectsExpiry(expires: Int) {
        let signer = SigV4Signer(
            credentials: AWSCredentials(accessKeyID: "A", secretAccessKey: "S"), region: "us-east-1", service: "s3")
        let request = SignableRequest(method: "GET", path: "/b/k", headers: [("Host", "h")])
        #expect(throws: SigV4Error.expiresOutOfRange(expires)) {
            try signer.presign(request, expires: expires, date: Date(timeIntervalSince1970: 0))
        }
    }

    @Test func presignWithSessionTokenSignsIt() throws {
        let signer = SigV4Signer(
            credentials: AWSCredentials(accessKeyID: "A", secretAccessKey: "S", sessionToken: "T/ok+"),
            region: "eu-north-1", service: "s3")
        let request = SignableRequest(method: "GET", path: "/b/k", headers: [("Host", "h")])
        let presigned = try signer.presign(request, expires: 60, date: Date(timeIntervalSince1970: 0))
        #expect(presigned.target.contains("&X-Amz-Security-Token=T%2Fok%2B&X-Amz-Signature="))
        let received = SignableRequest(method: "GET", target: presigned.target, headers: [("Host", "h")])
        let parsed = try SigV4PresignedQuery(query: received.query)
        #expect(parsed.securityToken == "T/ok+")
        #expect(parsed.scope.region == "eu-north-1")
        #expect(try parsed.expectedSignature(for: received, secretAccessKey: "S").matches(parsed.signature))
    }

    @Test func signerRequiresHost() {
        let signer = SigV4Signer(
            credentials: AWSCredentials(accessKeyID: "A", secretAccessKey: "S"), region: "us-east-1", service: "s3")
        #expect(throws: SigV4Error.missingHost) {
            try signer.sign(SignableRequest(method: "GET", path: "/"), payloadHash: PayloadHash.empty, date: Date())
        }
    }

    @Test func resigningReplacesEarlierSignatureHeaders() throws {
        let signer = SigV4Signer(
            credentials: AWSCredentials(accessKeyID: "A", secretAccessKey: "S", sessionToken: "T"),
            region: "us-east-1", service: "lambda")
        let request = SignableRequest(method: "POST", path: "/", headers: [("Host", "h")])
        let first = try signer.sign(request, payloadHash: PayloadHash.empty, date: Date(timeIntervalSince1970: 0))
        let second = try signer.sign(
            first.request, payloadHash: PayloadHash.empty, date: Date(timeIntervalSince1970: 60))
        #expect(second.request.headerValues("authorization").count == 1)
        #expect(second.request.headerValues("x-amz-date") == ["19700101T000100Z"])
        #expect(second.request.headerValues("x-amz-security-token") == ["T"])
        #expect(second.signature.canonicalRequest.headers.signedHeaders == "host;x-amz-date;x-amz-security-token")
    }

    @Test func credentialsDescriptionRedactsSecrets() {
        let credentials = AWSCredentials(accessKeyID: "AKID", secretAccessKey: "SECRET", sessionToken: "TOKEN")
        #expect(credentials.description.contains("AKID"))
        #expect(!credentials.description.contains("SECRET"))
        #expect(!credentials.description.contains("TOKEN"))
    }
}
