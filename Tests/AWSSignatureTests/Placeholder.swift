import Testing

@testable import AWSSignature

@Test func placeholder() {}
