import AWSSignature
import Foundation

/// The access key pairs LocalS3 accepts: one by default, several from a credentials file.
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

    public init(accessKey: String = defaultAccessKey, secretKey: String = defaultSecretKey) {
        self.accessKey = accessKey
        self.secretKey = secretKey
        self.pairs = [(accessKey, secretKey)]
    }

    /// Several pairs; the first is the default one.
    public init(pairs: [(accessKey: String, secretKey: String)]) throws {
        guard let first = pairs.first else { throw CredentialsFileError.noKeys }
        self.accessKey = first.accessKey
        self.secretKey = first.secretKey
        self.pairs = pairs
    }

    /// The secret of `accessKey`, nil when the key is unknown. Every pair is compared, in constant time.
    public func secret(for accessKey: String) -> String? {
        var found: String?
        for pair in pairs where ConstantTime.equals(pair.accessKey, accessKey) { found = pair.secretKey }
        return found
    }

    public static func == (lhs: S3Credentials, rhs: S3Credentials) -> Bool {
        lhs.pairs.map(\.accessKey) == rhs.pairs.map(\.accessKey)
            && lhs.pairs.map(\.secretKey) == rhs.pairs.map(\.secretKey)
    }

    /// Reads a credentials file: JSON (`[{"accessKey": …, "secretKey": …}]`, also with the AWS names
    /// `AccessKeyId`/`SecretAccessKey`, or `{"<access key>": "<secret>"}`) or the AWS credentials-file format
    /// (`[profile]` sections with `aws_access_key_id` and `aws_secret_access_key`).
    public static func load(file path: String) throws -> S3Credentials {
        guard let data = FileManager.default.contents(atPath: path) else { throw CredentialsFileError.unreadable(path) }
        let text = String(decoding: data, as: UTF8.self)
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("[{") || trimmed.hasPrefix("{") || trimmed == "[]" {
            return try S3Credentials(pairs: parseJSON(data, path: path))
        }
        return try S3Credentials(pairs: parseINI(text, path: path))
    }

    static func parseJSON(_ data: Data, path: String) throws -> [(accessKey: String, secretKey: String)] {
        let value: Any
        do {
            value = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw CredentialsFileError.malformed(path, "\(error)")
        }
        if let map = value as? [String: String] {
            return map.keys.sorted().map { ($0, map[$0] ?? "") }
        }
        guard let list = value as? [[String: Any]] else {
            throw CredentialsFileError.malformed(path, "expected a list of key pairs or an object of key to secret")
        }
        return try list.map { entry in
            let access = entry["accessKey"] ?? entry["AccessKeyId"] ?? entry["aws_access_key_id"]
            let secret = entry["secretKey"] ?? entry["SecretAccessKey"] ?? entry["aws_secret_access_key"]
            guard let access = access as? String, let secret = secret as? String, !access.isEmpty else {
                throw CredentialsFileError.malformed(path, "an entry lacks accessKey or secretKey")
            }
            return (access, secret)
        }
    }

    static func parseINI(_ text: String, path: String) throws -> [(accessKey: String, secretKey: String)] {
        var pairs: [(accessKey: String, secretKey: String)] = []
        var access: String?
        var secret: String?
        func flush() throws {
            if access == nil && secret == nil { return }
            guard let key = access, let value = secret else {
                throw CredentialsFileError.malformed(path, "a profile lacks aws_access_key_id or aws_secret_access_key")
            }
            pairs.append((key, value))
            access = nil
            secret = nil
        }
        for raw in text.split(whereSeparator: \.isNewline) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("[") {
                try flush()
                continue
            }
            guard let equals = line.firstIndex(of: "=") else { continue }
            let name = line[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if name == "aws_access_key_id" { access = value }
            if name == "aws_secret_access_key" { secret = value }
        }
        try flush()
        return pairs
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
