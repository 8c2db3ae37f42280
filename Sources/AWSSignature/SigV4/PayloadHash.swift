/// Values of the hashed-payload line (and of S3's `x-amz-content-sha256` header).
public enum PayloadHash {
    /// The body is not signed (S3 presigned URLs, and header auth when the client opts out).
    public static let unsigned = "UNSIGNED-PAYLOAD"
    /// aws-chunked body with a signature per chunk.
    public static let streamingSigned = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD"
    /// aws-chunked body with chunk signatures and a signed trailer.
    public static let streamingSignedTrailer = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER"
    /// aws-chunked body without signatures, with a trailer (boto3 over TLS).
    public static let streamingUnsignedTrailer = "STREAMING-UNSIGNED-PAYLOAD-TRAILER"
    /// SHA-256 of an empty body.
    public static let empty = Digest.emptySHA256Hex

    /// Lowercase hex SHA-256 of `body`.
    public static func sha256(_ body: some Collection<UInt8>) -> String { Digest.sha256Hex(body) }

    /// True for the streaming sentinels (the body is aws-chunked).
    public static func isStreaming(_ value: String) -> Bool {
        value == streamingSigned || value == streamingSignedTrailer || value == streamingUnsignedTrailer
    }

    /// True when `value` is 64 hex digits, i.e. the server must hash the body and compare.
    public static func isSHA256Hex(_ value: String) -> Bool {
        value.utf8.count == 64 && value.utf8.allSatisfy { Hex.value(of: $0) != nil }
    }
}
