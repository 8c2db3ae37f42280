import AWSSignature
import BuildingBlocks
import CurlHTTP
import Foundation
import Testing

@testable import AWSClients

/// An HTTP client that answers from a script and records what it was asked.
final class ScriptedHTTP: HTTPExecuting, @unchecked Sendable {
    private let lock = NSLock()
    private var answers: [Result<HTTPResponse, HTTPClientError>]
    private(set) var requests: [HTTPRequest] = []

    init(_ answers: [Result<HTTPResponse, HTTPClientError>]) { self.answers = answers }

    func execute(_ request: HTTPRequest, into destination: HTTPResponseDestination) async throws(HTTPClientError)
        -> HTTPResponse
    {
        let answer: Result<HTTPResponse, HTTPClientError> = lock.withLock {
            requests.append(request)
            return answers.isEmpty ? .failure(.other(code: -1, message: "script exhausted")) : answers.removeFirst()
        }
        return try answer.get()
    }

    var count: Int { lock.withLock { requests.count } }
}

/// Records requested sleeps instead of sleeping.
final class SleepLog: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [Duration] = []
    var delays: [Duration] { lock.withLock { stored } }
    func sleep(_ duration: Duration) async throws { lock.withLock { stored.append(duration) } }
}

@Suite struct TransportTests {
    let fixedDate = Date(timeIntervalSince1970: 1_767_323_045)  // 2026-01-02T03:04:05Z

