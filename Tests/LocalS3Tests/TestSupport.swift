import AWSSignature
import BuildingBlocks
import ClockTestSupport
import Foundation
import NIOCore
import Testing

@testable import LocalS3

/// A temporary data directory, a store, and a service; requests are signed with SigV4 like boto3's.
struct Harness {
    static let accessKey = "AKIAIOSFODNN7EXAMPLE"
    static let secretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"

    let directory: String
    let store: FileStore
    let clock: ManualWallClock
    var service: S3Service
    let host = "127.0.0.1:9000"

    init(
        region: String = "us-east-1", now: Date = Date(timeIntervalSince1970: 1_767_323_045),
        credentials: S3Credentials? = nil
    ) throws {
        directory = NSTemporaryDirectory() + "locals3-tests-" + UUID().uuidString
        store = try FileStore(dataDirectory: directory)
        clock = ManualWallClock(secondsSinceEpoch: now.timeIntervalSince1970)
        service = S3Service(
            store: store,
            credentials: credentials ?? S3Credentials(accessKey: Self.accessKey, secretKey: Self.secretKey),
            region: region, clock: clock)
    }

    func cleanUp() { try? FileManager.default.removeItem(atPath: directory) }

    /// Sends a SigV4 header-signed request (payload hash = real SHA-256 unless given), signed by the
    /// harness's key unless `user` names another pair.
    func send(
        _ method: String, _ target: String, headers: [(String, String)] = [], body: [UInt8] = [],
        payloadHash: String? = nil, as user: (key: String, secret: String)? = nil, from address: String? = nil
    ) async throws -> S3Response {
        var request = SignableRequest(
            method: method, target: target, headers: [("Host", host)] + headers.map { ($0.0, $0.1) })
        request.headers.append(("Content-Length", String(body.count)))
        let signer = SigV4Signer(
            credentials: AWSCredentials(
                accessKeyID: user?.key ?? Self.accessKey, secretAccessKey: user?.secret ?? Self.secretKey),
            region: "us-east-1", service: "s3")
        let signed = try signer.sign(request, payloadHash: payloadHash ?? Digest.sha256Hex(body), date: clock.date)
        return try await sendRaw(method, target, headers: signed.headers, body: body, from: address)
    }

    func send(_ method: String, _ target: String, headers: [(String, String)] = [], text: String) async throws
        -> S3Response
    {
        try await send(method, target, headers: headers, body: Array(text.utf8))
    }

    /// Sends a request exactly as given (no signing added), from `address` when given.
    func sendRaw(
        _ method: String, _ target: String, headers: [(name: String, value: String)], body: [UInt8] = [],
        from address: String? = nil
    ) async throws -> S3Response {
        var request = try S3Request(method: method, target: target, headers: HeaderList(headers))
        request.clientAddress = address
        return await service.handle(request, body: BufferedBody(body, chunkSize: 7000))
    }

    func createBucket(_ name: String = "bkt") async throws {
        let response = try await send("PUT", "/\(name)")
        #expect(response.status == 200)
    }

    func put(_ key: String, _ text: String, bucket: String = "bkt", headers: [(String, String)] = []) async throws {
        let response = try await send(
            "PUT", "/\(bucket)/\(PercentCoding.encode(Array(key.utf8), keepSlash: true))", headers: headers, text: text)
        #expect(response.status == 200, "PUT \(key): \(response.text)")
    }
}

extension S3Response {
    var text: String { String(decoding: (try? collectBody()) ?? [], as: UTF8.self) }

    /// The text of the first `<name>` element in an XML body.
    func xmlValue(_ name: String) -> String? {
        guard let start = text.range(of: "<\(name)>"),
            let end = text.range(of: "</\(name)>", range: start.upperBound..<text.endIndex)
        else { return nil }
        return String(text[start.upperBound..<end.lowerBound])
    }

    /// Every `<name>` element's text.
    func xmlValues(_ name: String) -> [String] {
        var values: [String] = []
        var rest = text[...]
        while let start = rest.range(of: "<\(name)>"),
            let end = rest.range(of: "</\(name)>", range: start.upperBound..<rest.endIndex)
        {
            values.append(String(rest[start.upperBound..<end.lowerBound]))
            rest = rest[end.upperBound...]
        }
        return values
    }

    var errorCode: String? { xmlValue("Code") }
}
