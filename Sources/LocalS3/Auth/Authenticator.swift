import AWSSignature
import Foundation

/// Verifies a request's signature (SigV4 header, SigV4 presigned, SigV2 presigned) against the one
/// configured key pair, using the AWSSignature target for all signing arithmetic. Unsigned requests are
/// anonymous; operations decide what anonymous callers may do.
public struct Authenticator: Sendable {
    /// How far a header-signed request's time may be from the server's (AWS: 15 minutes).
    public static let allowedSkew: TimeInterval = 15 * 60

    public let credentials: S3Credentials
    /// Spares deriving the signing key (four HMACs) again for every request of the same day and region.
    let signingKeys = SigningKeyCache()

    public init(credentials: S3Credentials) { self.credentials = credentials }

    public func authenticate(_ request: S3Request, now: Date) throws -> AuthOutcome {
        let query = request.query.map { (name: $0.name, value: $0.value ?? "") }
        let authorization = request.headers["authorization"]
        let presignedV4 = SigV4PresignedQuery.isPresigned(query: query)
        let presignedV2 = SigV2PresignedQuery.isPresigned(query: query)
        if authorization != nil && (presignedV4 || presignedV2) {
            throw S3Error(
                .invalidArgument,
                "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified"
            )
        }
        if let authorization {
            if authorization.hasPrefix("AWS ") {
                return try verifySigV2Header(authorization, request: request, now: now)
            }
            return try verifyHeader(authorization, request: request, now: now)
        }
        if presignedV4 { return try verifyPresignedV4(request, query: query, now: now) }
        if presignedV2 { return try verifyPresignedV2(request, query: query, now: now) }
        return .anonymous
    }

    func signable(_ request: S3Request, query: [(name: String, value: String)], path: String? = nil) -> SignableRequest
    {
        SignableRequest(
            method: request.method, path: path ?? (request.rawPath.isEmpty ? "/" : request.rawPath), query: query,
            headers: request.headers.fields)
    }

    /// The secret of a known access key; InvalidAccessKeyId otherwise.
    func requireKnown(_ accessKey: String) throws -> String {
        guard let secret = credentials.secret(for: accessKey) else {
            throw S3Error(
                .invalidAccessKeyId, "The AWS Access Key Id you provided does not exist in our records.",
                details: [.init("AWSAccessKeyId", accessKey)])
        }
        return secret
    }

    static func signatureMismatch(accessKey: String, stringToSign: String, canonicalRequest: String?) -> S3Error {
        var details: [S3Error.Detail] = [.init("AWSAccessKeyId", accessKey), .init("StringToSign", stringToSign)]
        if let canonicalRequest { details.append(.init("CanonicalRequest", canonicalRequest)) }
        return S3Error(
            .signatureDoesNotMatch,
            "The request signature we calculated does not match the signature you provided. Check your key and signing method.",
            details: details)
    }

    /// SignatureDoesNotMatch, with the string to sign and the canonical request, unless `provided` is the
    /// V4 signature expected.
    static func requireMatch(_ expected: SigV4Signature, provided: String, accessKey: String) throws {
        guard expected.matches(provided) else {
            throw signatureMismatch(
                accessKey: accessKey, stringToSign: expected.stringToSign,
                canonicalRequest: expected.canonicalRequest.text)
        }
    }

    func verifyHeader(_ header: String, request: S3Request, now: Date) throws -> AuthOutcome {
        let parsed: SigV4Authorization
        do {
            parsed = try SigV4Authorization(header: header)
        } catch {
            throw S3Error(.authorizationHeaderMalformed, "The authorization header is malformed; \(error)")
        }
        let secret = try requireKnown(parsed.accessKeyID)
        guard let payloadHash = request.headers["x-amz-content-sha256"] else {
            throw S3Error(.invalidRequest, "Missing required header for this request: x-amz-content-sha256")
        }
        let payload: PayloadMode
        switch payloadHash {
        case PayloadHash.unsigned: payload = .unsigned
        case PayloadHash.streamingUnsignedTrailer: payload = .streamingUnsigned
        case PayloadHash.streamingSigned, PayloadHash.streamingSignedTrailer: payload = .unsigned  // replaced below
        default:
            guard PayloadHash.isSHA256Hex(payloadHash) else {
                throw S3Error(
                    .invalidArgument,
                    "x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-UNSIGNED-PAYLOAD-TRAILER, STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER] or a valid sha256 value.",
                    details: [.init("ArgumentName", "x-amz-content-sha256"), .init("ArgumentValue", payloadHash)])
            }
            payload = .sha256(payloadHash)
        }
        var signable = signable(request, query: request.query.map { (name: $0.name, value: $0.value ?? "") })
        if request.headers["x-amz-date"] == nil, let dateHeader = request.headers["date"],
            AmzDate(dateHeader.trimmingCharacters(in: .whitespaces)) == nil, let date = HTTPDate.parse(dateHeader)
        {
            // SigV4 lets an RFC 1123 `Date` header carry the request time. The signing code reads the time
            // in the basic form, so it gets an unsigned copy; the canonical request still holds only the
            // signed headers, with `date` exactly as sent.
            signable.headers.append((name: "x-amz-date", value: AmzDate(date).timestamp))
        }
        let expected: SigV4Signature
        do {
            expected = try parsed.expectedSignature(
                for: signable, payloadHash: payloadHash,
                signingKey: signingKeys.key(secretAccessKey: secret, scope: parsed.scope))
        } catch {
            throw S3Error(.authorizationHeaderMalformed, "The authorization header is malformed; \(error)")
        }
        try Self.requireMatch(expected, provided: parsed.signature, accessKey: parsed.accessKeyID)
        let skew = abs(expected.date.date.timeIntervalSince(now))
        guard skew <= Self.allowedSkew else {
            throw S3Error(
                .requestTimeTooSkewed, "The difference between the request time and the current time is too large.",
                details: [
                    .init("RequestTime", expected.date.timestamp), .init("ServerTime", HTTPDate.iso8601(now)),
                    .init("MaxAllowedSkewMilliseconds", "900000"),
                ])
        }
        if payloadHash == PayloadHash.streamingSigned || payloadHash == PayloadHash.streamingSignedTrailer {
            return AuthOutcome(
                accessKey: parsed.accessKeyID,
                payload: .streamingSigned(ChunkChainChecker(chain: ChunkSignatureChain(seed: expected))))
        }
        return AuthOutcome(accessKey: parsed.accessKeyID, payload: payload)
    }

