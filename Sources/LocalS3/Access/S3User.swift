import AWSSignature
import Foundation

/// The IAM user an access key stands for, and the account that user belongs to. Users of one account are
/// that account (LocalS3 has no identity policies): a bucket's owner is an account, not a user.
public struct S3User: Sendable, Equatable {
    public let accessKey: String
    /// The 12-digit account id.
    public let accountID: String
    public let name: String
    /// The account's canonical user id (64 hex digits), as ACLs and owners show it.
    public let canonicalID: String

    public init(accessKey: String, accountID: String, name: String) {
        self.accessKey = accessKey
        self.accountID = accountID
        self.name = name
        self.canonicalID = S3Account.canonicalID(of: accountID)
    }

    /// `arn:aws:iam::<account>:user/<name>`.
    public var arn: String { "arn:aws:iam::\(accountID):user/\(name)" }
}

/// Account ids and canonical ids: explicit ones from a credentials file, or derived from the access key
/// so that the same key always stands for the same account.
public enum S3Account {
    /// The emulator's account (the first key's, unless the file names one): the same id Lambda ARNs and
    /// `AWS::AccountId` show.
    public static let defaultID = "123456789012"
    /// The default account's canonical id (what LocalS3 always showed as every owner).
    static let defaultCanonicalID = "75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a"

    /// The canonical id of an account: 64 hex digits, stable for the account id.
    public static func canonicalID(of accountID: String) -> String {
        accountID == defaultID ? defaultCanonicalID : Digest.sha256Hex("LocalS3 canonical user " + accountID)
    }

    /// A 12-digit account id derived from an access key (never the default account's).
    static func derivedID(for accessKey: String) -> String {
        let digest = Digest.sha256(accessKey)
        let number = digest.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) } % 1_000_000_000_000
        let text = String(number)
        let id = String(repeating: "0", count: 12 - text.count) + text
        return id == defaultID ? "123456789013" : id
    }

    /// Whether `text` is a 12-digit account id.
    static func isAccountID(_ text: String) -> Bool {
        text.utf8.count == 12 && text.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }
}

/// Every user LocalS3 knows, looked up by access key, canonical id or ARN.
public struct S3Users: Sendable {
    public let all: [S3User]
    private let byAccessKey: [String: S3User]

    public init(_ users: [S3User]) {
        all = users
        byAccessKey = Dictionary(users.map { ($0.accessKey, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The user of the first key: the owner of buckets created before owners were recorded.
    public var defaultUser: S3User? { all.first }

    public func user(accessKey: String) -> S3User? { byAccessKey[accessKey] }

    /// Whether some user belongs to the account with this canonical id.
    public func knowsCanonicalID(_ id: String) -> Bool { all.contains { $0.canonicalID == id } }

    /// The name shown for an account's canonical id: its first user's name.
    public func displayName(canonicalID: String) -> String? { all.first { $0.canonicalID == canonicalID }?.name }

    /// Whether an IAM user ARN names a known user.
    public func knowsUserARN(_ arn: String) -> Bool { all.contains { $0.arn == arn } }
}
