import AWSSignature
import Foundation

/// SigV2 header authentication, `Authorization: AWS <access key>:<base64 HMAC-SHA1>`, over
/// `verb \n Content-MD5 \n Content-Type \n Date \n x-amz-* headers + resource` (the Date line empty when
/// `x-amz-date` is sent), with the same 15-minute clock skew as SigV4. The body is not signed.
extension Authenticator {
    func verifySigV2Header(_ header: String, request: S3Request, now: Date) throws -> AuthOutcome {
        let credential = header.dropFirst("AWS ".count)
        guard let colon = credential.lastIndex(of: ":") else {
            throw S3Error(.invalidArgument, "AWS authorization header is invalid.  Expected AwsAccessKeyId:signature")
        }
        let accessKey = String(credential[..<colon])
        let signature = String(credential[credential.index(after: colon)...])
        let secret = try requireKnown(accessKey)
        let amzDate = request.headers["x-amz-date"]
        guard let dateText = amzDate ?? request.headers["date"] else {
            throw S3Error(.accessDenied, "AWS authentication requires a valid Date or x-amz-date header")
        }
        let trimmed = dateText.trimmingCharacters(in: .whitespaces)
        let gmt = trimmed.hasSuffix(" +0000") ? String(trimmed.dropLast(5)) + "GMT" : trimmed
        guard let date = HTTPDate.parse(gmt) else {
            throw S3Error(.accessDenied, "AWS authentication requires a valid Date or x-amz-date header")
        }
        let query = request.query.map { (name: $0.name, value: $0.value ?? "") }
        let prefix =
            [
                request.method, request.headers["content-md5"]?.trimmingCharacters(in: .whitespaces) ?? "",
                request.headers["content-type"]?.trimmingCharacters(in: .whitespaces) ?? "",
                amzDate == nil ? dateText.trimmingCharacters(in: .whitespaces) : "",
            ].joined(separator: "\n") + "\n" + SigV2.canonicalizedAmzHeaders(request.headers.fields)
        // A bucket's own resource is `/bucket/` (as S3 documents and botocore signs); `/bucket` is accepted too.
        var paths = [pathStyleResource(request)]
        if request.key == nil, let bucket = request.bucket { paths.insert("/\(bucket)/", at: 0) }
        let candidates = paths.map { prefix + SigV2.canonicalizedResource(path: $0, query: query) }
        guard
            candidates.contains(where: {
                ConstantTime.equals(SigV2.signature(secretAccessKey: secret, stringToSign: $0), signature)
            })
        else {
            throw Self.signatureMismatch(accessKey: accessKey, stringToSign: candidates[0], canonicalRequest: nil)
        }
        guard abs(date.timeIntervalSince(now)) <= Self.allowedSkew else {
            throw S3Error(
                .requestTimeTooSkewed, "The difference between the request time and the current time is too large.",
                details: [
                    .init("RequestTime", dateText), .init("ServerTime", HTTPDate.iso8601(now)),
                    .init("MaxAllowedSkewMilliseconds", "900000"),
                ])
        }
        return AuthOutcome(accessKey: accessKey, payload: .unsigned)
    }

    /// SigV2 signs the path-style resource, so a virtual-host request gets its bucket put back in front.
    func pathStyleResource(_ request: S3Request) -> String {
        var path = request.rawPath.isEmpty ? "/" : request.rawPath
        if let bucket = request.bucket, !path.hasPrefix("/\(bucket)/") && path != "/\(bucket)",
            HostAddressing(hostName: (request.headers["host"] ?? "").split(separator: ":").first.map(String.init) ?? "")
                .bucket != nil
        {
            path = "/" + bucket + path
        }
        return path
    }
}
