import Foundation
import Testing

@testable import LocalS3

@Suite("Credentials files")
struct CredentialsTests {
    func load(_ text: String) throws -> S3Credentials {
        let path = NSTemporaryDirectory() + "locals3-credentials-" + UUID().uuidString
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }  // a leftover temp file is harmless
        return try S3Credentials.load(file: path)
    }

    @Test("JSON lists and maps, the AWS credentials format; the first pair is the default")
    func formats() throws {
        let list = try load(#"[{"accessKey":"a","secretKey":"1"},{"AccessKeyId":"b","SecretAccessKey":"2"}]"#)
        #expect(list.accessKey == "a" && list.secret(for: "b") == "2" && list.secret(for: "c") == nil)
        let map = try load(#"{"k1":"s1","k2":"s2"}"#)
        #expect(map.secret(for: "k1") == "s1" && map.secret(for: "k2") == "s2")
        let ini = try load(
            "# keys\n[default]\naws_access_key_id = x\naws_secret_access_key = y\n[p]\naws_access_key_id=z\naws_secret_access_key=w\n"
        )
        #expect(ini.pairs.map(\.accessKey) == ["x", "z"] && ini.secret(for: "z") == "w")
        #expect(throws: CredentialsFileError.self) { try load("[]") }
        #expect(throws: CredentialsFileError.self) { try load("[default]\naws_access_key_id = only\n") }
        // Shapes that are JSON but not credentials, each refused with the file named.
        for malformed in [
            #"{"k1":1}"#, #"[1]"#, #"[{"accessKey":"a"}]"#, #"[{"accessKey":"","secretKey":"1"}]"#,
            #"[{"accessKey":"a","secretKey":"1","account":null}]"#, #"[{"accessKey":"a","secretKey":"1","user":7}]"#,
            #"[{"accessKey":"a","secretKey":"1""#,
        ] {
            #expect(throws: CredentialsFileError.self, "\(malformed)") { try load(malformed) }
        }
    }

    @Test("each key is a user of an account: named in the file, else the first key's is 123456789012")
    func users() throws {
        let json = try load(
            #"[{"accessKey":"a","secretKey":"1"},{"accessKey":"b","secretKey":"2","account":"111122223333","user":"bee"},{"accessKey":"c","secretKey":"3"}]"#
        )
        let (a, b, c) = (json.users.all[0], json.users.all[1], json.users.all[2])
        #expect(a.accountID == "123456789012" && a.arn == "arn:aws:iam::123456789012:user/a")
        #expect(a.canonicalID == "75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a")
        #expect(b.arn == "arn:aws:iam::111122223333:user/bee" && b.canonicalID.count == 64)
        #expect(S3Account.isAccountID(c.accountID) && c.accountID != a.accountID && c.accountID != b.accountID)
        #expect(try load(#"[{"accessKey":"c","secretKey":"3"}]"#).users.all[0].accountID == "123456789012")
        let ini = try load(
            "[alice]\naws_access_key_id = x\naws_secret_access_key = y\naws_account_id = 444455556666\n[profile bob]\naws_access_key_id=z\naws_secret_access_key=w\n"
        )
        #expect(
            ini.users.all.map(\.arn) == [
                "arn:aws:iam::444455556666:user/alice", "arn:aws:iam::\(ini.users.all[1].accountID):user/bob",
            ])
        #expect(throws: CredentialsFileError.self) { try load(#"[{"accessKey":"a","secretKey":"1","account":"12"}]"#) }
    }
}
