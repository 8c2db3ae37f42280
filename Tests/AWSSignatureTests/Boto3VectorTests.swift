import Testing

@testable import AWSSignature

/// s3-contract.md 1.9.6: boto3 presigned URLs against LocalS3 with a frozen clock, and dynamodb-contract.md 1.6.
@Suite struct Boto3VectorTests {
    static let credentials = AWSCredentials(
        accessKeyID: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
    static let date = AmzDate("20260102T030405Z")!
    static let host = ("Host", "127.0.0.1:9000")
    static let docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    static let disposition = ("response-content-disposition", "attachment; filename=\"cover.docx\"")
    static let credentialQuery =
        "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20260102%2Fus-east-1%2Fs3"
        + "%2Faws4_request&X-Amz-Date=20260102T030405Z&X-Amz-Expires=3600"

    struct V4Case: Sendable, CustomTestStringConvertible {
        let name: String
        let request: SignableRequest
        let expectedTarget: String
        var testDescription: String { name }
    }

    static let v4Cases: [V4Case] = [
        V4Case(
            name: "key with spaces and parentheses",
            request: SignableRequest(
                method: "GET",
                path: "/documents/" + URIEncoding.encode("job-42/Cover Letter (final).docx", keepSlash: true),
                headers: [host]),
            expectedTarget: "/documents/job-42/Cover%20Letter%20%28final%29.docx?" + credentialQuery
                + "&X-Amz-SignedHeaders=host"
                + "&X-Amz-Signature=32507c38be522aaa88b2b10247d7d0f43a80cdaf4cbd21dea10fc2e5e4123da5"),
        V4Case(
            name: "response-content-disposition",
            request: SignableRequest(
                method: "GET", path: "/documents/job-42/cover.docx", query: [disposition], headers: [host]),
            expectedTarget: "/documents/job-42/cover.docx?response-content-disposition="
                + "attachment%3B%20filename%3D%22cover.docx%22&" + credentialQuery + "&X-Amz-SignedHeaders=host"
                + "&X-Amz-Signature=dfa3c49d4e3247b6d7ee110e0890360eb898946846ec3072e7ecd1f158950c84"),
        V4Case(
            name: "PUT with Content-Type",
            request: SignableRequest(
                method: "PUT", path: "/documents/job-42/cover.docx", headers: [host, ("Content-Type", docx)]),
            expectedTarget: "/documents/job-42/cover.docx?" + credentialQuery
                + "&X-Amz-SignedHeaders=content-type%3Bhost"
                + "&X-Amz-Signature=a460b33042a8f013d2ea32c54515ee98262ae0d5d911f565d8d6035f00c84e3e"),
    ]

    @Test(arguments: v4Cases)
    func sigV4Presign(testCase: V4Case) throws {
        let signer = SigV4Signer(credentials: Self.credentials, region: "us-east-1", service: "s3")
        let presigned = try signer.presign(testCase.request, scheme: "http", expires: 3600, date: Self.date.date)
        #expect(presigned.target == testCase.expectedTarget)
        #expect(presigned.url == "http://127.0.0.1:9000" + testCase.expectedTarget)

        // LocalS3's view: raw target and received headers in, verdict out.
        let received = SignableRequest(
            method: testCase.request.method, target: testCase.expectedTarget, headers: testCase.request.headers)
        let query = try SigV4PresignedQuery(query: received.query)
        #expect(query.scope.region == "us-east-1")
        let expected = try query.expectedSignature(for: received, secretAccessKey: Self.credentials.secretAccessKey)
        #expect(expected.matches(query.signature))
        #expect(!query.isExpired(at: Self.date.adding(seconds: 3600).date))
        #expect(query.isExpired(at: Self.date.adding(seconds: 3601).date))

        // A tampered path no longer verifies.
        var tampered = received
        tampered.path += "x"
        #expect(!(try query.expectedSignature(for: tampered, secretAccessKey: "x")).matches(query.signature))
        #expect(
            !(try query.expectedSignature(for: tampered, secretAccessKey: Self.credentials.secretAccessKey))
                .matches(query.signature))
    }

