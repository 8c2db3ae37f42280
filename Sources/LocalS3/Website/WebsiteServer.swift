import Logging
import NIOCore

/// Serves a bucket as a static website (`<bucket>.s3-website.localhost:<port>`): index documents, the
/// error document with the original status, redirects; HTML errors, never XML.
enum WebsiteServer {
    static func respond(_ request: S3Request, store: FileStore, logger: Logger) -> S3Response {
        do {
            return try lookUp(request, store: store)
        } catch let error as S3Error where error.code == .noSuchBucket {
            return page(404, "NoSuchBucket", "The specified bucket does not exist")
        } catch {
            logger.error(
                "website request failed", metadata: ["path": "\(request.rawPath)", "error": "\(error)"])
            return page(500, "InternalError", "We encountered an internal error. Please try again.")
        }
    }

    private static func lookUp(_ request: S3Request, store: FileStore) throws -> S3Response {
        guard let bucket = request.bucket else {
            return page(404, "NoSuchBucket", "The specified bucket does not exist")
        }
        guard request.method == "GET" || request.method == "HEAD" else {
            return page(405, "MethodNotAllowed", "The specified method is not allowed against this resource.")
        }
        guard let website = try store.bucketConfiguration(bucket).website else {
            return page(404, "NoSuchWebsiteConfiguration", "The specified bucket does not have a website configuration")
        }
        if let host = website.redirectAllRequestsToHost {
            let scheme = website.redirectAllRequestsProtocol ?? "http"
            return S3Response(status: 301, headers: [("Location", "\(scheme)://\(host)\(request.rawPath)")])
        }
        let suffix = Array((website.indexSuffix ?? "index.html").utf8)
        var keyBytes = request.key?.bytes ?? []
        if keyBytes.isEmpty || keyBytes.last == UInt8(ascii: "/") { keyBytes += suffix }
        let key = ObjectKey(bytes: keyBytes)
        if let object = try openIfPresent(store, bucket: bucket, key: key) {
            return serve(object, request: request)
        }
        if let requested = request.key, requested.bytes.last != UInt8(ascii: "/"),
            try openIfPresent(store, bucket: bucket, key: ObjectKey(bytes: requested.bytes + Array("/".utf8) + suffix))
                != nil
        {
            return S3Response(status: 302, headers: [("Location", request.rawPath + "/")])
        }
        if let errorKey = website.errorDocumentKey,
            let document = try openIfPresent(store, bucket: bucket, key: ObjectKey(errorKey))
        {
            var response = serve(document, request: request)
            response.status = 404
            return response
        }
        return page(404, "NoSuchKey", "The specified key does not exist.")
    }

    /// The object under `key`, or nil when there is none (or only a delete marker); other failures throw.
    private static func openIfPresent(_ store: FileStore, bucket: String, key: ObjectKey) throws -> StoredObject? {
        do {
            return try store.openObject(bucket: bucket, key: key)
        } catch let error as S3Error where error.code == .noSuchKey {
            return nil
        }
    }

    static func serve(_ object: StoredObject, request: S3Request) -> S3Response {
        if let location = object.metadata.websiteRedirectLocation {
            return S3Response(status: 301, headers: [("Location", location)])
        }
        return S3Response(
            headers: GetObject.headers(for: object.metadata), body: .object(object, 0..<object.metadata.size))
    }

    static func page(_ status: Int, _ code: String, _ message: String) -> S3Response {
        let html = """
            <html><head><title>\(status) \(code)</title></head><body><h1>\(status) \(code)</h1>\
            <ul><li>Code: \(code)</li><li>Message: \(XMLWriter.escape(message))</li></ul></body></html>
            """
        return S3Response(
            status: status, headers: [("Content-Type", "text/html; charset=utf-8")],
            body: .bytes(ByteBuffer(string: html)))
    }
}
