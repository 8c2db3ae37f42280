import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import LambdaRuntimeEmulator

@Suite struct FunctionURLCORSTests {
    static let policy = FunctionURLCORSPolicy(
        cors: FunctionURLCors(
            allowOrigins: ["https://site.example"], allowMethods: ["GET", "POST"], allowHeaders: ["content-type"],
            exposeHeaders: ["location"], maxAge: 600))

    static func header(_ answer: HTTPResponseMapper.Answer?, _ name: String) -> String? {
        answer?.headers.first { $0.0 == name }?.1
    }

    @Test func preflightIsAnsweredWithoutTheFunction() {
        let answer = Self.policy.preflight(method: "OPTIONS", origin: "https://site.example", requestedMethod: "POST")
        #expect(answer?.status == 200)
        #expect(Self.header(answer, "access-control-allow-origin") == "https://site.example")
        #expect(Self.header(answer, "access-control-allow-methods") == "GET,POST")
        #expect(Self.header(answer, "access-control-allow-headers") == "content-type")
        #expect(Self.header(answer, "access-control-max-age") == "600")
    }

    @Test func foreignOriginsAndMethodsGetNoGrant() {
        let stranger = Self.policy.preflight(method: "OPTIONS", origin: "https://evil.example", requestedMethod: "GET")
        #expect(stranger?.status == 200 && Self.header(stranger, "access-control-allow-origin") == nil)
        let delete = Self.policy.preflight(method: "OPTIONS", origin: "https://site.example", requestedMethod: "DELETE")
        #expect(Self.header(delete, "access-control-allow-origin") == nil)
        #expect(Self.policy.preflight(method: "OPTIONS", origin: nil, requestedMethod: "GET") == nil)
        #expect(Self.policy.preflight(method: "GET", origin: "https://site.example", requestedMethod: "GET") == nil)
    }

    @Test func answersCarryTheConfiguredHeadersInsteadOfTheFunctions() {
        let own = HTTPResponseMapper.Answer(
            status: 202, headers: [("access-control-allow-origin", "*"), ("location", "/x")], body: [])
        let decorated = Self.policy.decorate(own, origin: "https://site.example")
        #expect(Self.header(decorated, "access-control-allow-origin") == "https://site.example")
        #expect(Self.header(decorated, "access-control-expose-headers") == "location")
        #expect(decorated.headers.filter { $0.0 == "access-control-allow-origin" }.count == 1)
        let foreign = Self.policy.decorate(own, origin: "https://evil.example")
        #expect(Self.header(foreign, "access-control-allow-origin") == nil)
        #expect(Self.header(foreign, "location") == "/x")
    }

    @Test func wildcardOriginsAnswerStarUnlessCredentialsAreAllowed() {
        var cors = FunctionURLCors(allowOrigins: ["*"])
        #expect(FunctionURLCORSPolicy(cors: cors).allowedOrigin("http://a") == "*")
        cors.allowCredentials = true
        #expect(FunctionURLCORSPolicy(cors: cors).allowedOrigin("http://a") == "http://a")
    }

    @Test func theGatewaysOwnRefusalsCarryTheHeadersToo() async throws {
        // The gateway names a function the emulator does not have, so every request ends in its own 502.
        let emulator = try LambdaEmulator(
            functions: [try Fixtures.function(name: "api")],
            options: .init(dataDirectory: try GatewaySiteTests.temporaryDirectory("emu")), sink: RecordingSink(),
            logger: Fixtures.logger)
        let router = FunctionURLGateway.makeRouter(
            emulator: emulator, function: "missing", cors: Self.policy, site: nil)
        try await Application(router: router).test(.router) { client in
            let origin: HTTPFields = [.origin: "https://site.example"]
            let failed = try await client.execute(uri: "/api/start", method: .post, headers: origin)
            #expect(failed.status == .badGateway)
            #expect(failed.headers[.accessControlAllowOrigin] == "https://site.example")
            var preflight = origin
            preflight[.accessControlRequestMethod] = "POST"
            let answered = try await client.execute(uri: "/api/start", method: .options, headers: preflight)
            #expect(answered.status == .ok)
            #expect(answered.headers[.accessControlAllowMethods] == "GET,POST")
        }
        await emulator.shutdown()
    }
}
