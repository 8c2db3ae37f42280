import CurlHTTP
import JobsAI

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Fetches pages over libcurl: redirects followed, compressed bodies accepted, bounded in time and size.
public struct CurlPageFetcher: PageFetcher {
    private let client: any HTTPExecuting
    private let timeout: Duration
    private let maximumBytes: Int

    /// A job ad is tens of kilobytes; 5 MB leaves room for heavy pages and stops a compression bomb early.
    public init(client: any HTTPExecuting, timeout: Duration = .seconds(15), maximumBytes: Int = 5_000_000) {
        self.client = client
        self.timeout = timeout
        self.maximumBytes = maximumBytes
    }

    public func fetch(_ request: PageRequest) async throws -> PageResponse {
        var headers = HTTPHeaders()
        for field in request.headers { headers.add(field.name, field.value) }
        let response: HTTPResponse
        do {
            response = try await client.execute(
                HTTPRequest(
                    url: request.url, headers: headers, connectTimeout: .seconds(10), timeout: timeout,
                    followRedirects: true, acceptCompressedResponse: true, maximumResponseBytes: maximumBytes),
                into: .memory)
        } catch .responseTooLarge(let limit) {
            throw PageFetchError.tooLarge(limit: limit)
        }
        var responseHeaders: [String: String] = [:]
        for field in response.headers { responseHeaders[field.name.lowercased()] = field.value }
        return PageResponse(status: response.status, headers: responseHeaders, body: Data(response.body))
    }
}
