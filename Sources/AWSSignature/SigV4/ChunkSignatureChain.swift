/// The signature chain of an aws-chunked body (`STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER]`): each
/// chunk's signature covers the previous one, starting from the request's (seed) signature.
public struct ChunkSignatureChain: Sendable, Hashable {
    /// String-to-sign algorithm line of a chunk.
    public static let chunkAlgorithm = "AWS4-HMAC-SHA256-PAYLOAD"
    /// String-to-sign algorithm line of the trailer.
    public static let trailerAlgorithm = "AWS4-HMAC-SHA256-TRAILER"

    /// The request's signing key.
    public let signingKey: SigningKey
    /// The request's `X-Amz-Date`.
    public let date: AmzDate
    /// The request's credential scope.
    public let scope: CredentialScope
    /// The signature the next chunk chains from (the seed, then each accepted chunk's).
    public private(set) var previousSignature: String

    /// A chain seeded by the request's own signature.
    public init(seed: SigV4Signature) {
        self.init(seedSignature: seed.signature, signingKey: seed.signingKey, date: seed.date, scope: seed.scope)
    }

    /// A chain from explicit parts.
    public init(seedSignature: String, signingKey: SigningKey, date: AmzDate, scope: CredentialScope) {
        self.previousSignature = seedSignature
        self.signingKey = signingKey
        self.date = date
        self.scope = scope
    }

    /// The signature of the next chunk, given the hex SHA-256 of its data, without advancing.
    public func signature(forChunkSHA256 chunkHash: String) -> String {
        let stringToSign = [
            Self.chunkAlgorithm, date.timestamp, scope.description, previousSignature, Digest.emptySHA256Hex,
            chunkHash,
        ].joined(separator: "\n")
        return signingKey.signature(of: stringToSign)
    }

    /// Signs the next chunk (the final chunk has empty data) and advances the chain.
    public mutating func sign(chunkSHA256 chunkHash: String) -> String {
        previousSignature = signature(forChunkSHA256: chunkHash)
        return previousSignature
    }

    /// Signs the next chunk's data and advances the chain.
    public mutating func sign(chunk data: some Collection<UInt8>) -> String {
        sign(chunkSHA256: Digest.sha256Hex(data))
    }

    /// Checks a chunk's provided signature in constant time; advances the chain only when it matches.
    public mutating func verify(chunkSHA256 chunkHash: String, provided: String) -> Bool {
        let expected = signature(forChunkSHA256: chunkHash)
        guard ConstantTime.equals(expected, provided) else { return false }
        previousSignature = expected
        return true
    }

    /// The trailer signature over the trailer text (`name:value\n` per trailing header), chained from
    /// the final (zero-length) chunk's signature.
    public func trailerSignature(trailer: some Collection<UInt8>) -> String {
        let stringToSign = [
            Self.trailerAlgorithm, date.timestamp, scope.description, previousSignature, Digest.sha256Hex(trailer),
        ].joined(separator: "\n")
        return signingKey.signature(of: stringToSign)
    }

    /// Checks a provided `x-amz-trailer-signature` in constant time.
    public func verifyTrailer(_ trailer: some Collection<UInt8>, provided: String) -> Bool {
        ConstantTime.equals(trailerSignature(trailer: trailer), provided)
    }
}
