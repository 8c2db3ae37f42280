import Synchronization

/// Signing keys by secret and scope, for a verifier that sees many requests: one key serves every request
/// of its day, region and service, and deriving it costs four HMACs. Bounded; emptied when full.
public final class SigningKeyCache: Sendable {
    static let capacity = 64

    private struct Entry: Hashable {
        let secretAccessKey: String
        let scope: CredentialScope
    }

    private let keys = Mutex<[Entry: SigningKey]>([:])

    public init() {}

    /// The key for `secretAccessKey` within `scope`, derived on first use.
    public func key(secretAccessKey: String, scope: CredentialScope) -> SigningKey {
        let entry = Entry(secretAccessKey: secretAccessKey, scope: scope)
        if let key = keys.withLock({ $0[entry] }) { return key }
        let key = SigningKey(secretAccessKey: secretAccessKey, scope: scope)
        keys.withLock { keys in
            if keys.count >= Self.capacity { keys.removeAll(keepingCapacity: true) }
            keys[entry] = key
        }
        return key
    }
}
