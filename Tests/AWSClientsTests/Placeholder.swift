import Testing

@testable import AWSClients

@Test func placeholder() {}
