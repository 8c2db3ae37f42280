import CurlHTTP
import Foundation
import Testing

@Suite struct ConcurrencyTests {
    @Test func twentyConcurrentRequestsAllSucceed() async throws {
        let server = try await TestServer.start()
        let client = try HTTPClient()
        let bodies = try await withThrowingTaskGroup(of: String.self) { group in
            for index in 0..<20 {
                group.addTask {
                    let response = try await client.execute(
                        HTTPRequest(method: .post, url: server.url("/echo"), body: .string("request \(index)")))
                    let report = try JSONDecoder().decode(EchoReport.self, from: Data(response.body))
                    return String(decoding: report.body, as: UTF8.self)
                }
            }
            return try await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(bodies == Set((0..<20).map { "request \($0)" }))
        try await server.shutdown()
    }

    /// Four transfers that wait on the server would hold both cooperative threads (and more) if they
    /// blocked; other async work must still run and finish while they are in flight. The server holds them
    /// until the quick work is done, so a slow machine cannot turn this into a race.
    @Test func slowTransfersLeaveTheCooperativePoolFree() async throws {
        let server = try await TestServer.start()
        let client = try HTTPClient()
        let finishedSlow = Counter()
        server.releaseHolds(after: .seconds(60))
        async let slow: Void = withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    let response = try await client.execute(HTTPRequest(url: server.url("/hold")))
                    #expect(response.bodyText == "slow")
                    await finishedSlow.increment()
                }
            }
            try await group.waitForAll()
        }
        let allArrived = await server.stats.waitUntil { $0.requestPaths.filter { $0 == "/hold" }.count == 4 }
        #expect(allArrived)
        let quickResults = await withTaskGroup(of: Int.self) { group in
            for index in 0..<16 {
                group.addTask {
                    await Task.yield()
                    return index * 2
                }
            }
            return await group.reduce(0, +)
        }
        #expect(quickResults == 240)
        #expect(await finishedSlow.value == 0, "quick work had to wait for the slow transfers")
        server.stats.releaseHolds()
        try await slow
        #expect(await finishedSlow.value == 4)
        try await server.shutdown()
    }
}

/// A count shared by concurrent tasks.
actor Counter {
    private(set) var value = 0
    func increment() { value += 1 }
}
