import Foundation

/// One answer of the fixture boards.
public struct SiteResponse: Sendable, Equatable {
    public var status: Int
    public var headers: [String: String]
    public var body: String

    static func html(_ body: String, status: Int = 200) -> SiteResponse {
        SiteResponse(status: status, headers: ["Content-Type": "text/html; charset=utf-8"], body: body)
    }

    static func json(_ body: String, status: Int = 200) -> SiteResponse {
        SiteResponse(status: status, headers: ["Content-Type": "application/json"], body: body)
    }
}

/// A Duunitori-like site under `/duunitori` and a Jobly-like site under `/jobly` (each also at the
/// root paths the real sites use), the reference fixture files under `/{board}/fixtures/`, and
/// `/_control` to throttle (429), slow down or inspect the boards.
public struct FixtureBoardsSite: Sendable {
    public let corpus: FixtureCorpus
    public let controls: BoardControls
    /// The folder of the reference fixture pages (`Fixtures/jobboards`), if any.
    public let fixtures: URL?
    private let duunitori: DuunitoriSite
    private let jobly: JoblySite

    public init(corpus: FixtureCorpus = FixtureCorpus(), controls: BoardControls = BoardControls(), fixtures: URL?) {
        self.corpus = corpus
        self.controls = controls
        self.fixtures = fixtures
        duunitori = DuunitoriSite(corpus: corpus)
        jobly = JoblySite(corpus: corpus)
    }

    /// Answers one GET (or a POST to `/_control`).
    public func respond(method: String, target: String) async -> SiteResponse {
        let (path, query) = Self.split(target)
        if path == "/_control" { return await control(method: method, query: query) }
        guard method == "GET" || method == "HEAD" else { return .html("<h1>Method not allowed</h1>", status: 405) }
        var segments = path.split(separator: "/").map { $0.removingPercentEncoding ?? String($0) }
        if path == "/" { return .html(index()) }
        if segments.first == "duunitori" || segments.first == "jobly" {
            if segments.count == 3, segments[1] == "fixtures" { return fixture(board: segments[0], name: segments[2]) }
            if segments.first == "duunitori", segments.count > 1, segments[1] != "tyopaikat" { return notFound() }
            if segments.first == "jobly", segments.count > 1, segments[1] != "en" { return notFound() }
            segments.removeFirst()
        }
        let kind: String
        let page: () -> String?
        switch segments.count {
        case 3 where segments[0] == "tyopaikat" && segments[1] == "haku":
            kind = "duunitori_search"
            let number = Int(query["sivu"] ?? "1") ?? 1
            page = { duunitori.results(slug: segments[2], page: number) }
        case 3 where segments[0] == "tyopaikat" && segments[1] == "tyo":
            kind = "duunitori_detail"
            page = { duunitori.detail(slug: segments[2]) }
        case 2 where segments[0] == "en" && segments[1] == "jobs":
            kind = "jobly_search"
            let number = Int(query["page"] ?? "0") ?? 0
            page = { jobly.results(search: query["search"] ?? "", page: number) }
        case 3 where segments[0] == "en" && segments[1] == "job":
            kind = "jobly_detail"
            page = { jobly.detail(slug: segments[2]) }
        default:
            return notFound()
        }
        if await controls.admit(kind) {
            let wait = await controls.retryAfter
            return SiteResponse(
                status: 429, headers: ["Content-Type": "text/html; charset=utf-8", "Retry-After": String(wait)],
                body: "<h1>Too Many Requests</h1>")
        }
        let latency = await controls.latency
        if latency > 0 {
            do {
                try await Task.sleep(for: .milliseconds(Int64(latency * 1000)))
            } catch {
                return .html("<h1>503 Service Unavailable</h1><p>request cancelled</p>", status: 503)
            }
        }
        guard let html = page() else { return notFound() }
        return .html(html)
    }

    private func control(method: String, query: [String: String]) async -> SiteResponse {
        if method == "POST" {
            if query["reset"] != nil { await controls.reset() }
            if let count = query["throttle"].flatMap(Int.init) {
                await controls.throttle(next: count, retryAfter: query["retry_after"].flatMap(Int.init) ?? 1)
            }
            if let seconds = query["latency"].flatMap(Double.init) { await controls.setLatency(seconds) }
        } else if method != "GET" {
            return .json("{\"message\":\"GET or POST\"}", status: 405)
        }
        return .json(await controls.snapshot())
    }

    private func fixture(board: String, name: String) -> SiteResponse {
        guard let fixtures, name.hasPrefix(board + "_"), name.hasSuffix(".html"),
            name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == ".") })
        else { return notFound() }
        let file = fixtures.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: file.path) else { return notFound() }
        do {
            return .html(String(decoding: try Data(contentsOf: file), as: UTF8.self))
        } catch {
            return .html(
                "<h1>500 Internal Server Error</h1><p>cannot read \(HTMLText.escape(file.path)): "
                    + "\(HTMLText.escape("\(error)"))</p>", status: 500)
        }
    }

    private func notFound() -> SiteResponse { .html("<h1>404 Not Found</h1>", status: 404) }

    private func index() -> String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>JobsAI fixture boards</title></head>
        <body><h1>JobsAI fixture boards</h1>
        <p>\(corpus.listings.count) generated listings.</p>
        <ul>
        <li><a href="/duunitori/tyopaikat/haku/python-developer?sivu=1">Duunitori: python developer</a></li>
        <li><a href="/jobly/en/jobs?search=python+developer&amp;page=0">Jobly: python developer</a></li>
        <li><a href="/_control">Controls</a> (POST ?throttle=N&amp;retry_after=S, ?latency=S, ?reset=1)</li>
        </ul></body></html>
        """
    }

    /// The path and the decoded query parameters (`+` is a space) of a request target.
    static func split(_ target: String) -> (String, [String: String]) {
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        var query: [String: String] = [:]
        if parts.count == 2 {
            for pair in parts[1].split(separator: "&") {
                let field = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                func decode(_ text: Substring) -> String {
                    let spaced = text.replacingOccurrences(of: "+", with: " ")
                    return spaced.removingPercentEncoding ?? spaced
                }
                query[decode(field[0])] = field.count > 1 ? decode(field[1]) : ""
            }
        }
        let path = parts.first.map(String.init) ?? "/"
        return (path.isEmpty ? "/" : path, query)
    }
}
