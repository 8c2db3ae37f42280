/// An HTTP response. Any status, 4xx and 5xx included, is a response rather than an error.
public struct HTTPResponse: Sendable {
    /// The most bytes of a non-2xx body kept in memory when the body was meant for a file or a stream.
    public static let maximumErrorBodyBytes = 1 << 20

    public var status: Int
    /// The final response's headers (those of any `100 Continue` or followed redirect are dropped).
    public var headers: HTTPHeaders
    /// The body, when it went to memory or was a non-2xx body meant for a file or a stream; else empty.
    public var body: [UInt8]
    /// "1.0", "1.1", "2" or "3".
    public var httpVersion: String

    public init(status: Int, headers: HTTPHeaders = [], body: [UInt8] = [], httpVersion: String = "1.1") {
        self.status = status
        self.headers = headers
        self.body = body
        self.httpVersion = httpVersion
    }

    /// Whether the status is 2xx.
    public var isSuccess: Bool { (200..<300).contains(status) }

    /// The body decoded as UTF-8 (invalid sequences replaced).
    public var bodyText: String { String(decoding: body, as: UTF8.self) }
}
