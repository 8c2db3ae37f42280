#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The authentication parameters of a SigV2 presigned URL (`AWSAccessKeyId`, `Expires`, `Signature`).
public struct SigV2PresignedQuery: Sendable, Hashable {
    /// `AWSAccessKeyId`.
    public let accessKeyID: String
    /// `Expires`: absolute Unix seconds (no 7-day cap in SigV2).
    public let expires: Int64
    /// `Signature`, base64 (already percent-decoded).
    public let signature: String

    /// True when the query carries SigV2 query authentication.
    public static func isPresigned(query: [(name: String, value: String)]) -> Bool {
        query.contains { $0.name == "AWSAccessKeyId" } && query.contains { $0.name == "Signature" }
    }

    /// Parses the decoded query; throws naming the first missing or malformed parameter.
    public init(query: [(name: String, value: String)]) throws(SigV2Error) {
        func value(_ name: String) throws(SigV2Error) -> String {
            guard let found = query.first(where: { $0.name == name }) else { throw .missingQueryParameter(name) }
            return found.value
        }
        accessKeyID = try value("AWSAccessKeyId")
        let signatureText = try value("Signature")
        guard Base64.decode(signatureText)?.count == 20 else { throw .malformedSignature(signatureText) }
        signature = signatureText
        let expiresText = try value("Expires")
        guard let expires = Int64(expiresText) else { throw .malformedExpires(expiresText) }
        self.expires = expires
    }

    /// True once `now` is past `Expires`.
    public func isExpired(at now: Date) -> Bool {
        AmzDate(now).secondsSince1970 > expires
    }

    /// The string to sign and signature `request` should carry if signed with `secretAccessKey`.
    /// The query's own `AWSAccessKeyId`, `Signature` and `Expires` are not sub-resources, so they drop out;
    /// `x-amz-*` query parameters (boto3 moves `x-amz-security-token` there) count as `x-amz-*` headers.
    public func expectedSignature(for request: SignableRequest, secretAccessKey: String) -> SigV2Signature {
        var signed = request
        signed.headers += request.query.filter { $0.name.lowercased().hasPrefix("x-amz-") }
        let stringToSign = SigV2.stringToSign(for: signed, expires: expires)
        return SigV2Signature(
            stringToSign: stringToSign,
            signature: SigV2.signature(secretAccessKey: secretAccessKey, stringToSign: stringToSign))
    }
}

/// A computed SigV2 signature with its string to sign (reported on mismatch).
public struct SigV2Signature: Sendable, Hashable {
    /// The string to sign.
    public let stringToSign: String
    /// Base64 HMAC-SHA1.
    public let signature: String

    /// True when `provided` equals this signature (constant-time).
    public func matches(_ provided: String) -> Bool {
        ConstantTime.equals(signature, provided)
    }
}
