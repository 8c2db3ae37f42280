import BuildingBlocks
import Foundation

/// A bucket policy: statements parsed and checked as S3 checks them (MalformedPolicy with S3's reason),
/// evaluated for every request on the bucket.
struct BucketPolicy: Sendable {
    /// S3's limit on a bucket policy's size.
    static let maximumSize = 20 * 1024
    static let versions: Set<String> = ["2012-10-17", "2008-10-17"]

    let statements: [PolicyStatement]

    /// What the statements say about one request.
    enum Verdict: Sendable {
        case allow, deny, none
    }

    /// Parses `text` for `bucket`. Strict parsing (PutBucketPolicy) refuses principals naming unknown
    /// users; a stored policy is read leniently, so a user removed from the credentials file just matches
    /// nothing.
    static func parse(_ text: String, bucket: String, users: S3Users, strict: Bool = true) throws -> BucketPolicy {
        guard text.utf8.count <= maximumSize else {
            throw malformed("Policy exceeds the maximum allowed document size.")
        }
        guard text.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("{") else {
            throw malformed("Policies must be valid JSON and the first byte must be '{'")
        }
        let document: JSONValue
        do {
            document = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        } catch {
            throw malformed("This policy contains invalid Json")
        }
        guard case .object(let fields) = document else { throw malformed("This policy contains invalid Json") }
        for name in fields.keys where !["Version", "Id", "Statement"].contains(name) {
            throw malformed("Unknown field \(name)")
        }
        if let version = fields["Version"] {
            guard case .string(let text) = version, versions.contains(text) else {
                throw malformed("Invalid policy document version")
            }
        }
        let list: [JSONValue]
        switch fields["Statement"] {
        case .array(let items)?: list = items
        case .object(let item)?: list = [.object(item)]
        default: throw malformed("Missing required field Statement")
        }
        guard !list.isEmpty else { throw malformed("Missing required field Statement") }
        let parser = StatementParser(bucket: bucket, users: users, strict: strict)
        let statements = try list.map { try parser.parse($0) }
        var sids = Set<String>()
        for sid in statements.compactMap(\.sid) where !sids.insert(sid).inserted {
            throw malformed("Statement IDs (SID) in a single policy must be unique.")
        }
        return BucketPolicy(statements: statements)
    }

    static func malformed(_ reason: String) -> S3Error { S3Error(.malformedPolicy, reason) }

    /// Explicit Deny wins; otherwise any matching Allow allows.
    func evaluate(action: S3Action, resource: String, context: ConditionContext) -> Verdict {
        var allowed = false
        for statement in statements where statement.matches(action: action, resource: resource, context: context) {
            if statement.effect == .deny { return .deny }
            allowed = true
        }
        return allowed ? .allow : .none
    }
}

/// One statement of a bucket policy.
struct PolicyStatement: Sendable {
    enum Effect: String, Sendable { case allow = "Allow", deny = "Deny" }

    let sid: String?
    let effect: Effect
    let principals: PrincipalSet
    /// True for `NotPrincipal`: the statement applies to everyone the set does not name.
    let notPrincipal: Bool
    let actions: [PolicyPattern]
    let notAction: Bool
    let resources: [PolicyPattern]
    let notResource: Bool
    let conditions: [PolicyCondition]

    func matches(action: S3Action, resource: String, context: ConditionContext) -> Bool {
        guard principals.contains(context.requester) != notPrincipal else { return false }
        let name = action.matchName
        guard actions.contains(where: { $0.matches(name) }) != notAction else { return false }
        guard resources.contains(where: { $0.matches(resource) }) != notResource else { return false }
        return conditions.allSatisfy { $0.holds(in: context) }
    }
}

/// The principals a statement names.
struct PrincipalSet: Sendable {
    /// `"*"`: everyone, anonymous callers included.
    var everyone = false
    var accounts: Set<String> = []
    var userARNs: Set<String> = []
    var canonicalIDs: Set<String> = []

    func contains(_ user: S3User?) -> Bool {
        if everyone { return true }
        guard let user else { return false }
        return accounts.contains(user.accountID) || userARNs.contains(user.arn)
            || canonicalIDs.contains(user.canonicalID)
    }

    /// True when the set names no one in particular (a public grant when allowed).
    var isWildcard: Bool { everyone }
}

/// Turns one JSON statement into a `PolicyStatement`, with S3's validation messages.
struct StatementParser {
    static let fields: Set<String> = [
        "Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition",
    ]
    let bucket: String
    let users: S3Users
    let strict: Bool

