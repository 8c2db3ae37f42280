import AWSSignature
import BuildingBlocks
import Foundation
import LocalS3

/// Signs requests for LocalS3 with the first key pair it accepts: presigned GET URLs a browser downloads from,
/// and requests the console hands to the service in-process (so they take S3's own paths: versioning, and
/// whatever else the operation does).
struct S3Signing {
    let service: S3Service

    private var signer: SigV4Signer {
        let credentials = service.authenticator.credentials
        return SigV4Signer(
            credentials: AWSCredentials(accessKeyID: credentials.accessKey, secretAccessKey: credentials.secretKey),
            region: service.region, service: "s3")
    }

    /// The path-style request path of an object: `/bucket/key`, the key URI-encoded with `/` kept.
    static func path(bucket: String, key: ObjectKey) -> String {
        "/\(bucket)/" + URIEncoding.encode(key.bytes, keepSlash: true)
    }

    /// A SigV4 presigned GET of the object at `authority` (`host:port`), answered as an attachment.
    func presignedGet(bucket: String, key: ObjectKey, authority: String, expires: Int = 900) throws -> String {
        let name = key.description.split(separator: "/").last.map(String.init) ?? "download"
        let request = SignableRequest(
            method: "GET", path: Self.path(bucket: bucket, key: key),
            query: [("response-content-disposition", AttachmentDisposition.header(fileName: name))],
            headers: [("Host", authority)])
        return try signer.presign(request, scheme: "http", expires: expires, date: service.clock.date).url
    }

    /// Runs a bodiless request against the service in-process, signed as a client would sign it.
    func send(method: String, bucket: String, key: ObjectKey) async throws -> S3Response {
        let signable = SignableRequest(
            method: method, path: Self.path(bucket: bucket, key: key), headers: [("Host", "127.0.0.1")])
        let signed = try signer.sign(signable, payloadHash: PayloadHash.empty, date: service.clock.date)
        let request = try S3Request(method: method, target: signed.request.path, headers: HeaderList(signed.headers))
        return await service.handle(request, body: EmptyBody())
    }
}
