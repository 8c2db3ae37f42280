import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

@testable import CurlHTTP

/// A loopback HTTP/1.1 server for the client tests, on an ephemeral port. Routes:
/// `/echo` (method, headers and body back as JSON), `/status/N`, `/headers` (repeated response headers),
/// `/redirect?code=N&to=PATH`, `/large?bytes=N` (a streamed `PatternBody`), `/upload` (length and SHA-256 of the body, consumed as it
/// arrives), `/delay?ms=N`, `/hold` (answers once the test calls `stats.releaseHolds()`), `/close` (answers, then
/// closes the connection).
final class TestServer: Sendable {
    let stats: ServerStats
    private let channel: any Channel

    var port: Int { channel.localAddress?.port ?? 0 }
    var baseURL: String { "http://127.0.0.1:\(port)" }

    private init(channel: any Channel, stats: ServerStats) {
        self.channel = channel
        self.stats = stats
    }

    static func start() async throws -> TestServer {
        let stats = ServerStats()
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                stats.connectionOpened()
                channel.closeFuture.whenComplete { _ in stats.connectionClosed() }
                return channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(TestServerHandler(stats: stats))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return TestServer(channel: channel, stats: stats)
    }

    func url(_ path: String) -> String { baseURL + path }

    /// Releases `/hold` requests after `delay` from an event-loop thread, so a test whose cooperative threads
    /// are all blocked fails instead of hanging.
    func releaseHolds(after delay: TimeAmount) {
        let stats = stats
        channel.eventLoop.scheduleTask(in: delay) { stats.releaseHolds() }
    }

    func shutdown() async throws { try await channel.close() }
}

/// Counters the server updates and tests read.
final class ServerStats: Sendable {
    private struct Counts {
        var opened = 0
        var closed = 0
        var requestPaths: [String] = []
    }

    private let counts = Mutex(Counts())
    private let released = Mutex(false)

    func connectionOpened() { counts.withLock { $0.opened += 1 } }
    func connectionClosed() { counts.withLock { $0.closed += 1 } }
    func requestReceived(path: String) { counts.withLock { $0.requestPaths.append(path) } }

    /// Lets every `/hold` request answer.
    func releaseHolds() { released.withLock { $0 = true } }
    var holdsReleased: Bool { released.withLock { $0 } }

    var connectionsOpened: Int { counts.withLock { $0.opened } }
    var connectionsClosed: Int { counts.withLock { $0.closed } }
    var requestPaths: [String] { counts.withLock { $0.requestPaths } }

    /// Waits (polling every 5 ms, at most `limit`) until `condition` holds; returns whether it did.
    /// The generous default only matters when the condition never holds: a loaded CI machine is slow, not wrong.
    func waitUntil(limit: Duration = .seconds(20), _ condition: @Sendable (ServerStats) -> Bool) async -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now + limit
        while clock.now < deadline {
            if condition(self) { return true }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return condition(self)
    }
}
