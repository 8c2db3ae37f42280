/// S3's test of whether a bucket policy is public: some Allow statement applies to everyone (a `*`
/// principal or `NotPrincipal`) without a condition that pins the caller to fixed values (specific source
/// addresses, accounts, ARNs, VPCs, organisations).
enum PolicyPublicity {
    /// Keys whose fixed values make a statement non-public.
    static let fixingKeys: Set<String> = [
        "aws:sourceip", "aws:sourcearn", "aws:sourcevpc", "aws:sourcevpce", "aws:sourceowner", "aws:sourceaccount",
        "aws:principalaccount", "aws:principalarn", "aws:principalorgid", "aws:sourceorgid", "aws:userid",
        "s3:dataaccesspointarn", "s3:dataaccesspointaccount", "s3:x-amz-server-side-encryption-aws-kms-key-id",
    ]

    static func isPublic(_ policy: BucketPolicy) -> Bool {
        policy.statements.contains { statement in
            statement.effect == .allow && (statement.notPrincipal || statement.principals.isWildcard)
                && !statement.conditions.contains(where: pinsCaller)
        }
    }

    /// A positive, wildcard-free condition on a fixing key (an address block narrower than everything).
    static func pinsCaller(_ condition: PolicyCondition) -> Bool {
        guard fixingKeys.contains(condition.key), !condition.negated, !condition.ifExists,
            condition.qualifier != .forAllValues
        else { return false }
        switch condition.comparison {
        case .string, .stringIgnoringCase, .arn: return true
        case .stringLike, .arnLike: return !condition.patterns.contains(where: \.hasWildcards)
        case .ipAddress: return !condition.ranges.contains(where: \.coversEverything)
        default: return false
        }
    }
}
