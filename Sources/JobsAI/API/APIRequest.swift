/// An HTTP request as the API routes see it, independent of Lambda's event shape.
public struct APIRequest: Sendable {
    public var method: String
    /// The path without the query, e.g. `/api/progress/6f1c...`.
    public var path: String
    /// Decoded query parameters (the last value wins for repeated names).
    public var query: [String: String]
    /// Header names in lower case.
    public var headers: [String: String]
    /// The raw body; nil when there was none.
    public var body: [UInt8]?
    /// The client's address as the platform saw it (`requestContext.http.sourceIp`), never a header.
    public var sourceIP: String
    /// The platform's request id, for logs.
    public var requestID: String

    public init(
        method: String, path: String, query: [String: String] = [:], headers: [String: String] = [:],
        body: [UInt8]? = nil, sourceIP: String, requestID: String
    ) {
        self.method = method.uppercased()
        self.path = path
        self.query = query
        var lowered: [String: String] = [:]
        for (name, value) in headers { lowered[name.lowercased()] = value }
        self.headers = lowered
        self.body = body
        self.sourceIP = sourceIP
        self.requestID = requestID
    }

    /// A header's value by case-insensitive name.
    public func header(_ name: String) -> String? { headers[name.lowercased()] }
}
