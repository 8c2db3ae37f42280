import Foundation
import JobsAI

/// Pages from the repository's Fixtures/jobboards folder.
enum FixturePages {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/jobboards")

    static func data(_ name: String) throws -> Data { try Data(contentsOf: folder.appendingPathComponent(name)) }

    static func ok(_ name: String) throws -> PageResponse { PageResponse(status: 200, body: try data(name)) }
}

/// A fetcher that answers from a table of URLs (each URL's responses in turn, the last one repeating)
/// and remembers every request. Unknown URLs get a 404.
actor FakeFetcher: PageFetcher {
    private var routes: [String: [PageResponse]]
    private(set) var requests: [String] = []

    init(_ routes: [String: [PageResponse]]) { self.routes = routes }

    func fetch(_ request: PageRequest) async throws -> PageResponse {
        requests.append(request.url)
        guard var queue = routes[request.url], let first = queue.first else {
            return PageResponse(status: 404, body: Data("not found".utf8))
        }
        if queue.count > 1 {
            queue.removeFirst()
            routes[request.url] = queue
        }
        return first
    }
}

/// A clock that only moves when something sleeps on it, recording every sleep.
final class FakeTime: Clock, Sleeper, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date
    private var recorded: [Double] = []

    init(_ start: Date = Date(timeIntervalSince1970: 1_739_750_400)) { current = start }  // 2025-02-17

    var sleeps: [Double] { lock.withLock { recorded } }

    func now() -> Date { lock.withLock { current } }

    func advance(_ seconds: Double) { lock.withLock { current = current.addingTimeInterval(seconds) } }

    func sleep(seconds: Double) async throws {
        lock.withLock {
            recorded.append(seconds)
            current = current.addingTimeInterval(seconds)
        }
    }
}
