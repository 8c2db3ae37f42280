/// How the request body is protected, as the authentication step found it.
public enum PayloadMode {
    /// Nothing to check (UNSIGNED-PAYLOAD, presigned and anonymous requests).
    case unsigned
    /// The body's SHA-256 must equal this hex digest.
    case sha256(String)
    /// `aws-chunked` with signed chunks (and possibly a signed trailer).
    case streamingSigned(any ChunkSignatureChecker)
    /// `aws-chunked` without signatures, checksum in a trailer.
    case streamingUnsigned
}

/// Who made the request and what remains to check in its body.
public struct AuthOutcome {
    /// The access key that signed, or nil for an anonymous request.
    public let accessKey: String?
    public let payload: PayloadMode

    public init(accessKey: String?, payload: PayloadMode) {
        self.accessKey = accessKey
        self.payload = payload
    }

    public static var anonymous: AuthOutcome { AuthOutcome(accessKey: nil, payload: .unsigned) }
    public var isAnonymous: Bool { accessKey == nil }
}

/// A request that passed `S3Service.admit`: who sent it, what it may do, and the operation it names.
public struct Admission {
    public let auth: AuthOutcome
    let access: AccessGrant
    let operation: any S3Operation.Type
}
