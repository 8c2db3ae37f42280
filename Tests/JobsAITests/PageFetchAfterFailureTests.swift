import CurlHTTP
import Foundation
import JobsAI
import JobsAIAWS
import JobsAILive
import JobsAITestSupport
import Testing

/// One unreachable board must not break the client the worker shares with DynamoDB and S3.
@Suite struct PageFetchAfterFailureTests {
    @Test func aFailedFetchLeavesTheClientUsable() async throws {
        let boards = try await FixtureBoardsScrapingTests.Boards()
        let client = try HTTPClient()
        let fetcher = CurlPageFetcher(client: client)
        await #expect(throws: HTTPClientError.self) {
            _ = try await fetcher.fetch(PageRequest(url: "http://unreachable.invalid/tyopaikat"))
        }
        let page = try await fetcher.fetch(
            PageRequest(url: "http://127.0.0.1:\(boards.port)/duunitori/tyopaikat/haku/python?sivu=1"))
        #expect(page.status == 200)
        let plain = try await client.execute(HTTPRequest(url: "http://127.0.0.1:\(boards.port)/_control"))
        #expect(plain.status == 200)
    }
}