    func verifyPresignedV4(_ request: S3Request, query: [(name: String, value: String)], now: Date) throws
        -> AuthOutcome
    {
        let parsed: SigV4PresignedQuery
        do {
            parsed = try SigV4PresignedQuery(query: query)
        } catch SigV4Error.expiresOutOfRange {
            throw S3Error(
                .authorizationQueryParametersError,
                "X-Amz-Expires must be less than a week (in seconds); that is, the given X-Amz-Expires must be less than 604800 seconds",
                status: 403)
        } catch SigV4Error.missingQueryParameter {
            throw S3Error(
                .authorizationQueryParametersError,
                "Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters."
            )
        } catch {
            throw S3Error(.authorizationQueryParametersError, "\(error)")
        }
        let secret = try requireKnown(parsed.accessKeyID)
        let expected: SigV4Signature
        do {
            expected = try parsed.expectedSignature(
                for: signable(request, query: query),
                signingKey: signingKeys.key(secretAccessKey: secret, scope: parsed.scope))
        } catch {
            throw S3Error(.authorizationQueryParametersError, "\(error)")
        }
        try Self.requireMatch(expected, provided: parsed.signature, accessKey: parsed.accessKeyID)
        guard !parsed.isExpired(at: now) else {
            throw S3Error(
                .accessDenied, "Request has expired",
                details: [
                    .init("X-Amz-Expires", String(parsed.expires)),
                    .init("Expires", HTTPDate.iso8601(parsed.expiresAt.date)),
                    .init("ServerTime", HTTPDate.iso8601(now)),
                ])
        }
        return AuthOutcome(accessKey: parsed.accessKeyID, payload: .unsigned)
    }

    func verifyPresignedV2(_ request: S3Request, query: [(name: String, value: String)], now: Date) throws
        -> AuthOutcome
    {
        let parsed: SigV2PresignedQuery
        do {
            parsed = try SigV2PresignedQuery(query: query)
        } catch SigV2Error.malformedSignature {
            throw Self.signatureMismatch(
                accessKey: request.queryValue("AWSAccessKeyId") ?? "", stringToSign: "", canonicalRequest: nil)
        } catch {
            throw S3Error(
                .accessDenied,
                "Query-string authentication requires the Signature, Expires and AWSAccessKeyId parameters: \(error)")
        }
        let secret = try requireKnown(parsed.accessKeyID)
        let path = pathStyleResource(request)
        let expected = parsed.expectedSignature(
            for: signable(request, query: query, path: path), secretAccessKey: secret)
        guard expected.matches(parsed.signature) else {
            throw Self.signatureMismatch(
                accessKey: parsed.accessKeyID, stringToSign: expected.stringToSign, canonicalRequest: nil)
        }
        guard !parsed.isExpired(at: now) else {
            throw S3Error(
                .accessDenied, "Request has expired",
                details: [
                    .init("Expires", HTTPDate.iso8601(Date(timeIntervalSince1970: TimeInterval(parsed.expires)))),
                    .init("ServerTime", HTTPDate.iso8601(now)),
                ])
        }
        return AuthOutcome(accessKey: parsed.accessKeyID, payload: .unsigned)
    }
}

/// Checks aws-chunked chunk and trailer signatures along AWSSignature's chain. Used within one task.
final class ChunkChainChecker: ChunkSignatureChecker {
    private var chain: ChunkSignatureChain

    init(chain: ChunkSignatureChain) { self.chain = chain }

    func verifyChunk(signature: String, dataSHA256Hex: String) -> Bool {
        chain.verify(chunkSHA256: dataSHA256Hex, provided: signature)
    }

    func verifyTrailer(signature: String, trailerText: String) -> Bool {
        chain.verifyTrailer(Array(trailerText.utf8), provided: signature)
    }
}
