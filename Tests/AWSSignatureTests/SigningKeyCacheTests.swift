import Testing

@testable import AWSSignature

@Suite struct SigningKeyCacheTests {
    @Test func givesTheDerivedKeyOfEachSecretAndScope() {
        let cache = SigningKeyCache()
        let scopes = [
            CredentialScope(dateStamp: "20130524", region: "us-east-1", service: "s3"),
            CredentialScope(dateStamp: "20130525", region: "us-east-1", service: "s3"),
            CredentialScope(dateStamp: "20130524", region: "eu-west-1", service: "s3"),
            CredentialScope(dateStamp: "20130524", region: "us-east-1", service: "dynamodb"),
        ]
        for _ in 0..<2 {
            for secret in ["wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "test"] {
                for scope in scopes {
                    #expect(
                        cache.key(secretAccessKey: secret, scope: scope)
                            == SigningKey(secretAccessKey: secret, scope: scope))
                }
            }
        }
    }

    @Test func staysRightPastItsCapacity() {
        let cache = SigningKeyCache()
        let scope = CredentialScope(dateStamp: "20130524", region: "us-east-1", service: "s3")
        for index in 0..<(SigningKeyCache.capacity * 2 + 3) {
            let secret = "secret-\(index)"
            #expect(
                cache.key(secretAccessKey: secret, scope: scope) == SigningKey(secretAccessKey: secret, scope: scope))
        }
        #expect(
            cache.key(secretAccessKey: "secret-0", scope: scope)
                == SigningKey(secretAccessKey: "secret-0", scope: scope))
    }
}
