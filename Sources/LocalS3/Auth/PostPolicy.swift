import AWSSignature
import Foundation

/// A browser-form upload's fields, looked up without regard to case (repeated fields joined with `,`).
struct PostForm {
    let fields: [(name: String, value: String)]

    subscript(_ name: String) -> String? {
        let values = fields.filter { $0.name.lowercased() == name.lowercased() }.map(\.value)
        return values.isEmpty ? nil : values.joined(separator: ",")
    }
}

/// The signed policy of a POST upload: its signature (SigV4 `x-amz-signature` or SigV2 `signature`),
/// expiry and conditions (`eq`, `starts-with`, `content-length-range`, `{"field": "value"}`); every form
/// field must be covered by a condition, except the ones S3 exempts.
struct PostPolicy {
    static let exempt: Set<String> = ["x-amz-signature", "signature", "awsaccesskeyid", "file", "policy"]

    let document: [String: Any]
    /// The access key that signed the policy: the uploader.
    let accessKey: String
    /// The allowed body size, when the policy bounds it.
    var lengthRange: ClosedRange<Int64>?

    static func denied(_ why: String) -> S3Error {
        S3Error(.accessDenied, "Invalid according to Policy: \(why)")
    }

    /// Verifies the policy's signature with `credentials` and decodes it.
    static func verify(_ form: PostForm, credentials: S3Credentials, now: Date) throws -> PostPolicy {
        guard let policy = form["policy"] else {
            throw S3Error(
                .accessDenied, "Bucket POST must contain a field named 'policy'; anonymous uploads are refused.")
        }
        let signer: String
        if let algorithm = form["x-amz-algorithm"] {
            guard algorithm == SigV4.algorithm, let credential = form["x-amz-credential"],
                let signature = form["x-amz-signature"], form["x-amz-date"] != nil
            else {
                throw S3Error(
                    .invalidArgument, "POST requires x-amz-algorithm, x-amz-credential, x-amz-date and x-amz-signature."
                )
            }
            let parts = credential.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 5, parts[4] == CredentialScope.terminator else {
                throw S3Error.invalidArgument("x-amz-credential", credential, "Invalid credential.")
            }
            let secret = try requireKnown(parts[0], credentials)
            let scope = CredentialScope(dateStamp: parts[1], region: parts[2], service: parts[3])
            let expected = SigningKey(secretAccessKey: secret, scope: scope).signature(of: policy)
            guard ConstantTime.equals(expected, signature.lowercased()) else { throw mismatch(parts[0], policy) }
            signer = parts[0]
        } else if let accessKey = form["AWSAccessKeyId"], let signature = form["signature"] {
            let secret = try requireKnown(accessKey, credentials)
            let expected = Base64.encode(HMAC.sha1(key: Array(secret.utf8), message: policy))
            guard ConstantTime.equals(expected, signature) else { throw mismatch(accessKey, policy) }
            signer = accessKey
        } else {
            throw S3Error(.accessDenied, "Bucket POST must be signed (x-amz-signature or signature).")
        }
        // A policy that is not base64 JSON is the client's error, answered InvalidPolicyDocument; the decoder's
        // own error adds nothing S3 would show.
        guard let json = Base64.decode(policy),
            let document = try? JSONSerialization.jsonObject(with: Data(json)) as? [String: Any]
        else {
            throw S3Error(.invalidPolicyDocument, "Invalid Policy: Invalid JSON.")
        }
        guard let expiration = document["expiration"] as? String, let expiry = parseDate(expiration) else {
            throw S3Error(.invalidPolicyDocument, "Invalid Policy: Policy missing expiration.")
        }
        guard expiry > now else { throw denied("Policy expired.") }
        return PostPolicy(document: document, accessKey: signer)
    }

    static func requireKnown(_ accessKey: String, _ credentials: S3Credentials) throws -> String {
        guard let secret = credentials.secret(for: accessKey) else {
            throw S3Error(
                .invalidAccessKeyId, "The AWS Access Key Id you provided does not exist in our records.",
                details: [.init("AWSAccessKeyId", accessKey)])
        }
        return secret
    }

    static func mismatch(_ accessKey: String, _ policy: String) -> S3Error {
        S3Error(
            .signatureDoesNotMatch,
            "The request signature we calculated does not match the signature you provided. Check your key and signing method.",
            details: [.init("AWSAccessKeyId", accessKey), .init("StringToSign", policy)])
    }

    static func parseDate(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }

    /// Checks every condition against the form (with `key` expanded and `bucket` added) and that every
    /// field is covered by one.
    mutating func check(_ form: PostForm, bucket: String, key: String) throws {
        var values: [String: String] = ["bucket": bucket]
        for field in form.fields { values[field.name.lowercased()] = form[field.name] }
        values["key"] = key
        var covered: Set<String> = ["bucket"]
        for condition in document["conditions"] as? [Any] ?? [] {
            if let object = condition as? [String: Any] {
                for (name, expected) in object {
                    let field = name.lowercased()
                    covered.insert(field)
                    guard let wanted = expected as? String, values[field] == wanted else {
                        throw Self.denied("Policy Condition failed: [\"eq\", \"$\(name)\", \"\(expected)\"]")
                    }
                }
            } else if let list = condition as? [Any], let operation = (list.first as? String)?.lowercased() {
                if operation == "content-length-range", list.count == 3,
                    let low = (list[1] as? NSNumber)?.int64Value, let high = (list[2] as? NSNumber)?.int64Value
                {
                    lengthRange = low...max(low, high)
                    continue
                }
                guard list.count == 3, let target = list[1] as? String, target.hasPrefix("$"),
                    let operand = list[2] as? String
                else {
                    throw S3Error(.invalidPolicyDocument, "Invalid Policy: Invalid Condition: \(list).")
                }
                let field = String(target.dropFirst()).lowercased()
                covered.insert(field)
                let value = values[field] ?? ""
                let holds =
                    operation == "eq" ? value == operand : operation == "starts-with" && value.hasPrefix(operand)
                guard holds else {
                    throw Self.denied("Policy Condition failed: [\"\(operation)\", \"\(target)\", \"\(operand)\"]")
                }
            }
        }
        for field in form.fields.map({ $0.name.lowercased() })
        where !Self.exempt.contains(field) && !field.hasPrefix("x-ignore-") && !covered.contains(field) {
            throw Self.denied("Extra input fields: \(field)")
        }
    }
}
