import Foundation

@testable import LocalS3

/// Two users of two accounts, from a credentials list: alice (the first key, so the emulator's account
/// 123456789012) and bob (account 210987654321).
struct TwoUsers {
    static let alice = (key: "alice-key", secret: "alice-secret")
    static let bob = (key: "bob-key", secret: "bob-secret")
    static let bobAccount = "210987654321"
    static let credentials = try! S3Credentials(entries: [
        CredentialEntry(accessKey: alice.key, secretKey: alice.secret, userName: "alice"),
        CredentialEntry(accessKey: bob.key, secretKey: bob.secret, accountID: bobAccount, userName: "bob"),
    ])
    static var aliceUser: S3User { credentials.users.all[0] }
    static var bobUser: S3User { credentials.users.all[1] }

    let harness: Harness

    init() throws { harness = try Harness(credentials: Self.credentials) }

    func cleanUp() { harness.cleanUp() }

    func alice(_ method: String, _ target: String, headers: [(String, String)] = [], text: String = "") async throws
        -> S3Response
    {
        try await harness.send(method, target, headers: headers, body: Array(text.utf8), as: Self.alice)
    }

    func bob(
        _ method: String, _ target: String, headers: [(String, String)] = [], text: String = "",
        from address: String? = nil
    ) async throws -> S3Response {
        try await harness.send(method, target, headers: headers, body: Array(text.utf8), as: Self.bob, from: address)
    }

    func anonymous(_ method: String, _ target: String, text: String = "") async throws -> S3Response {
        try await harness.sendRaw(method, target, headers: [("Host", harness.host)], body: Array(text.utf8))
    }

    /// A bucket of alice's whose ACLs count and whose public access is not blocked (how S3 buckets were
    /// before 2023).
    func openBucket(_ name: String = "bkt", ownership: String = "ObjectWriter") async throws {
        let created = try await alice("PUT", "/\(name)", headers: [("x-amz-object-ownership", ownership)])
        precondition(created.status == 200, created.text)
        let unblocked = try await alice("DELETE", "/\(name)?publicAccessBlock")
        precondition(unblocked.status == 204, unblocked.text)
    }

    func putPolicy(_ json: String, bucket: String = "bkt") async throws -> S3Response {
        try await alice("PUT", "/\(bucket)?policy", text: json)
    }
}
