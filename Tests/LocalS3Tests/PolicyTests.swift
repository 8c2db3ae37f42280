import BuildingBlocks
import Foundation
import Testing

@testable import LocalS3

@Suite("Bucket policies")
struct PolicyTests {
    static func statement(
        effect: String = "Allow", principal: String = #""*""#, action: String = #""s3:GetObject""#,
        resource: String = #""arn:aws:s3:::bkt/*""#, condition: String? = nil
    ) -> String {
        let conditionText = condition.map { #", "Condition": \#($0)"# } ?? ""
        return
            #"{"Effect": "\#(effect)", "Principal": \#(principal), "Action": \#(action), "Resource": \#(resource)\#(conditionText)}"#
    }

    static func policy(_ statements: String...) -> String {
        #"{"Version": "2012-10-17", "Statement": [\#(statements.joined(separator: ", "))]}"#
    }

    @Test("a malformed policy is refused with S3's reason")
    func validation() async throws {
        let users = TwoUsers.credentials.users
        let cases: [(String, String)] = [
            ("not json", "Policies must be valid JSON and the first byte must be '{'"),
            ("{\"Statement\": [", "This policy contains invalid Json"),
            (#"{"Version": "2012-10-17"}"#, "Missing required field Statement"),
            (
                #"{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bkt/*"}]}"#,
                "Missing required field Principal"
            ),
            (Self.policy(Self.statement(effect: "Maybe")), "Invalid effect: Maybe"),
            (Self.policy(Self.statement(action: #""s3:Fly""#)), "Policy has invalid action"),
            (Self.policy(Self.statement(action: #""ec2:RunInstances""#)), "Policy has invalid action"),
            (Self.policy(Self.statement(resource: #""arn:aws:s3:::other/*""#)), "Policy has invalid resource"),
            (
                Self.policy(Self.statement(resource: #""arn:aws:s3:::bkt""#)),
                "Action does not apply to any resource(s) in statement"
            ),
            (
                Self.policy(Self.statement(principal: #"{"AWS": "arn:aws:iam::123456789012:user/nobody"}"#)),
                "Invalid principal in policy"
            ),
            (
                Self.policy(Self.statement(condition: #"{"StringEquals": {"s3:flavour": "x"}}"#)),
                "Policy has an invalid condition key"
            ),
            (
                Self.policy(Self.statement(condition: #"{"StringSmells": {"aws:username": "x"}}"#)),
                "Invalid Condition type : StringSmells"
            ),
            (#"{"Statement": [], "Colour": "red"}"#, "Unknown field Colour"),
        ]
        for (text, reason) in cases {
            #expect(throws: S3Error(.malformedPolicy, reason)) {
                _ = try BucketPolicy.parse(text, bucket: "bkt", users: users)
            }
        }
        let valid = Self.policy(
            Self.statement(principal: #"{"AWS": ["arn:aws:iam::123456789012:user/alice", "210987654321"]}"#),
            Self.statement(
                effect: "Deny", action: #"["s3:Put*", "s3:ListBucket"]"#,
                resource: #"["arn:aws:s3:::bkt", "arn:aws:s3:::bkt/*"]"#))
        #expect(try BucketPolicy.parse(valid, bucket: "bkt", users: users).statements.count == 2)
    }

    @Test("Put, Get and DeleteBucketPolicy; the policy comes back as sent")
    func roundTrip() async throws {
        let users = try TwoUsers()
        defer { users.cleanUp() }
        try await users.openBucket()
        #expect(try await users.alice("GET", "/bkt?policy").errorCode == "NoSuchBucketPolicy")
        #expect(try await users.alice("GET", "/bkt?policyStatus").errorCode == "NoSuchBucketPolicy")
        let text = Self.policy(Self.statement(principal: #"{"AWS": "210987654321"}"#))
        #expect(try await users.putPolicy(text).status == 204)
        let got = try await users.alice("GET", "/bkt?policy")
        #expect(got.status == 200 && got.text == text)
        #expect(try await users.alice("GET", "/bkt?policyStatus").xmlValue("IsPublic") == "false")
        #expect(try await users.putPolicy("{").errorCode == "MalformedPolicy")
        #expect(try await users.alice("DELETE", "/bkt?policy").status == 204)
        #expect(try await users.alice("GET", "/bkt?policy").status == 404)
    }

    @Test("user B cannot read A's private bucket; a policy granting B GetObject on a prefix opens only that prefix")
    func prefixGrant() async throws {
        let users = try TwoUsers()
        defer { users.cleanUp() }
        #expect(try await users.alice("PUT", "/bkt").status == 200)
        #expect(try await users.alice("PUT", "/bkt/shared/a.txt", text: "shared").status == 200)
        #expect(try await users.alice("PUT", "/bkt/private/b.txt", text: "private").status == 200)
        #expect(try await users.bob("GET", "/bkt/shared/a.txt").errorCode == "AccessDenied")
        #expect(try await users.bob("GET", "/bkt?list-type=2").errorCode == "AccessDenied")
        #expect(try await users.bob("PUT", "/bkt/shared/c.txt", text: "x").errorCode == "AccessDenied")
        let granted = Self.policy(
            Self.statement(
                principal: #"{"AWS": "arn:aws:iam::210987654321:user/bob"}"#, action: #""s3:GetObject""#,
                resource: #""arn:aws:s3:::bkt/shared/*""#))
        #expect(try await users.putPolicy(granted).status == 204)
        let read = try await users.bob("GET", "/bkt/shared/a.txt")
        #expect(read.status == 200 && read.text == "shared")
        #expect(try await users.bob("GET", "/bkt/private/b.txt").errorCode == "AccessDenied")
        #expect(try await users.bob("GET", "/bkt/shared/missing").errorCode == "NoSuchKey")
        #expect(try await users.bob("GET", "/bkt/private/missing").errorCode == "AccessDenied")
        #expect(try await users.anonymous("GET", "/bkt/shared/a.txt").errorCode == "AccessDenied")
        #expect(try await users.alice("GET", "/bkt/private/b.txt").status == 200)
    }

    @Test("an explicit Deny wins, for the owner too; aws:SecureTransport is false over LocalS3's plain HTTP")
    func denyWins() async throws {
        let users = try TwoUsers()
        defer { users.cleanUp() }
        #expect(try await users.alice("PUT", "/bkt").status == 200)
        #expect(try await users.alice("PUT", "/bkt/k", text: "v").status == 200)
        let policy = Self.policy(
            Self.statement(
                principal: #"{"AWS": "210987654321"}"#, action: #""s3:*""#,
                resource: #"["arn:aws:s3:::bkt", "arn:aws:s3:::bkt/*"]"#),
            Self.statement(
                effect: "Deny", action: #""s3:*""#, resource: #"["arn:aws:s3:::bkt", "arn:aws:s3:::bkt/*"]"#,
                condition: #"{"Bool": {"aws:SecureTransport": "false"}}"#))
        #expect(try await users.putPolicy(policy).status == 204)
        #expect(try await users.bob("GET", "/bkt/k").errorCode == "AccessDenied")
        #expect(try await users.alice("GET", "/bkt/k").errorCode == "AccessDenied")
        #expect(try await users.alice("GET", "/bkt?list-type=2").errorCode == "AccessDenied")
        // The owner's account is never locked out of the policy itself.
        #expect(try await users.alice("GET", "/bkt?policy").status == 200)
        #expect(try await users.alice("DELETE", "/bkt?policy").status == 204)
        #expect(try await users.alice("GET", "/bkt/k").status == 200)
    }

    @Test("conditions: aws:SourceIp, s3:prefix with StringLike, IfExists, ForAnyValue and Null")
    func conditions() async throws {
        let users = try TwoUsers()
        defer { users.cleanUp() }
        #expect(try await users.alice("PUT", "/bkt").status == 200)
        #expect(try await users.alice("PUT", "/bkt/docs/a", text: "a").status == 200)
        let policy = Self.policy(
            Self.statement(
                principal: #"{"AWS": "210987654321"}"#, action: #""s3:GetObject""#,
                condition: #"{"IpAddress": {"aws:SourceIp": ["10.1.0.0/16", "2001:db8::/32"]}}"#),
            Self.statement(
                principal: #"{"AWS": "210987654321"}"#, action: #""s3:ListBucket""#,
                resource: #""arn:aws:s3:::bkt""#, condition: #"{"StringLike": {"s3:prefix": "docs/*"}}"#))
        #expect(try await users.putPolicy(policy).status == 204)
        #expect(try await users.bob("GET", "/bkt/docs/a", from: "10.1.2.3").status == 200)
        #expect(try await users.bob("GET", "/bkt/docs/a", from: "::ffff:10.1.2.3").status == 200)
        #expect(try await users.bob("GET", "/bkt/docs/a", from: "2001:db8::7").status == 200)
        #expect(try await users.bob("GET", "/bkt/docs/a", from: "10.2.0.1").errorCode == "AccessDenied")
        #expect(try await users.bob("GET", "/bkt/docs/a").errorCode == "AccessDenied")
        #expect(try await users.bob("GET", "/bkt?list-type=2&prefix=docs/").status == 200)
        #expect(try await users.bob("GET", "/bkt?list-type=2&prefix=other/").errorCode == "AccessDenied")
        #expect(try await users.bob("GET", "/bkt?list-type=2").errorCode == "AccessDenied")

        let request = try S3Request(
            method: "PUT", target: "/bkt/k",
            headers: HeaderList([("x-amz-acl", "private"), ("x-amz-tagging", "a=1&b=2")]))
        let context = ConditionContext(request: request, requester: TwoUsers.bobUser, now: Date(), resourceAccount: nil)
        func holds(_ json: String) throws -> Bool {
            let block = try JSONDecoder().decode(JSONValue.self, from: Data(json.utf8))
            return try PolicyCondition.parseBlock(block).allSatisfy { $0.holds(in: context) }
        }
        #expect(try holds(#"{"StringEquals": {"s3:x-amz-acl": "private"}}"#))
        #expect(try !holds(#"{"StringEquals": {"s3:x-amz-server-side-encryption": "AES256"}}"#))
        #expect(try holds(#"{"StringEqualsIfExists": {"s3:x-amz-server-side-encryption": "AES256"}}"#))
        #expect(try holds(#"{"StringNotEquals": {"s3:x-amz-server-side-encryption": "AES256"}}"#))
        #expect(try holds(#"{"Null": {"s3:x-amz-server-side-encryption": "true"}}"#))
        #expect(try holds(#"{"ForAnyValue:StringEquals": {"s3:RequestObjectTagKeys": ["b", "z"]}}"#))
        #expect(try !holds(#"{"ForAllValues:StringEquals": {"s3:RequestObjectTagKeys": ["b", "z"]}}"#))
        #expect(try holds(#"{"StringEquals": {"s3:RequestObjectTag/a": "1", "aws:username": "bob"}}"#))
        #expect(try holds(#"{"NumericLessThan": {"aws:EpochTime": 99999999999}}"#))
        #expect(try holds(#"{"DateGreaterThan": {"aws:CurrentTime": "2020-01-01T00:00:00Z"}}"#))
        #expect(try holds(#"{"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::*:user/b*"}}"#))
    }

    @Test("anonymous callers get exactly what a public policy grants; the policy is public, and blockable")
    func publicPolicy() async throws {
        let users = try TwoUsers()
        defer { users.cleanUp() }
        #expect(try await users.alice("PUT", "/bkt").status == 200)
        #expect(try await users.alice("PUT", "/bkt/k", text: "v").status == 200)
        let open = Self.policy(Self.statement())
        // New buckets block public policies, as on S3.
        #expect(try await users.putPolicy(open).errorCode == "AccessDenied")
        #expect(try await users.alice("DELETE", "/bkt?publicAccessBlock").status == 204)
        #expect(try await users.putPolicy(open).status == 204)
        #expect(try await users.alice("GET", "/bkt?policyStatus").xmlValue("IsPublic") == "true")
        #expect(try await users.anonymous("GET", "/bkt/k").text == "v")
        #expect(try await users.anonymous("GET", "/bkt/missing").errorCode == "NoSuchKey")
        #expect(try await users.anonymous("PUT", "/bkt/k", text: "w").errorCode == "AccessDenied")
        #expect(try await users.anonymous("GET", "/bkt?list-type=2").errorCode == "AccessDenied")
        #expect(try await users.bob("GET", "/bkt/k").status == 200)
        // RestrictPublicBuckets: the public policy no longer lets anyone outside the owner's account in.
        let restrict =
            "<PublicAccessBlockConfiguration><RestrictPublicBuckets>true</RestrictPublicBuckets></PublicAccessBlockConfiguration>"
        #expect(try await users.alice("PUT", "/bkt?publicAccessBlock", text: restrict).status == 200)
        #expect(try await users.anonymous("GET", "/bkt/k").errorCode == "AccessDenied")
        #expect(try await users.bob("GET", "/bkt/k").errorCode == "AccessDenied")
        #expect(try await users.alice("GET", "/bkt/k").status == 200)
        // A policy pinned to a source address is not public.
        let pinned = Self.policy(Self.statement(condition: #"{"IpAddress": {"aws:SourceIp": "192.0.2.0/24"}}"#))
        #expect(try await users.putPolicy(pinned).status == 204)
        #expect(try await users.alice("GET", "/bkt?policyStatus").xmlValue("IsPublic") == "false")
    }

    @Test("only the owner's account may manage the policy: 405 for another account a policy allows it to")
    func policyManagement() async throws {
        let users = try TwoUsers()
        defer { users.cleanUp() }
        #expect(try await users.alice("PUT", "/bkt").status == 200)
        let policy = Self.policy(
            Self.statement(
                principal: #"{"AWS": "210987654321"}"#, action: #"["s3:GetBucketPolicy", "s3:GetBucketTagging"]"#,
                resource: #""arn:aws:s3:::bkt""#))
        #expect(try await users.putPolicy(policy).status == 204)
        #expect(try await users.bob("GET", "/bkt?policy").status == 405)
        #expect(try await users.bob("DELETE", "/bkt?policy").errorCode == "AccessDenied")
        #expect(try await users.bob("GET", "/bkt?tagging").errorCode == "NoSuchTagSet")
    }
}