    @Test func sigV4PresignRequiresSignedContentType() throws {
        let target = Self.v4Cases[2].expectedTarget
        let withoutType = SignableRequest(method: "PUT", target: target, headers: [Self.host])
        let query = try SigV4PresignedQuery(query: withoutType.query)
        #expect(throws: SigV4Error.signedHeaderMissing("content-type")) {
            try query.expectedSignature(for: withoutType, secretAccessKey: Self.credentials.secretAccessKey)
        }
    }

    struct V2Case: Sendable, CustomTestStringConvertible {
        let name: String
        let request: SignableRequest
        let expires: Int64
        let stringToSign: String
        let signature: String
        var testDescription: String { name }
    }

    static let v2Cases: [V2Case] = [
        V2Case(
            name: "GET", request: SignableRequest(method: "GET", path: "/documents/job-42/cover.docx", headers: [host]),
            expires: 1_767_326_645, stringToSign: "GET\n\n\n1767326645\n/documents/job-42/cover.docx",
            signature: "w1F+KkFY1xKdHL4mw68D72S9uto="),
        V2Case(
            name: "GET with response-content-disposition",
            request: SignableRequest(
                method: "GET", path: "/documents/job-42/cover.docx", query: [disposition], headers: [host]),
            expires: 1_767_326_645,
            stringToSign: "GET\n\n\n1767326645\n/documents/job-42/cover.docx"
                + "?response-content-disposition=attachment; filename=\"cover.docx\"",
            signature: "fvRPdS2H5S2DFMFzVstBTZ5mnzw="),
        V2Case(
            name: "GET key with spaces and parentheses",
            request: SignableRequest(
                method: "GET", path: "/documents/job-42/Cover%20Letter%20%28final%29.docx", headers: [host]),
            expires: 1_767_326_645,
            stringToSign: "GET\n\n\n1767326645\n/documents/job-42/Cover%20Letter%20%28final%29.docx",
            signature: "rM7ollvU1xi4/L2X8IH9STg6z28="),
        V2Case(
            name: "PUT with Content-Type",
            request: SignableRequest(
                method: "PUT", path: "/documents/job-42/cover.docx", headers: [host, ("Content-Type", docx)]),
            expires: 1_767_326_645, stringToSign: "PUT\n\n\(docx)\n1767326645\n/documents/job-42/cover.docx",
            signature: "ZB7TCi3nkNLGVhslE+tGEp9RYGA="),
        V2Case(
            name: "AWS REST-auth documentation example",
            request: SignableRequest(method: "GET", path: "/johnsmith/photos/puppy.jpg", headers: [host]),
            expires: 1_175_139_620, stringToSign: "GET\n\n\n1175139620\n/johnsmith/photos/puppy.jpg",
            signature: "NpgCjnDzrM+WFzoENXmpNDUsSn8="),
    ]

    @Test(arguments: v2Cases)
    func sigV2(testCase: V2Case) throws {
        let stringToSign = SigV2.stringToSign(for: testCase.request, expires: testCase.expires)
        #expect(stringToSign == testCase.stringToSign)
        #expect(
            SigV2.signature(secretAccessKey: Self.credentials.secretAccessKey, stringToSign: stringToSign)
                == testCase.signature)

        // Generate a URL, then verify it as LocalS3 would from the raw target.
        let url = try SigV2.presignedURL(
            testCase.request, credentials: Self.credentials, expires: testCase.expires, scheme: "http")
        let prefix = "http://127.0.0.1:9000"
        #expect(url.hasPrefix(prefix))
        let received = SignableRequest(
            method: testCase.request.method, target: String(url.dropFirst(prefix.count)),
            headers: testCase.request.headers)
        let query = try SigV2PresignedQuery(query: received.query)
        #expect(query.signature == testCase.signature)
        #expect(query.accessKeyID == "AKIAIOSFODNN7EXAMPLE")
        let expected = query.expectedSignature(for: received, secretAccessKey: Self.credentials.secretAccessKey)
        #expect(expected.stringToSign == testCase.stringToSign)
        #expect(expected.matches(query.signature))
        #expect(!query.expectedSignature(for: received, secretAccessKey: "other").matches(query.signature))
        #expect(!query.isExpired(at: AmzDate(secondsSince1970: testCase.expires).date))
        #expect(query.isExpired(at: AmzDate(secondsSince1970: testCase.expires + 1).date))
    }

    @Test func sigV2WithSessionTokenSignsTheTokenAsAnAmzHeader() throws {
        let credentials = AWSCredentials(accessKeyID: "ASIA", secretAccessKey: "S", sessionToken: "tok/en+==")
        let request = SignableRequest(method: "GET", path: "/bkt/k", headers: [Self.host])
        let url = try SigV2.presignedURL(request, credentials: credentials, expires: 100, scheme: "http")
        #expect(
            url == "http://127.0.0.1:9000/bkt/k?AWSAccessKeyId=ASIA&Signature="
                + QueryString.encodeComponent(
                    SigV2.signature(
                        secretAccessKey: "S", stringToSign: "GET\n\n\n100\nx-amz-security-token:tok/en+==\n/bkt/k"))
                + "&Expires=100&x-amz-security-token=tok%2Fen%2B%3D%3D")
        let received = SignableRequest(
            method: "GET", target: String(url.dropFirst("http://127.0.0.1:9000".count)), headers: [Self.host])
        let query = try SigV2PresignedQuery(query: received.query)
        let expected = query.expectedSignature(for: received, secretAccessKey: "S")
        #expect(expected.stringToSign == "GET\n\n\n100\nx-amz-security-token:tok/en+==\n/bkt/k")
        #expect(expected.matches(query.signature))
    }

    @Test func sigV2ParseErrors() {
        #expect(throws: SigV2Error.missingQueryParameter("AWSAccessKeyId")) {
            try SigV2PresignedQuery(query: [("Signature", "w1F+KkFY1xKdHL4mw68D72S9uto="), ("Expires", "1")])
        }
        #expect(throws: SigV2Error.malformedExpires("soon")) {
            try SigV2PresignedQuery(
                query: [("AWSAccessKeyId", "A"), ("Signature", "w1F+KkFY1xKdHL4mw68D72S9uto="), ("Expires", "soon")])
        }
        #expect(throws: SigV2Error.malformedSignature("abc")) {
            try SigV2PresignedQuery(query: [("AWSAccessKeyId", "A"), ("Signature", "abc"), ("Expires", "1")])
        }
    }

    @Test func sigV2AmzHeadersAndSubresources() {
        let request = SignableRequest(
            method: "put", path: "/bkt/key",
            query: [("uploadId", "u1"), ("partNumber", "2"), ("x-id", "UploadPart"), ("acl", "")],
            headers: [
                ("Content-MD5", " abc== "), ("X-Amz-Meta-B", "2"), ("x-amz-meta-a", " 1 "), ("x-amz-meta-b", "3"),
            ])
        #expect(
            SigV2.stringToSign(for: request, expires: 5)
                == "PUT\nabc==\n\n5\nx-amz-meta-a:1\nx-amz-meta-b:2,3\n/bkt/key?acl&partNumber=2&uploadId=u1")
    }

    @Test func dynamoDBGetItem() throws {
        let credentials = AWSCredentials(
            accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
        let signer = SigV4Signer(credentials: credentials, region: "us-east-1", service: "dynamodb")
        let body = Array(#"{"TableName": "jobs", "Key": {"pk": {"S": "job-1"}}}"#.utf8)
        #expect(PayloadHash.sha256(body) == "25bee26f3677a32baccc838782a19bd66d745b16dc1029d1a26d184bb6464375")
        let request = SignableRequest(
            method: "POST", path: "/",
            headers: [
                ("Host", "127.0.0.1:8000"), ("Content-Type", "application/x-amz-json-1.0"),
                ("X-Amz-Target", "DynamoDB_20120810.GetItem"), ("User-Agent", "JobsAI/1.0"),
            ])
        let signed = try signer.sign(
            request, payloadHash: PayloadHash.sha256(body), date: AmzDate("20260102T030405Z")!.date)
        #expect(signed.signature.signature == "4ab7f7bf77a4d93c4fdd1b4381ed81ea372a23294c95e50e5ff926b0b28c2487")
        #expect(signed.signature.canonicalRequest.headers.signedHeaders == "content-type;host;x-amz-date;x-amz-target")
        #expect(signed.request.header("x-amz-content-sha256") == nil)
    }
}
