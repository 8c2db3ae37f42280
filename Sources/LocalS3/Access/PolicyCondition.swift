import BuildingBlocks
import Foundation

/// One condition of a statement: an operator (with its `IfExists` and `ForAnyValue:`/`ForAllValues:` forms)
/// applied to one context key and the policy's values for it.
struct PolicyCondition: Sendable {
    enum Comparison: Sendable {
        case string, stringIgnoringCase, stringLike
        case numeric(ComparisonResultSet), date(ComparisonResultSet)
        case bool, binary, ipAddress, arn, arnLike, null
    }

    /// Which orderings satisfy a numeric or date comparison.
    struct ComparisonResultSet: Sendable {
        var less = false
        var equal = false
        var greater = false
    }

    enum Qualifier: Sendable { case single, forAnyValue, forAllValues }

    let comparison: Comparison
    let negated: Bool
    let ifExists: Bool
    let qualifier: Qualifier
    /// The context key, lowercased (keys are case-insensitive).
    let key: String
    let values: [String]
    /// Precompiled forms of `values` for the comparisons that need them.
    let patterns: [PolicyPattern]
    let ranges: [IPRange]

    static let operators: [String: (Comparison, negated: Bool)] = {
        let less = ComparisonResultSet(less: true)
        let lessOrEqual = ComparisonResultSet(less: true, equal: true)
        let equal = ComparisonResultSet(equal: true)
        let greater = ComparisonResultSet(greater: true)
        let greaterOrEqual = ComparisonResultSet(equal: true, greater: true)
        var table: [String: (Comparison, negated: Bool)] = [
            "StringEquals": (.string, false), "StringNotEquals": (.string, true),
            "StringEqualsIgnoreCase": (.stringIgnoringCase, false),
            "StringNotEqualsIgnoreCase": (.stringIgnoringCase, true), "StringLike": (.stringLike, false),
            "StringNotLike": (.stringLike, true), "Bool": (.bool, false), "BinaryEquals": (.binary, false),
            "IpAddress": (.ipAddress, false), "NotIpAddress": (.ipAddress, true), "ArnEquals": (.arn, false),
            "ArnNotEquals": (.arn, true), "ArnLike": (.arnLike, false), "ArnNotLike": (.arnLike, true),
            "Null": (.null, false),
        ]
        for (kind, make) in [("Numeric", Comparison.numeric), ("Date", Comparison.date)] {
            table[kind + "Equals"] = (make(equal), false)
            table[kind + "NotEquals"] = (make(equal), true)
            table[kind + "LessThan"] = (make(less), false)
            table[kind + "LessThanEquals"] = (make(lessOrEqual), false)
            table[kind + "GreaterThan"] = (make(greater), false)
            table[kind + "GreaterThanEquals"] = (make(greaterOrEqual), false)
        }
        return table
    }()

    /// The `s3:` condition keys S3 knows (lowercased); `aws:` keys are all accepted.
    static let s3Keys: Set<String> = [
        "s3:prefix", "s3:delimiter", "s3:max-keys", "s3:x-amz-acl", "s3:x-amz-grant-read", "s3:x-amz-grant-write",
        "s3:x-amz-grant-read-acp", "s3:x-amz-grant-write-acp", "s3:x-amz-grant-full-control", "s3:x-amz-copy-source",
        "s3:x-amz-metadata-directive", "s3:x-amz-server-side-encryption",
        "s3:x-amz-server-side-encryption-aws-kms-key-id", "s3:x-amz-server-side-encryption-customer-algorithm",
        "s3:x-amz-storage-class", "s3:x-amz-content-sha256", "s3:x-amz-website-redirect-location", "s3:versionid",
        "s3:signatureversion", "s3:signatureage", "s3:authtype", "s3:tlsversion", "s3:locationconstraint",
        "s3:resourceaccount", "s3:x-amz-object-ownership", "s3:requestobjecttagkeys", "s3:object-lock-mode",
        "s3:object-lock-retain-until-date", "s3:object-lock-remaining-retention-days", "s3:object-lock-legal-hold",
        "s3:accesspointnetworkorigin", "s3:dataaccesspointaccount", "s3:dataaccesspointarn", "s3:if-match",
        "s3:if-none-match", "s3:objectcreationoperation",
    ]
    static let s3KeyPrefixes = ["s3:existingobjecttag/", "s3:requestobjecttag/", "s3:buckettag/"]

    /// The `Condition` element: `{"<operator>": {"<key>": value or [values]}}`.
    static func parseBlock(_ value: JSONValue) throws -> [PolicyCondition] {
        guard case .object(let blocks) = value else { throw BucketPolicy.malformed("Invalid Condition block") }
        var conditions: [PolicyCondition] = []
        for (name, entries) in blocks {
            guard case .object(let keys) = entries else { throw BucketPolicy.malformed("Invalid Condition block") }
            for (key, values) in keys { conditions.append(try parse(operator: name, key: key, values: values)) }
        }
        return conditions
    }

