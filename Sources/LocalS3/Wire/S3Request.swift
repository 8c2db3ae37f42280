/// Request headers in arrival order, looked up without regard to case.
public struct HeaderList: Sendable {
    public private(set) var fields: [(name: String, value: String)]
    /// The names lowercased once, parallel to `fields`, so lookups do not lowercase every name again.
    private var lowercasedNames: [String]

    public init(_ fields: [(name: String, value: String)] = []) {
        self.fields = fields
        self.lowercasedNames = fields.map { $0.name.lowercased() }
    }

    /// The first value of a header, or nil.
    public subscript(_ name: String) -> String? {
        let lower = name.lowercased()
        return lowercasedNames.firstIndex(of: lower).map { fields[$0].value }
    }

    /// Every value of a header, in arrival order.
    public func values(_ name: String) -> [String] {
        let lower = name.lowercased()
        return lowercasedNames.indices.filter { lowercasedNames[$0] == lower }.map { fields[$0].value }
    }

    public mutating func add(_ name: String, _ value: String) {
        fields.append((name, value))
        lowercasedNames.append(name.lowercased())
    }
}

/// One query parameter: decoded text plus the raw form as it arrived (for signatures).
public struct QueryItem: Sendable, Equatable {
    public let rawName: String
    public let rawValue: String?
    public let name: String
    public let value: String?
}

/// An S3 request as the operations see it, independent of any HTTP server.
public struct S3Request: Sendable {
    public let method: String
    /// The path of the request target exactly as received (percent-encoded, never normalised).
    public let rawPath: String
    /// The query string exactly as received, without `?`.
    public let rawQuery: String
    public let query: [QueryItem]
    public let headers: HeaderList
    /// The bucket named by the Host (virtual-host style) or the first path segment.
    public let bucket: String?
    /// The key bytes (percent-decoded), when the request names one.
    public let key: ObjectKey?
    /// True when the Host names the website endpoint (`<bucket>.s3-website.<domain>`).
    public let isWebsiteEndpoint: Bool
    /// The client's IP address, when the request came over a socket (`aws:SourceIp`).
    public var clientAddress: String?

    /// Parses a request target and headers; throws InvalidArgument/InvalidURI for malformed escapes.
    public init(method: String, target: String, headers: HeaderList) throws(S3Error) {
        self.method = method.uppercased()
        self.headers = headers
        // Split on bytes: `?`, `&`, `=` and `:` are ASCII, and walking `Character`s here cost more than the
        // rest of the request's parsing.
        let queryStart = target.utf8.firstIndex(of: UInt8(ascii: "?"))
        rawPath = queryStart.map { String(target[..<$0]) } ?? target
        let rawQuery = queryStart.map { String(target[target.utf8.index(after: $0)...]) } ?? ""
        self.rawQuery = rawQuery
        var items: [QueryItem] = []
        for pair in rawQuery.utf8.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let equals = pair.firstIndex(of: UInt8(ascii: "="))
            let rawName = String(rawQuery[pair.startIndex..<(equals ?? pair.endIndex)])
            let rawValue = equals.map { String(rawQuery[pair.index(after: $0)..<pair.endIndex]) }
            guard let name = PercentCoding.decodeString(rawName) else {
                throw S3Error(.invalidArgument, "Malformed escape in query parameter name \(rawName)")
            }
            var value: String?
            if let rawValue {
                guard let decoded = PercentCoding.decodeString(rawValue) else {
                    throw S3Error(.invalidArgument, "Malformed escape in query parameter \(name)")
                }
                value = decoded
            }
            items.append(QueryItem(rawName: rawName, rawValue: rawValue, name: name, value: value))
        }
        query = items

        let addressing = HostAddressing(host: headers["host"] ?? "")
        isWebsiteEndpoint = addressing.isWebsite
        guard let pathBytes = PercentCoding.decode(rawPath) else {
            throw S3Error(.invalidArgument, "Couldn't parse the specified URI: malformed percent escape in the path.")
        }
        var path = pathBytes[...]
        if path.first == UInt8(ascii: "/") { path = path.dropFirst() }
        if let hostBucket = addressing.bucket {
            bucket = hostBucket
            key = path.isEmpty ? nil : ObjectKey(bytes: Array(path))
        } else if path.isEmpty {
            bucket = nil
            key = nil
        } else {
            let slash = path.firstIndex(of: UInt8(ascii: "/"))
            bucket = String(decoding: path[..<(slash ?? path.endIndex)], as: UTF8.self)
            if let slash, path.index(after: slash) < path.endIndex {
                key = ObjectKey(bytes: Array(path[path.index(after: slash)...]))
            } else {
                key = nil
            }
        }
    }

    /// The decoded value of a query parameter (empty text for a name without `=`).
    public func queryValue(_ name: String) -> String? {
        query.first { $0.name == name }.map { $0.value ?? "" }
    }

    public func hasQuery(_ name: String) -> Bool { query.contains { $0.name == name } }
}

/// Which bucket the Host header names: `<bucket>.localhost`, `<bucket>.s3.<anything>`,
/// `<bucket>.s3-website.<anything>` or `<bucket>.s3-website-<region>.<anything>`.
struct HostAddressing {
    var bucket: String?
    var isWebsite = false

    /// The addressing of a Host header (`name[:port]`, any case).
    init(host: String) {
        let name = host.lowercased().utf8.split(separator: UInt8(ascii: ":"), maxSplits: 1).first
        self.init(hostName: name.map { String(decoding: $0, as: UTF8.self) } ?? "")
    }

    init(hostName: String) {
        let labels = hostName.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        guard labels.count >= 2 else { return }
        if let index = labels.firstIndex(where: { $0 == "s3-website" || $0.hasPrefix("s3-website-") }), index > 0 {
            bucket = labels[..<index].joined(separator: ".")
            isWebsite = true
        } else if let index = labels.firstIndex(where: { $0 == "s3" }), index > 0 {
            bucket = labels[..<index].joined(separator: ".")
        } else if labels.last == "localhost" {
            bucket = labels.dropLast().joined(separator: ".")
        }
        if bucket?.isEmpty == true { bucket = nil }
    }
}
