import Foundation
import Testing

@testable import LambdaRuntime

@Suite struct HTTPEventTests {
    /// A Function URL event as AWS sends it: no `pathParameters`, `stageVariables` or `queryStringParameters`.
    static let functionURLEvent = """
        {"version":"2.0","routeKey":"$default","rawPath":"/orders/7","rawQueryString":"x=1&x=2",
         "cookies":["a=1","b=2"],"headers":{"content-type":"application/x-www-form-urlencoded","host":"abc.lambda-url.us-east-1.on.aws"},
         "queryStringParameters":{"x":"1,2"},
         "requestContext":{"accountId":"anonymous","apiId":"abc","domainName":"abc.lambda-url.us-east-1.on.aws",
           "domainPrefix":"abc","http":{"method":"POST","path":"/orders/7","protocol":"HTTP/1.1","sourceIp":"127.0.0.1",
           "userAgent":"curl/8"},"requestId":"id-1","routeKey":"$default","stage":"$default",
           "time":"26/Nov/2026:15:00:00 +0000","timeEpoch":1795000000000,"authorizer":null},
         "body":"aGk=","isBase64Encoded":true}
        """

    @Test func decodesAFunctionURLEvent() throws {
        let request = try JSONDecoder().decode(FunctionURLRequest.self, from: Data(Self.functionURLEvent.utf8))
        #expect(request.rawPath == "/orders/7")
        #expect(request.cookies == ["a=1", "b=2"])
        #expect(request.queryStringParameters["x"] == "1,2")
        #expect(request.pathParameters.isEmpty)
        #expect(request.requestContext.http.sourceIp == "127.0.0.1")
        #expect(request.requestContext.timeEpoch == 1_795_000_000_000)
        #expect(request.bodyBytes == Array("hi".utf8))
        #expect(request.header("Content-Type") == "application/x-www-form-urlencoded")
    }

    @Test func rejectsAnEventWithoutRequiredFields() {
        let broken = Self.functionURLEvent.replacingOccurrences(of: #""rawPath":"/orders/7","#, with: "")
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(APIGatewayV2Request.self, from: Data(broken.utf8))
        }
    }

    @Test func responseEncodesCookiesAndBase64Bodies() throws {
        let response = APIGatewayV2Response(
            statusCode: 201, headers: ["X-A": "1"], cookies: ["s=1; Path=/"], binaryBody: [0, 1, 2])
        let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(response)) as? [String: Any]
        #expect(object?["statusCode"] as? Int == 201)
        #expect(object?["cookies"] as? [String] == ["s=1; Path=/"])
        #expect(object?["body"] as? String == "AAEC")
        #expect(object?["isBase64Encoded"] as? Bool == true)
    }

    @Test func reencodingLeavesOutEmptyCollections() throws {
        let request = try JSONDecoder().decode(APIGatewayV2Request.self, from: Data(Self.functionURLEvent.utf8))
        let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(request)) as? [String: Any]
        #expect(object?["pathParameters"] == nil)
        #expect(object?["headers"] != nil)
        #expect(object?["isBase64Encoded"] as? Bool == true)
    }
}
