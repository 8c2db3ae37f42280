import LocalS3
import NIOCore

/// The static site the gateway serves beside its function: every path outside `/api` is read from a
/// LocalS3 website bucket, so the page and its API share one origin (as CloudFront would arrange on AWS).
public struct SiteHosting: Sendable {
    /// LocalS3, in-process: the gateway reads the bucket without a socket.
    public let service: S3Service
    /// The website bucket.
    public let bucket: String

    public init(service: S3Service, bucket: String) {
        self.service = service
        self.bucket = bucket
    }

    /// Whether a request path belongs to the function: `/api` and everything under `/api/`.
    public static func isFunctionPath(_ path: String) -> Bool {
        path == "/api" || path.hasPrefix("/api/") || path.hasPrefix("/api?")
    }

    /// Answers a request as the bucket's website endpoint would: the index document for `/` and
    /// directories, the error document (with status 404) for a miss, stored content types, GET and HEAD only.
    /// `target` is the request target as received (path and query, percent-encoded).
    public func respond(method: String, target: String) async -> S3Response {
        var headers = HeaderList()
        headers.add("Host", "\(bucket).s3-website.localhost")
        let path = String(target.prefix { $0 != "?" })
        let request: S3Request
        do {
            request = try S3Request(method: method, target: path.isEmpty ? "/" : path, headers: headers)
        } catch {
            return S3Response(
                status: 400, headers: [("Content-Type", "text/plain; charset=utf-8")],
                body: .bytes(ByteBuffer(string: "Bad request path\n")))
        }
        var response = await service.handle(request, body: EmptyBody())
        response.headers.removeAll { ["x-amz-request-id", "x-amz-id-2"].contains($0.name.lowercased()) }
        return response
    }
}
