import AWSSignature
import BuildingBlocks
import CurlHTTP

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// An S3 client over the REST protocol: path-style against an explicit endpoint (LocalS3, MinIO, moto),
/// virtual-hosted against AWS, as the AWS SDKs do.
public struct S3Client: Sendable {
    let transport: AWSTransport

    public init(
        configuration: AWSConfiguration, http: any HTTPExecuting, now: @escaping @Sendable () -> Date = Date.init,
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) {
        transport = AWSTransport(
            http: http, configuration: configuration, service: .s3, now: now, sleep: sleep,
            decodeError: Self.decodeError)
    }

    var configuration: AWSConfiguration { transport.configuration }

    /// The base URL and the encoded path of an object (or of the bucket when `key` is nil).
    func location(bucket: String, key: String?) -> (endpoint: String, path: String) {
        let encodedKey = key.map { URIEncoding.encode($0, keepSlash: true) } ?? ""
        if configuration.endpoints[.s3] != nil {
            return (configuration.endpoint(for: .s3), "/\(bucket)" + (key == nil ? "" : "/\(encodedKey)"))
        }
        return ("https://\(bucket).s3.\(configuration.region).amazonaws.com", "/\(encodedKey)")
    }

    func request(
        _ method: HTTPMethod, bucket: String, key: String?, query: [(name: String, value: String)] = [],
        headers: [(name: String, value: String)] = [], body: HTTPRequestBody = .none
    ) -> AWSRequest {
        let (endpoint, path) = location(bucket: bucket, key: key)
        return AWSRequest(method: method, endpoint: endpoint, path: path, query: query, headers: headers, body: body)
    }

    /// Reads an S3 error document: `<Error><Code>..</Code><Message>..</Message></Error>`.
    /// HEAD answers carry no body, so their status stands in for the code.
    static func decodeError(_ response: HTTPResponse) -> AWSClientError {
        let requestID = response.headers["x-amz-request-id"]
        // A body that is not an error document (a proxy's HTML, nothing at all) is described by its status below.
        if let root = try? XMLElementTree.parse(response.body), root.name == "Error", let code = root.text(of: "Code") {
            return .service(
                AWSServiceError(
                    code: code, message: root.text(of: "Message") ?? "", statusCode: response.status,
                    requestID: requestID))
        }
        let code: String
        switch response.status {
        case 404: code = "NotFound"
        case 403: code = "Forbidden"
        case 412: code = "PreconditionFailed"
        case 304: code = "NotModified"
        default: code = "HTTP\(response.status)"
        }
        return .service(
            AWSServiceError(
                code: code, message: String(response.bodyText.prefix(300)), statusCode: response.status,
                requestID: requestID))
    }

    static func objectInfo(from response: HTTPResponse) -> S3ObjectInfo {
        var metadata: [String: String] = [:]
        for field in response.headers where field.name.lowercased().hasPrefix("x-amz-meta-") {
            metadata[String(field.name.lowercased().dropFirst("x-amz-meta-".count))] = field.value
        }
        return S3ObjectInfo(
            contentLength: Int(response.headers["Content-Length"] ?? "") ?? response.body.count,
            contentType: response.headers["Content-Type"], eTag: response.headers["ETag"],
            lastModified: response.headers["Last-Modified"], metadata: metadata)
    }
}

