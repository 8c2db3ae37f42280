import BuildingBlocks
import NIOCore

/// An S3 answer, independent of any HTTP server: status, headers, and a body held in memory or read
/// from a stored object on demand.
public struct S3Response: Sendable {
    /// Where the body comes from.
    public enum Body: Sendable {
        case empty
        case bytes(ByteBuffer)
        /// A byte range of a stored object, streamed in bounded chunks.
        case object(StoredObject, Range<Int64>)
    }

    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: Body

    public init(status: Int = 200, headers: [(name: String, value: String)] = [], body: Body = .empty) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public static func xml(_ document: XMLWriter, status: Int = 200) -> S3Response {
        let buffer = ByteBuffer(string: document.finish())
        return S3Response(status: status, headers: [("Content-Type", "application/xml")], body: .bytes(buffer))
    }

    public mutating func setHeader(_ name: String, _ value: String) {
        headers.removeAll { $0.name.lowercased() == name.lowercased() }
        headers.append((name, value))
    }

    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// The number of body bytes (for Content-Length).
    public var bodyLength: Int64 {
        switch body {
        case .empty: 0
        case .bytes(let buffer): Int64(buffer.readableBytes)
        case .object(_, let range): range.upperBound - range.lowerBound
        }
    }

    /// The body collected in memory (in-process callers and tests).
    public func collectBody() throws -> [UInt8] {
        switch body {
        case .empty: return []
        case .bytes(let buffer): return Array(buffer.readableBytesView)
        case .object(let object, let range):
            let buffer = try object.read(offset: range.lowerBound, count: Int(range.upperBound - range.lowerBound))
            return Array(buffer.readableBytesView)
        }
    }
}

/// Builds an XML document with escaping; S3 answers are small, so text is accumulated.
public struct XMLWriter: Sendable {
    private var text = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
    private var stack: [String] = []

    public init(root: String, namespace: Bool = true) {
        text += namespace ? "<\(root) xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">" : "<\(root)>"
        stack.append(root)
    }

    public mutating func open(_ name: String) {
        text += "<\(name)>"
        stack.append(name)
    }

    public mutating func close() {
        if let name = stack.popLast() { text += "</\(name)>" }
    }

    /// Appends already-escaped text inside the current element.
    public mutating func rawText(_ text: String) { self.text += text }

    public mutating func element(_ name: String, _ value: String) {
        text += "<\(name)>\(Self.escape(value))</\(name)>"
    }

    public mutating func element(_ name: String, _ value: String?) {
        if let value { element(name, value) }
    }

    public mutating func group(_ name: String, _ body: (inout XMLWriter) -> Void) {
        open(name)
        body(&self)
        close()
    }

    public consuming func finish() -> String {
        while !stack.isEmpty { close() }
        return text
    }

    /// Escapes markup characters; characters XML 1.0 cannot carry become numeric references, as in S3's
    /// listings.
    public static func escape(_ value: String) -> String {
        XMLText.escape(value, forbidden: .characterReference)
    }
}
