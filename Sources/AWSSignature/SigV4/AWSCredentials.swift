/// An AWS access key pair, with the session token that temporary credentials carry.
public struct AWSCredentials: Sendable, Hashable, CustomStringConvertible {
    /// The access key ID (`AKIA…`/`ASIA…`), sent in the clear in the credential scope.
    public var accessKeyID: String
    /// The secret access key; never sent, only used to derive signing keys.
    public var secretAccessKey: String
    /// The session token of temporary credentials, sent as `X-Amz-Security-Token`.
    public var sessionToken: String?

    /// Credentials from their parts.
    public init(accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil) {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
    }

    /// Names the access key only, so credentials never leak into logs.
    public var description: String {
        "AWSCredentials(accessKeyID: \(accessKeyID), secretAccessKey: <redacted>\(sessionToken == nil ? "" : ", sessionToken: <redacted>"))"
    }
}
