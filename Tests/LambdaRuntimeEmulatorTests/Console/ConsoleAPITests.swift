import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import LambdaRuntimeEmulator

@Suite struct ConsoleAPITests {
    @Test func theAPIRefusesAnotherSitesHostOrOriginAndRunsNothing() async throws {
        try await ConsoleHarness.run(functions: [try Fixtures.function()]) { client, harness in
            let foreignHost = try await client.execute(
                uri: "/_console/api/functions", method: .get, headers: [.hostHeader: "attacker.example"])
            #expect(foreignHost.status == .forbidden)
            #expect((foreignHost.json["error"] as? [String: Any])?["code"] as? String == "Forbidden")
            #expect(!foreignHost.text.contains("echo"))

            let foreignOrigin = try await client.execute(
                uri: "/_console/api/functions/echo/invoke", method: .post,
                headers: [.origin: "http://attacker.example"], body: ByteBuffer(string: "{}"))
            #expect(foreignOrigin.status == .forbidden)
            let crossSite = try await client.execute(
                uri: "/_console/api/functions/echo/invoke", method: .post, headers: [.secFetchSite: "cross-site"],
                body: ByteBuffer(string: "{}"))
            #expect(crossSite.status == .forbidden)
            let page = try await client.execute(uri: "/", method: .get, headers: [.hostHeader: "attacker.example"])
            #expect(page.status == .forbidden)
            #expect(harness.history.records().isEmpty, "a refused invoke must not run")

            let own = try await client.execute(
                uri: "/_console/api/functions", method: .get, headers: [.origin: "http://localhost"])
            #expect(own.status == .ok)
            #expect(own.headers[.cacheControl] == "no-store")
            #expect(own.headers[.accessControlAllowOrigin] == nil)
        }
    }

    @Test func functionsShowTheirConfigurationWithSecretsMasked() async throws {
        let function = try Fixtures.function(environment: [
            "OPENAI_API_KEY": "sk-live-value", "DB_PASSWORD": "hunter2-value", "session_token": "token-value",
            "MY_SECRET_THING": "secret-value", "TABLE_NAME": "visible-value", "EMPTY_KEY": "",
        ])
        try await ConsoleHarness.run(functions: [function]) { client, harness in
            harness.emulator.setSharedEnvironment([
                "AWS_SECRET_ACCESS_KEY": "aws-secret-value", "AWS_ENDPOINT_URL_S3": "http://x",
            ])
            let answer = try await client.execute(uri: "/_console/api/functions", method: .get)
            #expect(answer.status == .ok)
            for secret in ["sk-live-value", "hunter2-value", "token-value", "secret-value", "aws-secret-value"] {
                #expect(!answer.text.contains(secret), "\(secret) leaked")
            }
            let functions = answer.json["functions"] as? [[String: Any]] ?? []
            let variables = functions.first?["environment"] as? [[String: Any]] ?? []
            func variable(_ name: String) -> [String: Any]? { variables.first { $0["name"] as? String == name } }
            #expect(variable("TABLE_NAME")?["value"] as? String == "visible-value")
            #expect(variable("TABLE_NAME")?["masked"] as? Bool == false)
            #expect(variable("OPENAI_API_KEY")?["value"] as? String == SecretMasking.mask)
            #expect(variable("session_token")?["masked"] as? Bool == true)
            #expect(variable("EMPTY_KEY")?["value"] as? String == "")
            #expect(variable("AWS_SECRET_ACCESS_KEY")?["source"] as? String == "emulator")
            #expect(variable("AWS_ENDPOINT_URL_S3")?["value"] as? String == "http://x")
            #expect(functions.first?["memoryMB"] as? Int == 128)
            #expect(functions.first?["runtime"] as? String == "provided.al2023")
        }
    }

