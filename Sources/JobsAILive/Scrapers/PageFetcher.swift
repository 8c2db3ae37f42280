import JobsAI

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// One request header.
public struct HeaderField: Sendable, Hashable {
    /// The header's name.
    public let name: String
    /// The header's value.
    public let value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// A GET request for a web page.
public struct PageRequest: Sendable, Hashable {
    /// Absolute URL.
    public let url: String
    /// Headers to send.
    public let headers: [HeaderField]

    public init(url: String, headers: [HeaderField] = []) {
        self.url = url
        self.headers = headers
    }

    /// The URL's host (lower-cased), the unit politeness delays are counted per.
    public var host: String { URLComponents(string: url)?.host?.lowercased() ?? "" }
}

/// A fetched page.
public struct PageResponse: Sendable, Hashable {
    /// HTTP status code.
    public let status: Int
    /// Response headers, names lower-cased.
    public let headers: [String: String]
    /// The body bytes.
    public let body: Data

    public init(status: Int, headers: [String: String] = [:], body: Data) {
        self.status = status
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { $1 })
        self.body = body
    }
}

/// Why a page could not be fetched, when it is the page's fault rather than the network's.
public enum PageFetchError: Error, Sendable, Equatable {
    /// The body grew past `limit` bytes (decompressed: a compression bomb counts at its real size).
    case tooLarge(limit: Int)
}

/// Fetches web pages; scrapers depend on this, not on an HTTP library.
public protocol PageFetcher: Sendable {
    /// Performs the request; throws only when no HTTP response was received.
    func fetch(_ request: PageRequest) async throws -> PageResponse
}
