import AWSSignature
import BuildingBlocks
import Foundation

/// The access key pairs LocalS3 accepts: one by default, several from a credentials file; each key is a
/// user of an account (see `S3User`).
public struct S3Credentials: Sendable, Equatable {
    /// The access key the emulator gives its functions, and LocalS3's default.
    public static let defaultAccessKey = "test"
    /// The secret key the emulator gives its functions, and LocalS3's default.
    public static let defaultSecretKey = "test"

    /// The first pair (the one the emulator hands its functions).
    public let accessKey: String
    public let secretKey: String
    /// Every accepted pair, in the order given.
    public let pairs: [(accessKey: String, secretKey: String)]
    /// The user each key stands for, in the same order.
    public let users: S3Users

    public init(accessKey: String = defaultAccessKey, secretKey: String = defaultSecretKey) {
        self.accessKey = accessKey
        self.secretKey = secretKey
        self.pairs = [(accessKey, secretKey)]
        self.users = S3Users([S3User(accessKey: accessKey, accountID: S3Account.defaultID, name: accessKey)])
    }

    /// Several pairs; the first is the default one.
    public init(pairs: [(accessKey: String, secretKey: String)]) throws {
        try self.init(entries: pairs.map { CredentialEntry(accessKey: $0.accessKey, secretKey: $0.secretKey) })
    }

    /// Several keys with their users; the first is the default one. A key without an account is the
    /// emulator's account when it comes first, else an account of its own (derived from the key); a key
    /// without a user name is a user named after the key.
    public init(entries: [CredentialEntry]) throws {
        guard let first = entries.first else { throw CredentialsFileError.noKeys }
        self.accessKey = first.accessKey
        self.secretKey = first.secretKey
        self.pairs = entries.map { ($0.accessKey, $0.secretKey) }
        self.users = S3Users(
            entries.enumerated().map { index, entry in
                S3User(
                    accessKey: entry.accessKey,
                    accountID: entry.accountID
                        ?? (index == 0 ? S3Account.defaultID : S3Account.derivedID(for: entry.accessKey)),
                    name: entry.userName ?? entry.accessKey)
            })
    }

    /// The secret of `accessKey`, nil when the key is unknown. Every pair is compared, in constant time.
    public func secret(for accessKey: String) -> String? {
        var found: String?
        for pair in pairs where ConstantTime.equals(pair.accessKey, accessKey) { found = pair.secretKey }
        return found
    }

    public static func == (lhs: S3Credentials, rhs: S3Credentials) -> Bool {
        lhs.pairs.map(\.accessKey) == rhs.pairs.map(\.accessKey)
            && lhs.pairs.map(\.secretKey) == rhs.pairs.map(\.secretKey) && lhs.users.all == rhs.users.all
    }

    /// Reads a credentials file: JSON (`[{"accessKey": …, "secretKey": …, "account": …, "user": …}]`, also
    /// with the AWS names `AccessKeyId`/`SecretAccessKey`/`AccountId`/`UserName`, or
    /// `{"<access key>": "<secret>"}`) or the AWS credentials-file format (`[profile]` sections with
    /// `aws_access_key_id`, `aws_secret_access_key` and optionally `aws_account_id`; the profile names the user).
    public static func load(file path: String) throws -> S3Credentials {
        guard let data = FileManager.default.contents(atPath: path) else { throw CredentialsFileError.unreadable(path) }
        let text = String(decoding: data, as: UTF8.self)
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let entries =
            trimmed.hasPrefix("[{") || trimmed.hasPrefix("{") || trimmed == "[]"
            ? try parseJSON(data, path: path) : try parseINI(text, path: path)
        for entry in entries {
            if let account = entry.accountID, !S3Account.isAccountID(account) {
                throw CredentialsFileError.malformed(path, "the account id \(account) is not 12 digits")
            }
        }
        return try S3Credentials(entries: entries)
    }

    static func parseJSON(_ data: Data, path: String) throws -> [CredentialEntry] {
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw CredentialsFileError.malformed(path, "\(error)")
        }
        let shape = CredentialsFileError.malformed(path, "expected a list of key pairs or an object of key to secret")
        if case .object(let map) = value {
            return try map.keys.sorted().map { key in
                guard case .string(let secret) = map[key] else { throw shape }
                return CredentialEntry(accessKey: key, secretKey: secret)
            }
        }
        guard case .array(let list) = value else { throw shape }
        return try list.map { element in
            guard case .object(let entry) = element else { throw shape }
            /// The first of `names` that the entry has, whatever its type.
            func member(_ names: String...) -> JSONValue? { names.lazy.compactMap { entry[$0] }.first }
            guard case .string(let access) = member("accessKey", "AccessKeyId", "aws_access_key_id"),
                case .string(let secret) = member("secretKey", "SecretAccessKey", "aws_secret_access_key"),
                !access.isEmpty
            else {
                throw CredentialsFileError.malformed(path, "an entry lacks accessKey or secretKey")
            }
            /// An optional member's text; present but not a string is malformed.
            func optionalText(_ value: JSONValue?) throws -> String? {
                switch value {
                case nil: return nil
                case .string(let text)?: return text
                default: throw CredentialsFileError.malformed(path, "account and user must be strings")
                }
            }
            return CredentialEntry(
                accessKey: access, secretKey: secret,
                accountID: try optionalText(member("account", "AccountId", "aws_account_id")),
                userName: try optionalText(member("user", "UserName")))
        }
    }

    static func parseINI(_ text: String, path: String) throws -> [CredentialEntry] {
        var entries: [CredentialEntry] = []
        var profile: String?
        var access: String?
        var secret: String?
        var account: String?
        func flush() throws {
            defer { (access, secret, account) = (nil, nil, nil) }
            if access == nil && secret == nil { return }
            guard let key = access, let value = secret else {
                throw CredentialsFileError.malformed(path, "a profile lacks aws_access_key_id or aws_secret_access_key")
            }
            entries.append(CredentialEntry(accessKey: key, secretKey: value, accountID: account, userName: profile))
        }
        for raw in text.split(whereSeparator: \.isNewline) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("[") {
                try flush()
                let name = line.dropFirst().prefix { $0 != "]" }.trimmingCharacters(in: .whitespaces)
                profile = name.hasPrefix("profile ") ? String(name.dropFirst("profile ".count)) : name
                continue
            }
            guard let equals = line.firstIndex(of: "=") else { continue }
            let name = line[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if name == "aws_access_key_id" { access = value }
            if name == "aws_secret_access_key" { secret = value }
            if name == "aws_account_id" { account = value }
        }
        try flush()
        return entries
    }
}

/// One key of a credentials file: the pair, and optionally the account and user it stands for.
public struct CredentialEntry: Sendable, Equatable {
    public var accessKey: String
    public var secretKey: String
    public var accountID: String?
    public var userName: String?

    public init(accessKey: String, secretKey: String, accountID: String? = nil, userName: String? = nil) {
        self.accessKey = accessKey
        self.secretKey = secretKey
        self.accountID = accountID
        self.userName = userName
    }
}

/// Why a credentials file could not be used.
public enum CredentialsFileError: Error, Sendable, CustomStringConvertible {
    case unreadable(String)
    case malformed(String, String)
    case noKeys

    public var description: String {
        switch self {
        case .unreadable(let path): "cannot read the credentials file \(path)"
        case .malformed(let path, let why): "the credentials file \(path) is malformed: \(why)"
        case .noKeys: "the credentials file names no access keys"
        }
    }
}