    @Test func theInvokeFormAnswersWithResultErrorAndLog() async throws {
        try await ConsoleHarness.run(functions: [try Fixtures.function()]) { client, harness in
            let ok = try await client.execute(
                uri: "/_console/api/functions/echo/invoke", method: .post,
                body: ByteBuffer(string: #"{"action":"print","line":"hello from the console"}"#))
            #expect(ok.status == .ok)
            #expect(ok.json["status"] as? String == "success")
            #expect(ok.json["payload"] as? String == #""printed""#)
            #expect((ok.json["log"] as? String)?.contains("hello from the console") == true)
            #expect(ok.json["coldStart"] as? Bool == true)

            let failed = try await client.execute(
                uri: "/_console/api/functions/echo/invoke", method: .post,
                body: ByteBuffer(string: #"{"action":"fail","line":"boom"}"#))
            #expect(failed.json["status"] as? String == "error")
            #expect(failed.json["functionError"] as? String == "EchoFailure")

            let notJSON = try await client.execute(
                uri: "/_console/api/functions/echo/invoke", method: .post, body: ByteBuffer(string: "{nope"))
            #expect(notJSON.status == .badRequest)
            #expect((notJSON.json["error"] as? [String: Any])?["message"] as? String != nil)
            let missing = try await client.execute(
                uri: "/_console/api/functions/nope/invoke", method: .post, body: ByteBuffer(string: "{}"))
            #expect(missing.status == .notFound)
            let badType = try await client.execute(
                uri: "/_console/api/functions/echo/invoke?type=DryRun", method: .post, body: ByteBuffer(string: "{}"))
            #expect(badType.status == .badRequest)

            let errors = try await client.execute(uri: "/_console/api/invocations?status=error", method: .get)
            let listed = errors.json["invocations"] as? [[String: Any]] ?? []
            #expect(listed.count == 1)
            #expect(listed.first?["errorType"] as? String == "EchoFailure")
            #expect(listed.first?["type"] as? String == "RequestResponse")
            let sequence = try #require(failed.json["sequence"] as? Int)
            let detail = try await client.execute(uri: "/_console/api/invocations/\(sequence)", method: .get)
            #expect((detail.json["log"] as? String)?.contains("REPORT RequestId:") == true)
            #expect((detail.json["payload"] as? String)?.contains("boom") == true)
            #expect(detail.json["billedDurationMs"] as? Int ?? 0 >= 1)

            let queued = try await client.execute(
                uri: "/_console/api/functions/echo/invoke?type=Event", method: .post,
                body: ByteBuffer(string: #"{"n":1}"#))
            #expect(queued.status == .accepted)
            #expect(queued.json["status"] as? String == "queued")
            await harness.emulator.queue.waitUntilIdle()
            let events = try await client.execute(uri: "/_console/api/invocations?function=echo", method: .get)
            let types = (events.json["invocations"] as? [[String: Any]] ?? []).compactMap { $0["type"] as? String }
            #expect(types.first == "Event")
            #expect(types.count == 3)
        }
    }

    @Test func badRequestsGetTheConsolesErrorShape() async throws {
        try await ConsoleHarness.run { client, _ in
            let unknown = try await client.execute(uri: "/_console/api/nothing-here", method: .get)
            #expect(unknown.status == .notFound)
            #expect((unknown.json["error"] as? [String: Any])?["code"] as? String == "NotFound")
            let badStatus = try await client.execute(uri: "/_console/api/invocations?status=sleepy", method: .get)
            #expect(badStatus.status == .badRequest)
            #expect(badStatus.text.contains("sleepy"))
            let badSequence = try await client.execute(uri: "/_console/api/invocations/abc", method: .get)
            #expect(badSequence.status == .badRequest)
            let gone = try await client.execute(uri: "/_console/api/invocations/99", method: .get)
            #expect(gone.status == .notFound)
        }
    }

    @Test func staticFilesStayInsideTheConsoleFolder() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("page-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("js"), withIntermediateDirectories: true)
        try "<!doctype html><title>console</title>".write(
            to: folder.appendingPathComponent("index.html"), atomically: true, encoding: .utf8)
        try "export {};".write(to: folder.appendingPathComponent("js/main.js"), atomically: true, encoding: .utf8)
        try "hidden".write(to: folder.appendingPathComponent(".secret"), atomically: true, encoding: .utf8)
        try await ConsoleHarness.run(staticDirectory: folder) { client, _ in
            let index = try await client.execute(uri: "/", method: .get)
            #expect(index.status == .ok)
            #expect(index.headers[.contentType] == "text/html; charset=utf-8")
            #expect(index.headers[HTTPField.Name("Content-Security-Policy")!]?.contains("default-src 'self'") == true)
            let script = try await client.execute(uri: "/js/main.js", method: .get)
            #expect(script.headers[.contentType] == "text/javascript; charset=utf-8")
            for path in ["/.secret", "/js/../.secret", "/%2e%2e/%2e%2e/etc/passwd", "/missing.js"] {
                let refused = try await client.execute(uri: path, method: .get)
                #expect(refused.status == .notFound, "\(path)")
            }
        }
        #expect(StaticFiles.relativePath("/a/../../etc/passwd") == nil)
        #expect(StaticFiles.relativePath("/js/main.js") == "js/main.js")
    }
}
