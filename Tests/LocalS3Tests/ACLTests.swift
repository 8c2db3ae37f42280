import Foundation
import Testing

@testable import LocalS3

@Suite("ACLs, ownership controls and public access blocks")
struct ACLTests {
    static let bobID = TwoUsers.bobUser.canonicalID
    static let aliceID = TwoUsers.aliceUser.canonicalID

    static func grantDocument(owner: String, _ grants: [(grantee: String, permission: String)]) -> String {
        let list = grants.map { grant in
            let grantee =
                grant.grantee.hasPrefix("http")
                ? #"<Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="Group"><URI>\#(grant.grantee)</URI></Grantee>"#
                : #"<Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="CanonicalUser"><ID>\#(grant.grantee)</ID></Grantee>"#
            return "<Grant>\(grantee)<Permission>\(grant.permission)</Permission></Grant>"
        }.joined()
        return
            #"<AccessControlPolicy xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Owner><ID>\#(owner)</ID></Owner><AccessControlList>\#(list)</AccessControlList></AccessControlPolicy>"#
    }

    @Test("a new bucket is S3's default: owner enforced, public access blocked, ACLs refused but readable")
    func newBucketDefaults() async throws {
        let users = try TwoUsers()
        defer { users.cleanUp() }
        #expect(try await users.alice("PUT", "/bkt").status == 200)
        #expect(
            try await users.alice("GET", "/bkt?ownershipControls").xmlValue("ObjectOwnership") == "BucketOwnerEnforced")
        let block = try await users.alice("GET", "/bkt?publicAccessBlock")
        #expect(block.xmlValues("BlockPublicAcls") == ["true"] && block.xmlValue("RestrictPublicBuckets") == "true")
        let refused = try await users.alice("PUT", "/bkt/k", headers: [("x-amz-acl", "public-read")], text: "v")
        #expect(refused.status == 400 && refused.errorCode == "AccessControlListNotSupported")
        #expect(try await users.alice("PUT", "/bkt/k", headers: [("x-amz-acl", "private")], text: "v").status == 400)
        #expect(
            try await users.alice("PUT", "/bkt/k", headers: [("x-amz-acl", "bucket-owner-full-control")], text: "v")
                .status == 200)
        let acl = try await users.alice("GET", "/bkt/k?acl")
        #expect(acl.xmlValue("ID") == Self.aliceID && acl.xmlValues("Permission") == ["FULL_CONTROL"])
        #expect(try await users.alice("PUT", "/bkt?acl", headers: [("x-amz-acl", "public-read")]).status == 400)
        let publicBucket = try await users.alice(
            "PUT", "/other", headers: [("x-amz-acl", "public-read")])
        #expect(publicBucket.errorCode == "InvalidBucketAclWithObjectOwnership")
        let blocked = try await users.alice(
            "PUT", "/other", headers: [("x-amz-acl", "public-read"), ("x-amz-object-ownership", "ObjectWriter")])
        #expect(blocked.errorCode == "InvalidBucketAclWithBlockPublicAccessError")
        #expect(
            try await users.alice("PUT", "/other", headers: [("x-amz-object-ownership", "Whatever")]).errorCode
                == "InvalidArgument")
    }

    @Test("canned ACLs: an object's own ACL decides anonymous reads, never the bucket's")
    func cannedACLs() async throws {
        let users = try TwoUsers()
        defer { users.cleanUp() }
        try await users.openBucket()
        #expect(try await users.alice("PUT", "/bkt?acl", headers: [("x-amz-acl", "public-read")]).status == 200)
        #expect(try await users.alice("PUT", "/bkt/private", text: "secret").status == 200)
        #expect(
            try await users.alice("PUT", "/bkt/public", headers: [("x-amz-acl", "public-read")], text: "shared").status
                == 200)
        #expect(try await users.anonymous("GET", "/bkt/private").errorCode == "AccessDenied")
        #expect(try await users.anonymous("GET", "/bkt/public").text == "shared")
        // The bucket's READ grant lets anyone list, and so see a missing key's 404.
        #expect(try await users.anonymous("GET", "/bkt?list-type=2").xmlValues("Key") == ["private", "public"])
        #expect(try await users.anonymous("GET", "/bkt/missing").errorCode == "NoSuchKey")
        #expect(try await users.anonymous("PUT", "/bkt/new", text: "x").errorCode == "AccessDenied")
        let acl = try await users.alice("GET", "/bkt/public?acl")
        #expect(acl.text.contains("http://acs.amazonaws.com/groups/global/AllUsers"))
        #expect(acl.xmlValues("Permission") == ["FULL_CONTROL", "READ"])
        // IgnorePublicAcls: the grants stay, and count for nothing.
        let ignore =
            "<PublicAccessBlockConfiguration><IgnorePublicAcls>true</IgnorePublicAcls></PublicAccessBlockConfiguration>"
        #expect(try await users.alice("PUT", "/bkt?publicAccessBlock", text: ignore).status == 200)
        #expect(try await users.anonymous("GET", "/bkt/public").errorCode == "AccessDenied")
        #expect(try await users.anonymous("GET", "/bkt/missing").errorCode == "AccessDenied")
        // BlockPublicAcls: a public ACL is refused.
        let blockACLs =
            "<PublicAccessBlockConfiguration><BlockPublicAcls>true</BlockPublicAcls></PublicAccessBlockConfiguration>"
        #expect(try await users.alice("PUT", "/bkt?publicAccessBlock", text: blockACLs).status == 200)
        let blocked = try await users.alice("PUT", "/bkt/x", headers: [("x-amz-acl", "public-read")], text: "x")
        #expect(blocked.status == 403 && blocked.errorCode == "AccessDenied")
        #expect(try await users.alice("PUT", "/bkt/x", headers: [("x-amz-acl", "authenticated-read")]).status == 403)
        #expect(try await users.alice("PUT", "/bkt?acl", headers: [("x-amz-acl", "public-read")]).status == 403)
        #expect(try await users.anonymous("GET", "/bkt/public").text == "shared")
    }

    @Test("grants to another account: headers and AccessControlPolicy documents; objects belong to their writer")
    func grants() async throws {
        let users = try TwoUsers()
        defer { users.cleanUp() }
        try await users.openBucket()
        #expect(try await users.bob("PUT", "/bkt/bob.txt", text: "b").errorCode == "AccessDenied")
        let document = Self.grantDocument(
            owner: Self.aliceID, [(Self.aliceID, "FULL_CONTROL"), (Self.bobID, "WRITE"), (Self.bobID, "READ")])
        #expect(try await users.alice("PUT", "/bkt?acl", text: document).status == 200)
        let acl = try await users.alice("GET", "/bkt?acl")
        #expect(acl.xmlValues("ID") == [Self.aliceID, Self.aliceID, Self.bobID, Self.bobID])
        #expect(acl.xmlValues("DisplayName") == ["alice", "alice", "bob", "bob"])
        #expect(try await users.bob("PUT", "/bkt/bob.txt", text: "b").status == 200)
        #expect(try await users.bob("GET", "/bkt?list-type=2").status == 200)
        // ObjectWriter: bob owns what he wrote; the bucket's owner may delete it but not read it.
        #expect(try await users.alice("GET", "/bkt/bob.txt").errorCode == "AccessDenied")
        let listed = try await users.alice("GET", "/bkt?list-type=2&fetch-owner=true")
        #expect(listed.xmlValue("ID") == Self.bobID && listed.xmlValue("DisplayName") == "bob")
        let granted = try await users.bob(
            "PUT", "/bkt/bob.txt?acl", headers: [("x-amz-grant-read", #"id="\#(Self.aliceID)""#)])
        #expect(granted.status == 200)
        #expect(try await users.alice("GET", "/bkt/bob.txt").text == "b")
        #expect(try await users.alice("PUT", "/bkt/bob.txt?acl", headers: [("x-amz-acl", "private")]).status == 403)
        #expect(try await users.alice("DELETE", "/bkt/bob.txt").status == 204)
        // bob's grant headers at upload; bad grantees are refused as S3 refuses them.
        let headerGrant = try await users.alice(
            "PUT", "/bkt/for-bob", headers: [("x-amz-grant-read", #"id="\#(Self.bobID)""#)], text: "hi")
        #expect(headerGrant.status == 200)
        #expect(try await users.bob("GET", "/bkt/for-bob").text == "hi")
        #expect(try await users.bob("GET", "/bkt/for-bob?acl").errorCode == "AccessDenied")
        let unknown = try await users.alice("PUT", "/bkt/x", headers: [("x-amz-grant-read", #"id="abc""#)])
        #expect(unknown.errorCode == "InvalidArgument")
        let email = try await users.alice("PUT", "/bkt/x", headers: [("x-amz-grant-read", #"emailAddress="a@b.c""#)])
        #expect(email.errorCode == "UnresolvableGrantByEmailAddress")
        let both = try await users.alice(
            "PUT", "/bkt/x", headers: [("x-amz-acl", "private"), ("x-amz-grant-read", #"id="\#(Self.bobID)""#)])
        #expect(both.errorCode == "InvalidRequest")
        #expect(
            try await users.alice("PUT", "/bkt?acl", text: "<AccessControlPolicy>").errorCode == "MalformedACLError")
        #expect(try await users.alice("PUT", "/bkt?acl").errorCode == "MissingSecurityHeader")
    }

    @Test("BucketOwnerPreferred: bucket-owner-full-control hands the object to the bucket's owner")
    func ownerPreferred() async throws {
        let users = try TwoUsers()
        defer { users.cleanUp() }
        try await users.openBucket(ownership: "BucketOwnerPreferred")
        let document = Self.grantDocument(owner: Self.aliceID, [(Self.aliceID, "FULL_CONTROL"), (Self.bobID, "WRITE")])
        #expect(try await users.alice("PUT", "/bkt?acl", text: document).status == 200)
        #expect(
            try await users.bob("PUT", "/bkt/given", headers: [("x-amz-acl", "bucket-owner-full-control")], text: "g")
                .status == 200)
        #expect(try await users.bob("PUT", "/bkt/kept", text: "k").status == 200)
        #expect(try await users.alice("GET", "/bkt/given").text == "g")
        #expect(try await users.alice("GET", "/bkt/kept").errorCode == "AccessDenied")
        #expect(try await users.alice("GET", "/bkt/given?acl").xmlValue("ID") == Self.aliceID)
        // Enforcing ownership needs a bucket ACL that grants only the owner.
        let enforce =
            "<OwnershipControls><Rule><ObjectOwnership>BucketOwnerEnforced</ObjectOwnership></Rule></OwnershipControls>"
        #expect(
            try await users.alice("PUT", "/bkt?ownershipControls", text: enforce).errorCode
                == "InvalidBucketAclWithObjectOwnership")
        #expect(try await users.alice("PUT", "/bkt?acl", headers: [("x-amz-acl", "private")]).status == 200)
        #expect(try await users.alice("PUT", "/bkt?ownershipControls", text: enforce).status == 200)
        #expect(try await users.alice("GET", "/bkt/kept").text == "k")
        #expect(try await users.alice("DELETE", "/bkt?ownershipControls").status == 204)
        #expect(try await users.alice("GET", "/bkt?ownershipControls").errorCode == "OwnershipControlsNotFoundError")
        #expect(try await users.alice("DELETE", "/bkt?publicAccessBlock").status == 204)
        #expect(
            try await users.alice("GET", "/bkt?publicAccessBlock").errorCode == "NoSuchPublicAccessBlockConfiguration")
    }

    @Test("bucket names are shared: another account's bucket is BucketAlreadyExists; each lists only its own")
    func bucketOwnership() async throws {
        let users = try TwoUsers()
        defer { users.cleanUp() }
        #expect(try await users.alice("PUT", "/alice-bucket").status == 200)
        #expect(try await users.alice("PUT", "/alice-bucket").status == 200)
        let taken = try await users.bob("PUT", "/alice-bucket")
        #expect(taken.status == 409 && taken.errorCode == "BucketAlreadyExists")
        #expect(try await users.bob("PUT", "/bob-bucket").status == 200)
        #expect(try await users.alice("GET", "/").xmlValues("Name") == ["alice-bucket"])
        let bobs = try await users.bob("GET", "/")
        #expect(bobs.xmlValues("Name") == ["bob-bucket"] && bobs.xmlValue("ID") == Self.bobID)
        #expect(try await users.bob("DELETE", "/alice-bucket").errorCode == "AccessDenied")
        #expect(try await users.anonymous("GET", "/").errorCode == "AccessDenied")
        #expect(
            try await users.bob(
                "GET", "/bob-bucket?list-type=2", headers: [("x-amz-expected-bucket-owner", "111111111111")]
            )
            .errorCode == "AccessDenied")
    }

    @Test("a bucket stored before owners were kept is the default user's, and its public-read objects stay public")
    func storedBeforeOwners() async throws {
        let users = try TwoUsers()
        defer { users.cleanUp() }
        try users.harness.store.createBucket("old", now: users.harness.clock.date)
        try users.harness.store.updateBucketConfiguration("old") { $0.access = nil }
        try await users.harness.store.putObject(
            bucket: "old", key: ObjectKey("public"), data: Array("p".utf8), now: users.harness.clock.date)
        try await users.harness.store.rewriteMetadata(bucket: "old", key: ObjectKey("public")) { $0.publicRead = true }
        #expect(try await users.anonymous("GET", "/old/public").text == "p")
        #expect(try await users.alice("GET", "/old/public").text == "p")
        #expect(try await users.bob("GET", "/old?list-type=2").errorCode == "AccessDenied")
        #expect(try await users.alice("GET", "/old?ownershipControls").status == 404)
        #expect(try await users.alice("GET", "/old?acl").xmlValue("ID") == Self.aliceID)
        #expect(try await users.alice("GET", "/").xmlValues("Name") == ["old"])
    }
}
