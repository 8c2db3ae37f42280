import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LocalS3
import NIOCore
import Testing

@testable import LambdaRuntimeEmulator

/// The gateway's site hosting: paths outside `/api` come from the LocalS3 website bucket, `/api` from the function.
@Suite struct GatewaySiteTests {
    static func temporaryDirectory(_ prefix: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    /// A site folder: index, error document, a stylesheet, a script, a subdirectory with its own index, a dot-file.
    static func siteDirectory() throws -> URL {
        let site = try temporaryDirectory("site")
        let files = [
            "index.html": "<h1>home</h1>", "error.html": "<h1>missing</h1>", "css/app.css": "body{}",
            "js/main.js": "export {};", "docs/index.html": "<h1>docs</h1>", ".DS_Store": "junk",
        ]
        for (path, text) in files {
            let url = site.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return site
    }

    static func withGateway(
        site directory: URL, _ test: @escaping @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws {
        let store = try FileStore(dataDirectory: try temporaryDirectory("s3").path, durability: .none)
        try await SitePublisher.publish(directory: directory, bucket: "jobsai-site", store: store)
        let emulator = try LambdaEmulator(
            functions: [try Fixtures.function(name: "api")],
            options: .init(dataDirectory: try temporaryDirectory("emu")), sink: RecordingSink(),
            logger: Fixtures.logger)
        let site = SiteHosting(service: S3Service(store: store), bucket: "jobsai-site")
        let router = FunctionURLGateway.makeRouter(emulator: emulator, function: "api", site: site)
        try await Application(router: router).test(.router) { client in try await test(client) }
        await emulator.shutdown()
    }

    @Test func functionPathsAreApiAndBelow() {
        #expect(SiteHosting.isFunctionPath("/api"))
        #expect(SiteHosting.isFunctionPath("/api/start"))
        #expect(SiteHosting.isFunctionPath("/api/progress/abc"))
        #expect(!SiteHosting.isFunctionPath("/"))
        #expect(!SiteHosting.isFunctionPath("/apiary"))
        #expect(!SiteHosting.isFunctionPath("/index.html"))
        #expect(!SiteHosting.isFunctionPath("/js/api.js"))
    }

    @Test func contentTypesFollowTheExtension() {
        #expect(SiteContentTypes.forFile("index.html") == "text/html; charset=utf-8")
        #expect(SiteContentTypes.forFile("js/main.js") == "text/javascript; charset=utf-8")
        #expect(SiteContentTypes.forFile("css/APP.CSS") == "text/css; charset=utf-8")
        #expect(SiteContentTypes.forFile("img/logo.svg") == "image/svg+xml")
        #expect(SiteContentTypes.forFile("README") == "application/octet-stream")
        #expect(SiteContentTypes.forFile(".hidden") == "application/octet-stream")
    }

    @Test func publishingUploadsConfiguresAndPrunes() async throws {
        let directory = try Self.siteDirectory()
        let store = try FileStore(dataDirectory: try Self.temporaryDirectory("s3").path, durability: .none)
        let first = try await SitePublisher.publish(directory: directory, bucket: "site", store: store)
        #expect(first.uploaded == ["css/app.css", "docs/index.html", "error.html", "index.html", "js/main.js"])
        #expect(first.deleted.isEmpty)
        let website = try store.bucketConfiguration("site").website
        #expect(website?.indexSuffix == "index.html")
        #expect(website?.errorDocumentKey == "error.html")
        let script = try store.openObject(bucket: "site", key: ObjectKey("js/main.js"))
        #expect(script.metadata.contentType == "text/javascript; charset=utf-8")

        try FileManager.default.removeItem(at: directory.appendingPathComponent("js"))
        try FileManager.default.removeItem(at: directory.appendingPathComponent("error.html"))
        let second = try await SitePublisher.publish(directory: directory, bucket: "site", store: store)
        #expect(second.deleted.sorted() == ["error.html", "js/main.js"])
        #expect(try store.bucketConfiguration("site").website?.errorDocumentKey == "index.html")
        #expect(throws: (any Error).self) { try store.openObject(bucket: "site", key: ObjectKey("js/main.js")) }
    }

    @Test func publishingAMissingDirectoryFails() async throws {
        let store = try FileStore(dataDirectory: try Self.temporaryDirectory("s3").path, durability: .none)
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-\(UUID().uuidString)")
        await #expect(throws: (any Error).self) {
            try await SitePublisher.publish(directory: missing, bucket: "site", store: store)
        }
        #expect(!store.bucketExists("site"))
    }

    @Test func siteIsServedOutsideApi() async throws {
        try await Self.withGateway(site: try Self.siteDirectory()) { client in
            let root = try await client.execute(uri: "/", method: .get)
            #expect(root.status == .ok)
            #expect(root.headers[.contentType] == "text/html; charset=utf-8")
            #expect(String(buffer: root.body) == "<h1>home</h1>")

            let style = try await client.execute(uri: "/css/app.css?v=2", method: .get)
            #expect(style.status == .ok)
            #expect(style.headers[.contentType] == "text/css; charset=utf-8")
            #expect(String(buffer: style.body) == "body{}")

            let script = try await client.execute(uri: "/js/main.js", method: .get)
            #expect(script.headers[.contentType] == "text/javascript; charset=utf-8")

            let directoryIndex = try await client.execute(uri: "/docs/", method: .get)
            #expect(String(buffer: directoryIndex.body) == "<h1>docs</h1>")
            let redirect = try await client.execute(uri: "/docs", method: .get)
            #expect(redirect.status == .found)
            #expect(redirect.headers[.location] == "/docs/")

            let missing = try await client.execute(uri: "/nowhere.html", method: .get)
            #expect(missing.status == .notFound)
            #expect(String(buffer: missing.body) == "<h1>missing</h1>")
            let hidden = try await client.execute(uri: "/.DS_Store", method: .get)
            #expect(hidden.status == .notFound)

            let head = try await client.execute(uri: "/index.html", method: .head)
            #expect(head.status == .ok)
            #expect(head.headers[.contentLength] == "13")
            #expect(head.body.readableBytes == 0)

            let post = try await client.execute(uri: "/index.html", method: .post, body: ByteBuffer(string: "x"))
            #expect(post.status == .methodNotAllowed)
        }
    }

    @Test func apiPathsReachTheFunction() async throws {
        try await Self.withGateway(site: try Self.siteDirectory()) { client in
            // The echo bootstrap answers with the payload 2.0 event it received.
            let answer = try await client.execute(uri: "/api/progress/abc?x=1", method: .get)
            #expect(answer.status == .ok)
            let event = try JSONSerialization.jsonObject(with: Data(buffer: answer.body)) as? [String: Any]
            #expect(event?["rawPath"] as? String == "/api/progress/abc")
            #expect(event?["rawQueryString"] as? String == "x=1")
            let bare = try await client.execute(uri: "/api", method: .post, body: ByteBuffer(string: "{}"))
            let bareEvent = try JSONSerialization.jsonObject(with: Data(buffer: bare.body)) as? [String: Any]
            #expect(bareEvent?["rawPath"] as? String == "/api")
        }
    }

    @Test func templateNamesTheWebsiteBucket() throws {
        let template = """
            Parameters:
              Stage:
                Type: String
                Default: dev
            Resources:
              Documents:
                Type: AWS::S3::Bucket
                Properties:
                  BucketName: jobsai-documents
              Site:
                Type: AWS::S3::Bucket
                Properties:
                  BucketName: !Sub "jobsai-site-${Stage}"
                  WebsiteConfiguration:
                    IndexDocument: index.html
            """
        #expect(try Self.websiteBucket(template) == "jobsai-site-dev")
        #expect(try Self.websiteBucket(template, parameters: ["Stage": "prod"]) == "jobsai-site-prod")
        let unnamed = """
            Resources:
              WebsiteBucket:
                Type: AWS::S3::Bucket
                Properties:
                  WebsiteConfiguration:
                    IndexDocument: index.html
            """
        #expect(try Self.websiteBucket(unnamed) == "websitebucket")
        let none = """
            Resources:
              Documents:
                Type: AWS::S3::Bucket
            """
        #expect(try Self.websiteBucket(none) == nil)
    }

    static func websiteBucket(_ yaml: String, parameters: [String: String] = [:]) throws -> String? {
        try SAMTemplate(yaml: yaml, directory: URL(fileURLWithPath: "/"), parameters: parameters).websiteBucket?.name
    }
}