    func parse(_ value: JSONValue) throws -> PolicyStatement {
        guard case .object(let fields) = value else {
            throw BucketPolicy.malformed("This policy contains invalid Json")
        }
        for name in fields.keys where !Self.fields.contains(name) {
            throw BucketPolicy.malformed("Unknown field \(name)")
        }
        var sid: String?
        if let value = fields["Sid"] {
            guard case .string(let text) = value else { throw BucketPolicy.malformed("Invalid Sid") }
            sid = text
        }
        guard let effectValue = fields["Effect"] else { throw BucketPolicy.malformed("Missing required field Effect") }
        guard case .string(let effectText) = effectValue, let effect = PolicyStatement.Effect(rawValue: effectText)
        else {
            throw BucketPolicy.malformed("Invalid effect: \(Self.text(effectValue))")
        }
        let (principalValue, notPrincipal) = try oneOf(fields, "Principal", "NotPrincipal")
        let principals = try parsePrincipal(principalValue)
        let (actionValue, notAction) = try oneOf(fields, "Action", "NotAction")
        let actions = try strings(actionValue, invalid: "Policy has invalid action").map {
            PolicyPattern($0, caseInsensitive: true)
        }
        let (resourceValue, notResource) = try oneOf(fields, "Resource", "NotResource")
        let resources = try strings(resourceValue, invalid: "Policy has invalid resource").map { PolicyPattern($0) }
        var levels = (bucket: false, object: false)
        for action in actions {
            let name = action.text
            guard name == "*" || name.hasPrefix("s3:") else {
                throw BucketPolicy.malformed("Policy has invalid action")
            }
            let found = S3ActionCatalog.levels(of: action)
            guard name == "*" || found.known else { throw BucketPolicy.malformed("Policy has invalid action") }
            levels.bucket = levels.bucket || found.bucket || name == "*"
            levels.object = levels.object || found.object || name == "*"
        }
        var fits = notAction || notResource
        for resource in resources {
            let level = try resourceLevel(resource.text)
            fits = fits || (level.bucket && levels.bucket) || (level.object && levels.object)
        }
        guard fits else { throw BucketPolicy.malformed("Action does not apply to any resource(s) in statement") }
        let conditions = try fields["Condition"].map(PolicyCondition.parseBlock) ?? []
        return PolicyStatement(
            sid: sid, effect: effect, principals: principals, notPrincipal: notPrincipal, actions: actions,
            notAction: notAction, resources: resources, notResource: notResource, conditions: conditions)
    }

    /// The element or its `Not` form (exactly one of them).
    func oneOf(_ fields: [String: JSONValue], _ name: String, _ negated: String) throws -> (JSONValue, Bool) {
        switch (fields[name], fields[negated]) {
        case (let value?, nil): return (value, false)
        case (nil, let value?): return (value, true)
        case (nil, nil): throw BucketPolicy.malformed("Missing required field \(name)")
        default: throw BucketPolicy.malformed("\(name) and \(negated) cannot both be present")
        }
    }

    /// A string or a non-empty list of strings.
    func strings(_ value: JSONValue, invalid: String) throws -> [String] {
        switch value {
        case .string(let text): return [text]
        case .array(let items) where !items.isEmpty:
            return try items.map { item in
                guard case .string(let text) = item else { throw BucketPolicy.malformed(invalid) }
                return text
            }
        default: throw BucketPolicy.malformed(invalid)
        }
    }

    /// Whether a resource ARN can name this bucket and its objects; any other resource is invalid in its policy.
    func resourceLevel(_ arn: String) throws -> (bucket: Bool, object: Bool) {
        let prefix = "arn:aws:s3:::"
        guard arn.hasPrefix(prefix) else { throw BucketPolicy.malformed("Policy has invalid resource") }
        let path = arn.dropFirst(prefix.count)
        let bucketPart = String(path.prefix { $0 != "/" })
        let pattern = PolicyPattern(bucketPart)
        let hasKey = path.contains("/")
        guard pattern.matches(bucket) else {
            throw BucketPolicy.malformed("Policy has invalid resource")
        }
        return (!hasKey, hasKey || pattern.hasWildcards)
    }

    func parsePrincipal(_ value: JSONValue) throws -> PrincipalSet {
        var set = PrincipalSet()
        let invalid = BucketPolicy.malformed("Invalid principal in policy")
        if case .string(let text) = value {
            guard text == "*" else { throw invalid }
            set.everyone = true
            return set
        }
        guard case .object(let kinds) = value, !kinds.isEmpty else { throw invalid }
        for (kind, names) in kinds {
            let list = try strings(names, invalid: "Invalid principal in policy")
            switch kind {
            case "AWS":
                for name in list { try addAWS(name, to: &set) }
            case "CanonicalUser":
                for id in list {
                    guard !strict || users.knowsCanonicalID(id) else { throw invalid }
                    set.canonicalIDs.insert(id)
                }
            case "Service", "Federated":
                continue  // no such callers reach LocalS3: valid, and never matching
            default:
                throw invalid
            }
        }
        return set
    }

    /// `*`, an account id, `arn:aws:iam::<account>:root` or a known user's ARN.
    func addAWS(_ name: String, to set: inout PrincipalSet) throws {
        let invalid = BucketPolicy.malformed("Invalid principal in policy")
        if name == "*" {
            set.everyone = true
        } else if S3Account.isAccountID(name) {
            set.accounts.insert(name)
        } else if name.hasPrefix("arn:aws:iam::") {
            let rest = name.dropFirst("arn:aws:iam::".count)
            guard let colon = rest.firstIndex(of: ":") else { throw invalid }
            let account = String(rest[..<colon])
            let resource = rest[rest.index(after: colon)...]
            guard S3Account.isAccountID(account) else { throw invalid }
            if resource == "root" {
                set.accounts.insert(account)
            } else {
                guard resource.hasPrefix("user/"), !strict || users.knowsUserARN(name) else { throw invalid }
                set.userARNs.insert(name)
            }
        } else {
            throw invalid
        }
    }

    /// A JSON value as policy text shows it (for error messages).
    static func text(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): text
        case .bool(let flag): String(flag)
        case .number(let number): String(number)
        default: value.typeName
        }
    }
}
