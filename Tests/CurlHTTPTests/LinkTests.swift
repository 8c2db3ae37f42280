import Testing

@testable import CurlHTTP

@Test func linksLibcurl() { #expect(CurlHTTP.libcurlVersion.hasPrefix("libcurl/")) }