    static func parse(operator name: String, key: String, values: JSONValue) throws -> PolicyCondition {
        var base = Substring(name)
        var qualifier = Qualifier.single
        if base.hasPrefix("ForAnyValue:") {
            qualifier = .forAnyValue
            base = base.dropFirst("ForAnyValue:".count)
        } else if base.hasPrefix("ForAllValues:") {
            qualifier = .forAllValues
            base = base.dropFirst("ForAllValues:".count)
        }
        let ifExists = base.hasSuffix("IfExists") && base != "IfExists"
        if ifExists { base = base.dropLast("IfExists".count) }
        guard let (comparison, negated) = operators[String(base)], !(ifExists && base == "Null") else {
            throw BucketPolicy.malformed("Invalid Condition type : \(name)")
        }
        let lowerKey = key.lowercased()
        guard
            lowerKey.hasPrefix("aws:") && lowerKey.count > 4 || s3Keys.contains(lowerKey)
                || s3KeyPrefixes.contains(where: { lowerKey.hasPrefix($0) && lowerKey.count > $0.count })
        else {
            throw BucketPolicy.malformed("Policy has an invalid condition key")
        }
        let texts: [String]
        switch values {
        case .array(let items): texts = try items.map(scalarText)
        default: texts = [try scalarText(values)]
        }
        guard !texts.isEmpty else { throw BucketPolicy.malformed("Invalid Condition value for \(key)") }
        var ranges: [IPRange] = []
        if case .ipAddress = comparison {
            ranges = try texts.map { text in
                guard let range = IPRange(text) else {
                    throw BucketPolicy.malformed("Invalid IpAddress Condition value : \(text)")
                }
                return range
            }
        }
        let patterns: [PolicyPattern]
        switch comparison {
        case .stringLike, .arnLike: patterns = texts.map { PolicyPattern($0) }
        default: patterns = []
        }
        return PolicyCondition(
            comparison: comparison, negated: negated, ifExists: ifExists, qualifier: qualifier, key: lowerKey,
            values: texts, patterns: patterns, ranges: ranges)
    }

    static func scalarText(_ value: JSONValue) throws -> String {
        switch value {
        case .string(let text): return text
        case .bool(let flag): return String(flag)
        case .number(let number):
            return number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        default: throw BucketPolicy.malformed("Invalid Condition value")
        }
    }

    /// Whether the condition holds for a request (AWS's rules for missing keys and the set qualifiers).
    func holds(in context: ConditionContext) -> Bool {
        let present = context.values(for: key)
        if case .null = comparison {
            let wantsMissing = values.contains { $0.lowercased() == "true" }
            let wantsPresent = values.contains { $0.lowercased() == "false" }
            return present == nil ? wantsMissing : wantsPresent
        }
        guard let present, !present.isEmpty else {
            switch qualifier {
            case .single: return negated || ifExists
            case .forAnyValue: return ifExists
            case .forAllValues: return true
            }
        }
        let satisfied = { (value: String) in matchesAny(value) != negated }
        switch qualifier {
        case .single: return negated ? present.allSatisfy(satisfied) : present.contains(where: satisfied)
        case .forAnyValue: return present.contains(where: satisfied)
        case .forAllValues: return present.allSatisfy(satisfied)
        }
    }

    /// Whether a request value matches one of the policy's values under the (non-negated) comparison.
    func matchesAny(_ value: String) -> Bool {
        switch comparison {
        case .string, .arn, .binary: return values.contains(value)
        case .stringIgnoringCase: return values.contains { $0.caseInsensitiveCompare(value) == .orderedSame }
        case .stringLike, .arnLike: return patterns.contains { $0.matches(value) }
        case .bool: return values.contains { $0.lowercased() == value.lowercased() }
        case .ipAddress: return ranges.contains { $0.contains(value) }
        case .numeric(let accepted):
            guard let number = Double(value) else { return false }
            return values.contains { Double($0).map { Self.order(number, $0, accepted) } ?? false }
        case .date(let accepted):
            guard let date = Self.date(value) else { return false }
            return values.contains { Self.date($0).map { Self.order(date, $0, accepted) } ?? false }
        case .null: return false
        }
    }

    static func order(_ lhs: Double, _ rhs: Double, _ accepted: ComparisonResultSet) -> Bool {
        lhs < rhs ? accepted.less : lhs == rhs ? accepted.equal : accepted.greater
    }

    /// Seconds since 1970 from epoch seconds or ISO 8601 (with or without fractional seconds).
    static func date(_ text: String) -> Double? {
        if let seconds = Double(text) { return seconds }
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date.timeIntervalSince1970 }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)?.timeIntervalSince1970
    }
}
