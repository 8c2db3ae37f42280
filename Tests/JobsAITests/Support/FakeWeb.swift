import Foundation
import JobsAI
import JobsAIAWS
import JobsAILive
import JobsAITestSupport

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
    private let oversized: Set<String>
    private(set) var requests: [String] = []

    /// URLs in `oversized` fail as a page over the fetcher's size cap does.
    init(_ routes: [String: [PageResponse]], oversized: Set<String> = []) {
        self.routes = routes
        self.oversized = oversized
    }

    func fetch(_ request: PageRequest) async throws -> PageResponse {
        requests.append(request.url)
        if oversized.contains(request.url) { throw PageFetchError.tooLarge(limit: 5_000_000) }
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
