import Foundation
import HTTPTypes
import Hummingbird
import LocalS3

/// `/_console/api/buckets`: LocalS3's buckets with their configuration, a listing by prefix (folders at `/`),
/// one object's metadata with a presigned download URL, and DeleteObject. Reads go to the store on the
/// console's I/O thread; a delete goes through LocalS3's own DeleteObject in-process.
struct BucketsAPI {
    let service: S3Service?
    /// LocalS3's port, for download URLs.
    let port: Int?
    let io: SerialIOThread
    static let pageSize = 100

    struct BucketView: Encodable {
        var name: String
        var configuration: BucketConfiguration
    }

    struct ObjectSummary: Encodable {
        var key: String
        var size: Int64
        var etag: String
        var lastModified: Date
        var contentType: String?
    }

    struct Listing: Encodable {
        var bucket: String
        var prefix: String
        var folders: [String]
        var objects: [ObjectSummary]
        /// Where the next page starts (`after`), when there is one.
        var next: String?
    }

    struct ObjectView: Encodable {
        var bucket: String
        var key: String
        var size: Int64
        var etag: String
        var lastModified: Date
        var contentType: String?
        var contentEncoding: String?
        var contentDisposition: String?
        var cacheControl: String?
        var userMetadata: [String: String]
        var tags: [String: String]
        var checksums: [String: String]
        var versionId: String?
        var downloadURL: String?

        init(bucket: String, key: ObjectKey, metadata: ObjectMetadata, downloadURL: String?) {
            self.bucket = bucket
            self.key = key.description
            size = metadata.size
            etag = metadata.etag
            lastModified = metadata.lastModified
            contentType = metadata.contentType
            contentEncoding = metadata.contentEncoding
            contentDisposition = metadata.contentDisposition
            cacheControl = metadata.cacheControl
            userMetadata = metadata.userMetadata
            tags = Dictionary((metadata.tags ?? []).map { ($0.key, $0.value) }) { _, last in last }
            checksums = Dictionary(uniqueKeysWithValues: metadata.checksums.map { ($0.key.rawValue, $0.value) })
            versionId = metadata.versionId
            self.downloadURL = downloadURL
        }
    }

    func register(_ routes: ConsoleRoutes) {
        routes.get("/_console/api/buckets") { _, _ in
            let store = try available().store
            let buckets = try await run { try store.listBuckets() }
            return ConsoleResponses.json([
                "buckets": buckets.map { BucketView(name: $0.name, configuration: $0.configuration) }
            ])
        }
        routes.get("/_console/api/buckets/:name/objects") { request, context in
            let store = try available().store
            let bucket = Request.parameter(context, "name")
            let prefix = request.query("prefix") ?? ""
            let after = request.query("after").flatMap { $0.isEmpty ? nil : Array($0.utf8) }
            let page = try await run {
                try ListingPage.list(
                    store: store, bucket: bucket, prefix: Array(prefix.utf8), delimiter: Array("/".utf8), after: after,
                    maxKeys: Self.pageSize)
            }
            return ConsoleResponses.json(
                Listing(
                    bucket: bucket, prefix: prefix,
                    folders: page.commonPrefixes.map { String(decoding: $0, as: UTF8.self) },
                    objects: page.contents.map {
                        ObjectSummary(
                            key: $0.key.description, size: $0.metadata.size, etag: $0.metadata.etag,
                            lastModified: $0.metadata.lastModified, contentType: $0.metadata.contentType)
                    },
                    next: page.isTruncated ? page.lastReturned.map { String(decoding: $0, as: UTF8.self) } : nil))
        }
        routes.get("/_console/api/buckets/:name/object") { request, context in
            let service = try available()
            let bucket = Request.parameter(context, "name")
            let key = try Self.key(request)
            let store = service.store
            let metadata = try await run { try store.openObject(bucket: bucket, key: key).metadata }
            var url: String?
            if let port {
                let host = Self.hostName(request.head.authority ?? request.headers[.hostHeader] ?? "127.0.0.1")
                url = try S3Signing(service: service).presignedGet(
                    bucket: bucket, key: key, authority: "\(host):\(port)")
            }
            return ConsoleResponses.json(ObjectView(bucket: bucket, key: key, metadata: metadata, downloadURL: url))
        }
        routes.delete("/_console/api/buckets/:name/object") { request, context in
            let service = try available()
            let bucket = Request.parameter(context, "name")
            let key = try Self.key(request)
            let response = try await S3Signing(service: service).send(method: "DELETE", bucket: bucket, key: key)
            guard response.status < 300 else {
                throw ConsoleError(
                    status: response.status, code: "S3Error", message: "LocalS3 answered \(response.status)")
            }
            return ConsoleResponses.json(["bucket": bucket, "key": key.description, "action": "deleted"])
        }
    }

    private func available() throws -> S3Service {
        guard let service else { throw ConsoleError.unavailable("LocalS3 is not running (serve --no-local-services)") }
        return service
    }

    static func key(_ request: Request) throws -> ObjectKey {
        guard let key = request.query("key"), !key.isEmpty else { throw ConsoleError.badRequest("key is required") }
        return ObjectKey(key)
    }

    /// The host part of a `Host` value (`[::1]:3003` → `[::1]`).
    static func hostName(_ authority: String) -> String {
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") { return String(authority[...close]) }
        return String(authority.split(separator: ":").first ?? "127.0.0.1")
    }

    /// A store call on the I/O thread; S3's own errors keep their code and status.
    private func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        do {
            return try await io.run(work)
        } catch let error as S3Error {
            throw ConsoleError(status: error.status, code: error.code.rawValue, message: error.message)
        } catch {
            throw ConsoleError.internal("LocalS3's store failed: \(error)")
        }
    }
}
