import Foundation
import HTTPTypes
import LambdaRuntime
import Testing

@testable import LambdaRuntimeEmulator

@Suite struct GatewayMappingTests {
    static let function = FunctionConfiguration(name: "api", codeDirectory: URL(fileURLWithPath: "/tmp"))

    static func result(_ body: String, contentType: String = "application/json", error: Bool = false)
        -> InvocationResult
    {
        let outcome: RuntimeOutcome =
            error
            ? .functionError(body: Array(body.utf8)) : .response(body: Array(body.utf8), contentType: contentType)
        return InvocationResult(requestID: "r", outcome: outcome, function: function, log: [])
    }

    @Test func requestBecomesThePayload2Event() throws {
        var headers = HTTPFields()
        headers.append(HTTPField(name: .init("Cookie")!, value: "a=1; b=2"))
        headers.append(HTTPField(name: .init("Content-Type")!, value: "application/x-www-form-urlencoded"))
        headers.append(HTTPField(name: .init("X-Many")!, value: "1"))
        headers.append(HTTPField(name: .init("X-Many")!, value: "2"))
        headers.append(HTTPField(name: .init("Host")!, value: "127.0.0.1:3000"))
        let event = HTTPEventMapper.event(
            method: "POST", rawPath: "/orders/7", rawQuery: "x=1&x=2&name=a%20b", headers: headers,
            body: Array("hi".utf8), sourceIP: "127.0.0.1", now: Date(timeIntervalSince1970: 1_795_705_200))
        #expect(event.rawPath == "/orders/7")
        #expect(event.rawQueryString == "x=1&x=2&name=a%20b")
        #expect(event.queryStringParameters == ["x": "1,2", "name": "a b"])
        #expect(event.cookies == ["a=1", "b=2"])
        #expect(event.headers["x-many"] == "1,2")
        #expect(event.headers["content-type"] == "application/x-www-form-urlencoded")
        #expect(event.body == "hi")
        #expect(!event.isBase64Encoded)
        #expect(event.requestContext.http.method == "POST")
        #expect(event.requestContext.http.sourceIp == "127.0.0.1")
        #expect(event.requestContext.time == "26/Nov/2026:15:00:00 +0000")
        #expect(event.requestContext.timeEpoch == 1_795_705_200_000)
    }

    @Test func binaryBodiesAreBase64() {
        var headers = HTTPFields()
        headers.append(HTTPField(name: .contentType, value: "image/png"))
        let event = HTTPEventMapper.event(
            method: "PUT", rawPath: "/", rawQuery: "", headers: headers, body: [0, 1, 2], sourceIP: "::1")
        #expect(event.isBase64Encoded)
        #expect(event.body == "AAEC")
    }

    @Test func structuredResponseSetsStatusHeadersAndCookies() {
        let answer = HTTPResponseMapper.answer(
            for: Self.result(#"{"statusCode":201,"headers":{"X-A":"1"},"cookies":["s=1; Path=/"],"body":"ok"}"#))
        #expect(answer.status == 201)
        #expect(answer.headers.contains { $0 == ("X-A", "1") })
        #expect(answer.headers.contains { $0 == ("set-cookie", "s=1; Path=/") })
        #expect(answer.body == Array("ok".utf8))
        let binary = HTTPResponseMapper.answer(
            for: Self.result(#"{"statusCode":200,"body":"AAEC","isBase64Encoded":true}"#))
        #expect(binary.body == [0, 1, 2])
    }

    @Test func otherOutputsAreInferredOrRefused() {
        let string = HTTPResponseMapper.answer(for: Self.result(#""Hello, world!""#))
        #expect(string.status == 200)
        #expect(string.body == Array(#""Hello, world!""#.utf8))
        #expect(HTTPResponseMapper.answer(for: Self.result("not json")).status == 502)
        #expect(HTTPResponseMapper.answer(for: Self.result(#"{"errorType":"X"}"#, error: true)).status == 502)
    }

    @Test func streamedPreludeIsSplitFromTheBody() {
        let payload =
            #"{"statusCode":202,"headers":{"a":"b"},"cookies":["c=1"]}"# + String(repeating: "\0", count: 8)
            + "raw body"
        let answer = HTTPResponseMapper.answer(
            for: Self.result(payload, contentType: HTTPResponseMapper.streamingContentType))
        #expect(answer.status == 202)
        #expect(answer.body == Array("raw body".utf8))
        #expect(answer.headers.contains { $0 == ("set-cookie", "c=1") })
    }
}
