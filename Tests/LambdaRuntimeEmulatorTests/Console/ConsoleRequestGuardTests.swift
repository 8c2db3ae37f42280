import Testing

@testable import LambdaRuntimeEmulator

@Suite struct ConsoleRequestGuardTests {
    let loopback = ConsoleRequestGuard(host: "127.0.0.1")

    @Test func acceptsTheConsolesOwnNamesAndPort() {
        for host in ["127.0.0.1:3003", "localhost:3003", "LOCALHOST:3003", "[::1]:3003"] {
            #expect(loopback.refusal(hosts: [host], port: 3003) == nil, "\(host)")
        }
        #expect(loopback.refusal(hosts: ["127.0.0.1:3003"], origins: ["http://localhost:3003"], port: 3003) == nil)
        #expect(loopback.refusal(hosts: ["127.0.0.1:3003"], fetchSite: "same-origin", port: 3003) == nil)
        #expect(loopback.refusal(hosts: ["127.0.0.1:3003"], fetchSite: "none", port: 3003) == nil)
        #expect(loopback.refusal(hosts: ["localhost"], port: 80) == nil)
    }

    @Test func refusesAnotherHostAsADNSRebindingPageWouldSendIt() throws {
        let refusal = try #require(loopback.refusal(hosts: ["attacker.example:3003"], port: 3003))
        #expect(refusal.contains("attacker.example"))
        #expect(loopback.refusal(hosts: [], port: 3003) != nil)
        #expect(loopback.refusal(hosts: ["127.0.0.1:3004"], port: 3003) != nil)
        #expect(loopback.refusal(hosts: ["127.0.0.1"], port: 3003) != nil)
        #expect(loopback.refusal(hosts: ["127.0.0.1:"], port: 3003) != nil)
        #expect(loopback.refusal(hosts: ["127.0.0.1.attacker.example:3003"], port: 3003) != nil)
        // A second Host header cannot smuggle another name past the first.
        #expect(loopback.refusal(hosts: ["127.0.0.1:3003", "attacker.example:3003"], port: 3003) != nil)
    }

    @Test func refusesOtherOriginsAndCrossSiteRequestsWithoutOne() {
        for origin in [
            "http://attacker.example", "http://localhost:8080", "https://127.0.0.1:3003", "null",
            "http://127.0.0.1:3003.attacker.example",
        ] {
            #expect(loopback.refusal(hosts: ["127.0.0.1:3003"], origins: [origin], port: 3003) != nil, "\(origin)")
        }
        #expect(
            loopback.refusal(
                hosts: ["127.0.0.1:3003"], origins: ["http://127.0.0.1:3003", "http://attacker.example"], port: 3003)
                != nil)
        #expect(loopback.refusal(hosts: ["127.0.0.1:3003"], fetchSite: "cross-site", port: 3003) != nil)
        #expect(loopback.refusal(hosts: ["127.0.0.1:3003"], fetchSite: "same-site", port: 3003) != nil)
    }

    @Test func aWildcardBindAcceptsAddressLiteralsButNeverADNSName() {
        let everywhere = ConsoleRequestGuard(host: "0.0.0.0")
        #expect(everywhere.refusal(hosts: ["192.168.1.20:3003"], port: 3003) == nil)
        #expect(everywhere.refusal(hosts: ["[fe80::1]:3003"], port: 3003) == nil)
        #expect(everywhere.refusal(hosts: ["attacker.example:3003"], port: 3003) != nil)
        #expect(everywhere.refusal(hosts: ["1.2.3.999:3003"], port: 3003) != nil)
        #expect(loopback.refusal(hosts: ["192.168.1.20:3003"], port: 3003) != nil)
        let named = ConsoleRequestGuard(host: "devbox.local")
        #expect(named.refusal(hosts: ["devbox.local:3003"], port: 3003) == nil)
    }
}