extension S3Client {
    /// Creates a bucket (in us-east-1 no location constraint is sent).
    public func createBucket(_ bucket: String) async throws(AWSClientError) {
        var body: HTTPRequestBody = .none
        if configuration.region != "us-east-1" {
            body = .string(
                "<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                    + "<LocationConstraint>\(configuration.region)</LocationConstraint></CreateBucketConfiguration>")
        }
        _ = try await transport.send(request(.put, bucket: bucket, key: nil, body: body))
    }

    /// Stores an object from memory or from a file (`.file` is streamed, never read whole).
    /// Returns the ETag.
    @discardableResult
    public func putObject(
        bucket: String, key: String, body: HTTPRequestBody, contentType: String? = nil,
        contentDisposition: String? = nil, metadata: [String: String] = [:]
    ) async throws(AWSClientError) -> String? {
        var headers: [(name: String, value: String)] = []
        if let contentType { headers.append(("Content-Type", contentType)) }
        if let contentDisposition { headers.append(("Content-Disposition", contentDisposition)) }
        for (name, value) in metadata.sorted(by: { $0.key < $1.key }) { headers.append(("x-amz-meta-\(name)", value)) }
        let response = try await transport.send(request(.put, bucket: bucket, key: key, headers: headers, body: body))
        return response.headers["ETag"]
    }

    /// Reads a whole object into memory.
    public func getObject(bucket: String, key: String) async throws(AWSClientError) -> (
        info: S3ObjectInfo, body: [UInt8]
    ) {
        var get = request(.get, bucket: bucket, key: key)
        // The caller asked for the whole object in memory; its size is theirs to know (large ones go to a file).
        get.maximumResponseBytes = nil
        let response = try await transport.send(get)
        return (Self.objectInfo(from: response), response.body)
    }

    /// Streams an object into a file; the body never sits in memory.
    public func getObject(bucket: String, key: String, toFile path: String) async throws(AWSClientError)
        -> S3ObjectInfo
    {
        let response = try await transport.send(request(.get, bucket: bucket, key: key), into: .file(path: path))
        return Self.objectInfo(from: response)
    }

    /// An object's size, type, ETag and metadata; a missing object is `.service` with code `NotFound`.
    public func headObject(bucket: String, key: String) async throws(AWSClientError) -> S3ObjectInfo {
        Self.objectInfo(from: try await transport.send(request(.head, bucket: bucket, key: key)))
    }

    /// Deletes an object; deleting a missing key succeeds, as in S3.
    public func deleteObject(bucket: String, key: String) async throws(AWSClientError) {
        _ = try await transport.send(request(.delete, bucket: bucket, key: key))
    }

    /// One page of ListObjectsV2.
    public func listObjectsV2(
        bucket: String, prefix: String? = nil, delimiter: String? = nil, maxKeys: Int? = nil,
        continuationToken: String? = nil
    ) async throws(AWSClientError) -> S3ListPage {
        var query: [(name: String, value: String)] = [("list-type", "2"), ("encoding-type", "url")]
        if let prefix { query.append(("prefix", prefix)) }
        if let delimiter { query.append(("delimiter", delimiter)) }
        if let maxKeys { query.append(("max-keys", String(maxKeys))) }
        if let continuationToken { query.append(("continuation-token", continuationToken)) }
        let response = try await transport.send(request(.get, bucket: bucket, key: nil, query: query))
        return try S3ListPage.parse(response.body)
    }

    /// A SigV4 presigned GET URL, valid for `expires` seconds (1...604800), with optional
    /// `response-content-type` and `response-content-disposition` overrides.
    public func presignedGetURL(
        bucket: String, key: String, expires: Int = 3600, responseContentType: String? = nil,
        responseContentDisposition: String? = nil
    ) throws(AWSClientError) -> String {
        let (endpoint, path) = location(bucket: bucket, key: key)
        var query: [(name: String, value: String)] = []
        if let responseContentDisposition { query.append(("response-content-disposition", responseContentDisposition)) }
        if let responseContentType { query.append(("response-content-type", responseContentType)) }
        let scheme = endpoint.hasPrefix("http://") ? "http" : "https"
        let signable = SignableRequest(
            method: "GET", path: path, query: query, headers: [("Host", AWSTransport.authority(of: endpoint))])
        do {
            return try transport.signer.presign(signable, scheme: scheme, expires: expires, date: transport.now()).url
        } catch {
            throw .invalidRequest("cannot presign: \(error)")
        }
    }
}
