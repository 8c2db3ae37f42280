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
    }
}
