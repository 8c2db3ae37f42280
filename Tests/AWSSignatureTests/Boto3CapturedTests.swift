import Foundation
import Testing

@testable import AWSSignature

/// Requests boto3 1.43 actually produced (Fixtures/capture_boto3.py): random keys with reserved and
/// non-ASCII characters, S3 header auth with and without session tokens, DynamoDB and Lambda (generic
/// URI style, ARN in the path), SigV4 and SigV2 presigned URLs. Each must verify as LocalS3 would see it.
@Suite struct Boto3CapturedTests {
    struct Captured: Decodable, Sendable, CustomTestStringConvertible {
        let kind: String
        let method: String
        let target: String
        let headers: [[String]]
        let bodySha256: String

        var request: SignableRequest {
            SignableRequest(method: method, target: target, headers: headers.map { (name: $0[0], value: $0[1]) })
        }
        var testDescription: String { "\(kind) \(method) \(target.prefix(60))" }
    }

    static let secrets = [
        "AKIDEXAMPLE": "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "ASIAEXAMPLE": "secret/with+chars",
    ]

    static let captured: [Captured] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/boto3-captured.json")
        guard let data = try? Data(contentsOf: url),
            let cases = try? JSONDecoder().decode([Captured].self, from: data)
        else { return [] }
        return cases
    }()

    @Test func fixtureLoaded() {
        #expect(Self.captured.count == 64)
    }

    @Test(arguments: captured.filter { $0.kind == "header" })
    func headerAuthentication(captured: Captured) throws {
        let request = captured.request
        let authorization = try SigV4Authorization(header: try #require(request.header("authorization")))
        let secret = try #require(Self.secrets[authorization.accessKeyID])
        let payloadHash =
            authorization.scope.service == "s3"
            ? try #require(request.header("x-amz-content-sha256")) : captured.bodySha256
        let expected = try authorization.expectedSignature(
            for: request, payloadHash: payloadHash, secretAccessKey: secret)
        #expect(expected.matches(authorization.signature), "\(expected.canonicalRequest.text)")

        // A different path, an altered signed header, or another secret must not verify.
        var tampered = request
        tampered.path += "x"
        #expect(
            !(try authorization.expectedSignature(for: tampered, payloadHash: payloadHash, secretAccessKey: secret))
                .matches(authorization.signature))
        var alteredHeader = request
        alteredHeader.headers = request.headers.map { header in
            header.name.lowercased() == "x-amz-date" ? (header.name, "20000101T000000Z") : header
        }
        #expect(
            !(try authorization.expectedSignature(
                for: alteredHeader, payloadHash: payloadHash, secretAccessKey: secret)).matches(authorization.signature)
        )
    }

    @Test(arguments: captured.filter { $0.kind == "presign-s3v4" })
    func sigV4PresignedURL(captured: Captured) throws {
        let request = captured.request
        let query = try SigV4PresignedQuery(query: request.query)
        let secret = try #require(Self.secrets[query.accessKeyID])
        let expected = try query.expectedSignature(for: request, secretAccessKey: secret)
        #expect(expected.matches(query.signature), "\(expected.canonicalRequest.text)")
        var tampered = request
        tampered.method = request.method == "GET" ? "PUT" : "GET"
        #expect(!(try query.expectedSignature(for: tampered, secretAccessKey: secret)).matches(query.signature))
    }

    @Test(arguments: captured.filter { $0.kind == "presign-v2" })
    func sigV2PresignedURL(captured: Captured) throws {
        let request = captured.request
        #expect(SigV2PresignedQuery.isPresigned(query: request.query))
        let query = try SigV2PresignedQuery(query: request.query)
        let secret = try #require(Self.secrets[query.accessKeyID])
        let expected = query.expectedSignature(for: request, secretAccessKey: secret)
        #expect(expected.matches(query.signature), "\(expected.stringToSign)")
        var tampered = request
        tampered.path += "x"
        #expect(!query.expectedSignature(for: tampered, secretAccessKey: secret).matches(query.signature))
    }
}
