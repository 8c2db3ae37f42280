import Testing

@testable import AWSSignature

/// s3-contract.md 1.9.1, 1.9.2 and 1.9.5: the AWS documentation examples.
@Suite struct S3DocumentationVectorTests {
    static let credentials = AWSCredentials(
        accessKeyID: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
    static let date = AmzDate("20130524T000000Z")!
    static let host = ("Host", "examplebucket.s3.amazonaws.com")
    let signer = SigV4Signer(credentials: credentials, region: "us-east-1", service: "s3")

    @Test func signingKey() {
        let scope = CredentialScope(date: Self.date, region: "us-east-1", service: "s3")
        let key = SigningKey(secretAccessKey: Self.credentials.secretAccessKey, scope: scope)
        #expect(Hex.encode(key.bytes) == "dbb893acc010964918f1fd433add87c70e8b0db6be30c1fbeafefa5ec6ba8378")
    }

    @Test func iamSigningKeyDerivationSteps() {
        let scope = CredentialScope(dateStamp: "20120215", region: "us-east-1", service: "iam")
        let steps = SigningKey.derivationSteps(
            secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", scope: scope
        ).map { Hex.encode($0) }
        #expect(
            steps == [
                "969fbb94feb542b71ede6f87fe4d5fa29c789342b0f407474670f0c2489e0a0d",
                "69daa0209cd9c5ff5c8ced464a696fd4252e981430b10e3d3fd8e2f197d7a70c",
                "f72cfd46f26bc4643f06a11eabb6c0ba18780c19a8da0c31ace671265e3c87fa",
                "f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d",
            ])
    }

    struct HeaderExample: Sendable, CustomTestStringConvertible {
        let name: String
        let method: String
        let target: String
        let headers: [(name: String, value: String)]
        let payloadHash: String
        let signedHeaders: String
        let canonicalHash: String
        let signature: String
        var testDescription: String { name }
    }

    static let headerExamples: [HeaderExample] = [
        HeaderExample(
            name: "GET object with range", method: "GET", target: "/test.txt",
            headers: [host, ("Range", "bytes=0-9")], payloadHash: Digest.emptySHA256Hex,
            signedHeaders: "host;range;x-amz-content-sha256;x-amz-date",
            canonicalHash: "7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972",
            signature: "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41"),
        HeaderExample(
            name: "PUT object", method: "PUT", target: "/test$file.text",
            headers: [
                ("Date", "Fri, 24 May 2013 00:00:00 GMT"), host, ("x-amz-storage-class", "REDUCED_REDUNDANCY"),
            ],
            payloadHash: "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072",
            signedHeaders: "date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class",
            canonicalHash: "9e0e90d9c76de8fa5b200d8c849cd5b8dc7a3be3951ddb7f6a76b4158342019d",
            signature: "98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd"),
        HeaderExample(
            name: "GET bucket lifecycle", method: "GET", target: "/?lifecycle", headers: [host],
            payloadHash: Digest.emptySHA256Hex, signedHeaders: "host;x-amz-content-sha256;x-amz-date",
            canonicalHash: "9766c798316ff2757b517bc739a67f6213b4ab36dd5da2f94eaebf79c77395ca",
            signature: "fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543"),
        HeaderExample(
            name: "List objects", method: "GET", target: "/?max-keys=2&prefix=J", headers: [host],
            payloadHash: Digest.emptySHA256Hex, signedHeaders: "host;x-amz-content-sha256;x-amz-date",
            canonicalHash: "df57d21db20da04d7fa30298dd4488ba3a2b47ca3a489c74750e0f1e7df1b9b7",
            signature: "34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7"),
    ]

    @Test(arguments: headerExamples)
    func headerAuthentication(example: HeaderExample) throws {
        let request = SignableRequest(method: example.method, target: example.target, headers: example.headers)
        let signed = try signer.sign(request, payloadHash: example.payloadHash, date: Self.date.date)
        #expect(signed.signature.canonicalRequest.headers.signedHeaders == example.signedHeaders)
        #expect(signed.signature.canonicalRequest.hashHex == example.canonicalHash)
        #expect(signed.signature.signature == example.signature)
        #expect(
            signed.request.header("Authorization")
                == "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
                + "SignedHeaders=\(example.signedHeaders), Signature=\(example.signature)")
        #expect(signed.request.header("x-amz-date") == "20130524T000000Z")
        #expect(signed.request.header("x-amz-content-sha256") == example.payloadHash)
        #expect(signed.request.header("x-amz-security-token") == nil)

        // The verifier side, from what a server receives.
        let authorization = try SigV4Authorization(header: try #require(signed.request.header("authorization")))
        #expect(authorization.accessKeyID == "AKIAIOSFODNN7EXAMPLE")
        #expect(authorization.scope.region == "us-east-1")
        let received = SignableRequest(method: example.method, target: example.target, headers: signed.headers)
        let expected = try authorization.expectedSignature(
            for: received, payloadHash: example.payloadHash, secretAccessKey: Self.credentials.secretAccessKey)
        #expect(expected.matches(authorization.signature))
        let wrongSecret = try authorization.expectedSignature(
            for: received, payloadHash: example.payloadHash, secretAccessKey: "wrong")
        #expect(!wrongSecret.matches(authorization.signature))
    }

    @Test func putObjectCanonicalURIEncodesDollar() throws {
        let request = SignableRequest(method: "PUT", path: "/test$file.text", headers: [Self.host])
        let signed = try signer.sign(request, payloadHash: PayloadHash.unsigned, date: Self.date.date)
        #expect(signed.signature.canonicalRequest.uri == "/test%24file.text")
    }

    @Test func presignedURLExample() throws {
        let request = SignableRequest(method: "GET", path: "/test.txt", headers: [Self.host])
        let presigned = try signer.presign(request, expires: 86_400, date: Self.date.date)
        #expect(
            presigned.signature.canonicalRequest.query
                == "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1"
                + "%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host")
        #expect(presigned.signature.canonicalRequest.payloadHash == "UNSIGNED-PAYLOAD")
        #expect(
            presigned.signature.canonicalRequest.hashHex
                == "3bfa292879f6447bbcda7001decf97f4a54dc650c8942174ae0a9121cf58ad04")
        #expect(presigned.signature.signature == "aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404")
        #expect(presigned.url.hasPrefix("https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm="))
        #expect(
            presigned.url.hasSuffix(
                "&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404"))

        // Verify what the server receives.
        let received = SignableRequest(method: "GET", target: presigned.target, headers: [Self.host])
        let query = try SigV4PresignedQuery(query: received.query)
        #expect(query.expires == 86_400)
        #expect(query.signedHeaders == ["host"])
        let expected = try query.expectedSignature(for: received, secretAccessKey: Self.credentials.secretAccessKey)
        #expect(expected.matches(query.signature))
        #expect(!query.isExpired(at: Self.date.adding(seconds: 86_400).date))
        #expect(query.isExpired(at: Self.date.adding(seconds: 86_401).date))
    }
}