    func configuration(attempts: Int) -> AWSConfiguration {
        AWSConfiguration(
            region: "us-east-1",
            credentials: AWSCredentials(
                accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
            endpoints: [.dynamodb: "http://127.0.0.1:8000", .s3: "http://127.0.0.1:9000"],
            retryPolicy: RetryPolicy(maxAttempts: attempts, baseDelay: .milliseconds(100), random: { 0.5 }))
    }

    func dynamoError(_ status: Int, _ type: String) -> Result<HTTPResponse, HTTPClientError> {
        .success(HTTPResponse(status: status, body: Array(#"{"__type":"\#(type)","message":"m"}"#.utf8)))
    }

    @Test func signsDynamoDBRequestsExactlyAsTheReferenceVector() async throws {
        // dynamodb-contract.md 1.6: the same request, body bytes and clock give botocore's signature.
        let http = ScriptedHTTP([.success(HTTPResponse(status: 200, body: Array("{}".utf8)))])
        let date = fixedDate
        let client = DynamoDBClient(configuration: configuration(attempts: 1), http: http, now: { date })
        struct Raw: Encodable {}
        _ = try await client.transport.send(
            AWSRequest(
                method: .post, endpoint: "http://127.0.0.1:8000", path: "/",
                headers: [
                    ("Content-Type", "application/x-amz-json-1.0"), ("X-Amz-Target", "DynamoDB_20120810.GetItem"),
                ],
                body: .string(#"{"TableName": "jobs", "Key": {"pk": {"S": "job-1"}}}"#)))
        let sent = try #require(http.requests.first)
        #expect(sent.url == "http://127.0.0.1:8000/")
        #expect(sent.headers["X-Amz-Date"] == "20260102T030405Z")
        #expect(
            sent.headers["Authorization"]
                == "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260102/us-east-1/dynamodb/aws4_request, "
                + "SignedHeaders=content-type;host;x-amz-date;x-amz-target, "
                + "Signature=4ab7f7bf77a4d93c4fdd1b4381ed81ea372a23294c95e50e5ff926b0b28c2487")
    }

    @Test func retriesThrottlingAndServerErrorsWithJitteredBackoff() async throws {
        let http = ScriptedHTTP([
            dynamoError(400, "com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException"),
            dynamoError(500, "com.amazonaws.dynamodb.v20120810#InternalServerError"),
            .failure(.receiveFailed("reset")),
            .success(HTTPResponse(status: 200, body: Array(#"{"Item":{"pk":{"S":"a"}}}"#.utf8))),
        ])
        let sleeps = SleepLog()
        let client = DynamoDBClient(configuration: configuration(attempts: 4), http: http, sleep: sleeps.sleep)
        let item = try await client.getItem(table: "t", key: ["pk": .string("a")])
        #expect(item == ["pk": .string("a")])
        #expect(http.count == 4)
        // Full jitter with random() = 0.5: half of 100 ms, 200 ms, 400 ms.
        #expect(sleeps.delays == [.milliseconds(50), .milliseconds(100), .milliseconds(200)])
    }

    @Test func givesUpAfterTheLastAttempt() async throws {
        let http = ScriptedHTTP(Array(repeating: dynamoError(503, "ServiceUnavailable"), count: 5))
        let sleeps = SleepLog()
        let client = DynamoDBClient(configuration: configuration(attempts: 3), http: http, sleep: sleeps.sleep)
        await #expect {
            try await client.getItem(table: "t", key: ["pk": .string("a")])
        } throws: { error in (error as? AWSClientError)?.code == "ServiceUnavailable" }
        #expect(http.count == 3)
    }

    @Test func doesNotRetryClientErrors() async throws {
        let http = ScriptedHTTP([
            dynamoError(400, "com.amazon.coral.validate#ValidationException"),
            .success(HTTPResponse(status: 200, body: Array("{}".utf8))),
        ])
        let client = DynamoDBClient(configuration: configuration(attempts: 3), http: http, sleep: { _ in })
        await #expect {
            try await client.getItem(table: "t", key: [:])
        } throws: { error in
            guard case AWSClientError.service(let service) = error else { return false }
            return service.code == "ValidationException" && service.message == "m" && service.statusCode == 400
        }
        #expect(http.count == 1)
    }

    @Test func conditionalCheckFailureIsItsOwnErrorWithTheOldItem() async throws {
        let body =
            #"{"__type":"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException","message":"The conditional request failed","Item":{"n":{"N":"3"}}}"#
        let http = ScriptedHTTP([.success(HTTPResponse(status: 400, body: Array(body.utf8)))])
        let client = DynamoDBClient(configuration: configuration(attempts: 3), http: http, sleep: { _ in })
        await #expect {
            try await client.putItem(
                table: "t", item: ["pk": .string("a")], condition: Expression("attribute_not_exists(pk)"))
        } throws: { error in
            guard case AWSClientError.conditionalCheckFailed(let item) = error else { return false }
            return item == ["n": .number("3")]
        }
    }

    @Test func s3ErrorsAreReadFromTheirXMLDocument() {
        let xml = "<?xml version=\"1.0\"?><Error><Code>NoSuchKey</Code><Message>gone</Message></Error>"
        let error = S3Client.decodeError(HTTPResponse(status: 404, body: Array(xml.utf8)))
        #expect(error.code == "NoSuchKey")
        #expect(S3Client.decodeError(HTTPResponse(status: 404)).code == "NotFound")
    }

    @Test func s3UsesPathStyleLocallyAndVirtualHostsOnAWS() throws {
        let local = S3Client(configuration: configuration(attempts: 1), http: ScriptedHTTP([]))
        #expect(
            local.location(bucket: "docs", key: "a b/ü.docx") == ("http://127.0.0.1:9000", "/docs/a%20b/%C3%BC.docx"))
        var aws = configuration(attempts: 1)
        aws.endpoints = [:]
        aws.region = "eu-north-1"
        let remote = S3Client(configuration: aws, http: ScriptedHTTP([]))
        #expect(remote.location(bucket: "docs", key: "k") == ("https://docs.s3.eu-north-1.amazonaws.com", "/k"))
    }

    @Test func presignedURLCarriesOverridesAndRefusesOutOfRangeExpiry() throws {
        let date = fixedDate
        let client = S3Client(configuration: configuration(attempts: 1), http: ScriptedHTTP([]), now: { date })
        let url = try client.presignedGetURL(
            bucket: "documents", key: "job-42/cover.docx",
            responseContentDisposition: "attachment; filename=\"cover.docx\"")
        #expect(url.hasPrefix("http://127.0.0.1:9000/documents/job-42/cover.docx?"))
        #expect(url.contains("response-content-disposition=attachment%3B%20filename%3D%22cover.docx%22"))
        #expect(url.contains("X-Amz-Expires=3600"))
        #expect(throws: AWSClientError.self) { try client.presignedGetURL(bucket: "b", key: "k", expires: 604_801) }
        #expect(throws: AWSClientError.self) { try client.presignedGetURL(bucket: "b", key: "k", expires: 0) }
    }
}
