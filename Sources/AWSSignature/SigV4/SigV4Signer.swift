#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Signs outgoing requests for one service and region with SigV4 header authentication.
public struct SigV4Signer: Sendable {
    /// The credentials that sign.
    public var credentials: AWSCredentials
    /// The region in the credential scope, e.g. `us-east-1`.
    public var region: String
    /// The service in the credential scope, e.g. `s3`, `dynamodb`, `lambda`.
    public var service: String
    /// How the canonical URI is formed (S3 differs from every other service).
    public var style: CanonicalURIStyle
    /// Whether `sign` adds `x-amz-content-sha256` (S3 requires it; other services accept it).
    public var addsContentSHA256Header: Bool

    /// Headers never signed: hop-by-hop or rewritten by proxies and HTTP libraries.
    static let unsignedHeaderNames: Set<String> = [
        "authorization", "user-agent", "expect", "x-amzn-trace-id", "transfer-encoding", "connection",
    ]

    /// A signer for `service` in `region`; S3 gets its URI style and the `x-amz-content-sha256` header.
    public init(credentials: AWSCredentials, region: String, service: String) {
        self.credentials = credentials
        self.region = region
        self.service = service
        self.style = CanonicalURIStyle(service: service)
        self.addsContentSHA256Header = service == "s3"
    }

    /// Signs `request` as of `date`: returns it with `X-Amz-Date`, `X-Amz-Security-Token` (temporary
    /// credentials), `x-amz-content-sha256` (S3) and `Authorization` added, replacing earlier values
    /// (a token header already present is kept and signed when the credentials carry none).
    /// Every other header present is signed except `unsignedHeaderNames`; `Host` is required.
    public func sign(_ request: SignableRequest, payloadHash: String, date: Date) throws(SigV4Error) -> SignedRequest {
        let amzDate = AmzDate(date)
        let scope = CredentialScope(date: amzDate, region: region, service: service)
        var replaced: Set<String> = ["authorization", "x-amz-date"]
        if credentials.sessionToken != nil { replaced.insert("x-amz-security-token") }
        if addsContentSHA256Header { replaced.insert("x-amz-content-sha256") }
        var prepared = request
        prepared.headers.removeAll { replaced.contains($0.name.lowercased()) }
        guard prepared.header("host") != nil else { throw .missingHost }
        prepared.headers.append(("X-Amz-Date", amzDate.timestamp))
        if let token = credentials.sessionToken { prepared.headers.append(("X-Amz-Security-Token", token)) }
        if addsContentSHA256Header { prepared.headers.append(("x-amz-content-sha256", payloadHash)) }
        let names = signableNames(of: prepared.headers)
        let signature = try SigV4.sign(
            request: prepared, signedHeaders: names, payloadHash: payloadHash, date: amzDate, scope: scope,
            signingKey: SigningKey(secretAccessKey: credentials.secretAccessKey, scope: scope), style: style)
        let authorization =
            "\(SigV4.algorithm) Credential=\(credentials.accessKeyID)/\(scope), "
            + "SignedHeaders=\(signature.canonicalRequest.headers.signedHeaders), Signature=\(signature.signature)"
        prepared.headers.append(("Authorization", authorization))
        return SignedRequest(request: prepared, signature: signature)
    }

    /// The lower-case, de-duplicated names of `headers` that get signed.
    func signableNames(of headers: [(name: String, value: String)]) -> [String] {
        var seen = Set<String>()
        var names: [String] = []
        for header in headers {
            let name = header.name.lowercased()
            if !Self.unsignedHeaderNames.contains(name), seen.insert(name).inserted { names.append(name) }
        }
        return names
    }
}

/// A request with its SigV4 headers added, and the signature (the seed of aws-chunked chunk signatures).
public struct SignedRequest: Sendable {
    /// The request with `Authorization`, `X-Amz-Date` and the other signing headers.
    public let request: SignableRequest
    /// The signature and its intermediate values.
    public let signature: SigV4Signature

    /// The headers to send.
    public var headers: [(name: String, value: String)] { request.headers }
}
