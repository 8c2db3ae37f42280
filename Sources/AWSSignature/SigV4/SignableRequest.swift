/// An HTTP request as a signer or verifier sees it: plain values, no Foundation URL types.
public struct SignableRequest: Sendable {
    /// The HTTP method, e.g. `GET`.
    public var method: String
    /// The path as sent on the wire (percent-encoded), without the query; e.g. `/bkt/a%20b.txt`.
    public var path: String
    /// The query parameters, decoded, in wire order.
    public var query: [(name: String, value: String)]
    /// The headers in arrival order; names in any case, repeats allowed.
    public var headers: [(name: String, value: String)]

    /// A request from its parts.
    public init(
        method: String, path: String, query: [(name: String, value: String)] = [],
        headers: [(name: String, value: String)] = []
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
    }

    /// A request from a raw request target (`/path?query` as on the request line).
    public init(method: String, target: String, headers: [(name: String, value: String)] = []) {
        if let question = target.firstIndex(of: "?") {
            self.init(
                method: method, path: String(target[..<question]),
                query: QueryString.parse(target[target.index(after: question)...]), headers: headers)
        } else {
            self.init(method: method, path: target, headers: headers)
        }
    }

    /// The values of header `name` (case-insensitive), in order.
    public func headerValues(_ name: String) -> [String] {
        let lowered = name.lowercased()
        return headers.filter { $0.name.lowercased() == lowered }.map(\.value)
    }

    /// The first value of header `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        let lowered = name.lowercased()
        return headers.first { $0.name.lowercased() == lowered }?.value
    }

    /// The first value of query parameter `name` (case-sensitive, as AWS treats them).
    public func queryValue(_ name: String) -> String? {
        query.first { $0.name == name }?.value
    }
}
