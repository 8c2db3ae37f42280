import CurlHTTP
import Foundation
import JobsAI

/// Fetches pages over libcurl: redirects followed, compressed bodies accepted, bounded in time.
public struct CurlPageFetcher: PageFetcher {
    private let client: HTTPClient
    private let timeout: Duration

    public init(client: HTTPClient, timeout: Duration = .seconds(15)) {
        self.client = client
        self.timeout = timeout
    }

    public func fetch(_ request: PageRequest) async throws -> PageResponse {
        var headers = HTTPHeaders()
        for field in request.headers { headers.add(field.name, field.value) }
        let response = try await client.execute(
            HTTPRequest(
                url: request.url, headers: headers, connectTimeout: .seconds(10), timeout: timeout,
                followRedirects: true, acceptCompressedResponse: true))
        var responseHeaders: [String: String] = [:]
        for field in response.headers { responseHeaders[field.name.lowercased()] = field.value }
        return PageResponse(status: response.status, headers: responseHeaders, body: Data(response.body))
    }
}
