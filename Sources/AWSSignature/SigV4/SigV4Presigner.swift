#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A presigned URL and what its user must send with it.
public struct PresignedURL: Sendable {
    /// `scheme://host/path?query` with `X-Amz-Signature` last.
    public let url: String
    /// The request target (`/path?query`).
    public let target: String
    /// Headers that were signed besides `host`; the request must carry exactly these.
    public let signedHeaders: [(name: String, value: String)]
    /// The signature and its intermediate values.
    public let signature: SigV4Signature
}

extension SigV4Signer {
    /// Presigns `request` with SigV4 query authentication, valid for `expires` seconds (1...604800) from `date`.
    /// The `Host` header is required; other headers present (e.g. `Content-Type`) are signed too.
    /// `payloadHash` is `UNSIGNED-PAYLOAD` for S3; the generic AWS test suite signs the body hash instead.
    public func presign(
        _ request: SignableRequest, scheme: String = "https", expires: Int, date: Date,
        payloadHash: String = PayloadHash.unsigned
    ) throws(SigV4Error) -> PresignedURL {
        guard SigV4.presignExpiryRange.contains(expires) else { throw .expiresOutOfRange(expires) }
        guard let host = request.header("host") else { throw .missingHost }
        let amzDate = AmzDate(date)
        let scope = CredentialScope(date: amzDate, region: region, service: service)
        var prepared = request
        prepared.headers.removeAll { ["authorization", "x-amz-date"].contains($0.name.lowercased()) }
        let names = signableNames(of: prepared.headers)
        let signedHeaderList = names.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        var authQuery: [(name: String, value: String)] = [
            ("X-Amz-Algorithm", SigV4.algorithm),
            ("X-Amz-Credential", "\(credentials.accessKeyID)/\(scope)"),
            ("X-Amz-Date", amzDate.timestamp),
            ("X-Amz-Expires", String(expires)),
            ("X-Amz-SignedHeaders", signedHeaderList.joined(separator: ";")),
        ]
        if let token = credentials.sessionToken { authQuery.append(("X-Amz-Security-Token", token)) }
        prepared.query.removeAll { pair in authQuery.contains { $0.name == pair.name } || pair.name == "X-Amz-Signature"
        }
        prepared.query += authQuery
        let signature = try SigV4.sign(
            request: prepared, signedHeaders: names, payloadHash: payloadHash, date: amzDate, scope: scope,
            signingKey: SigningKey(secretAccessKey: credentials.secretAccessKey, scope: scope), style: style)
        prepared.query.append(("X-Amz-Signature", signature.signature))
        let target = prepared.path + "?" + QueryString.encode(prepared.query)
        let extraHeaders = prepared.headers.filter {
            names.contains($0.name.lowercased()) && $0.name.lowercased() != "host"
        }
        return PresignedURL(
            url: "\(scheme)://\(host)\(target)", target: target, signedHeaders: extraHeaders, signature: signature)
    }
}
