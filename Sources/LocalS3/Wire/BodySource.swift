import NIOCore

/// A request body arriving in chunks. Kept within the task serving the request.
public protocol BodySource {
    /// The next chunk, or nil at the end of the body.
    mutating func next() async throws -> ByteBuffer?
}

/// A body already in memory (in-process use and tests).
public struct BufferedBody: BodySource {
    private var chunks: [ByteBuffer]

    public init(_ bytes: [UInt8], chunkSize: Int = 64 * 1024) {
        var chunks: [ByteBuffer] = []
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + chunkSize)
            chunks.append(ByteBuffer(bytes: bytes[start..<end]))
            start = end
        }
        self.chunks = chunks.reversed()
    }

    public init(_ text: String) { self.init(Array(text.utf8)) }

    public mutating func next() async throws -> ByteBuffer? { chunks.popLast() }
}

/// A body of no bytes.
public struct EmptyBody: BodySource {
    public init() {}
    public mutating func next() async throws -> ByteBuffer? { nil }
}

extension BodySource {
    /// Reads a small body (XML documents) into memory, refusing more than `limit` bytes.
    mutating func collect(limit: Int) async throws -> [UInt8] {
        var bytes: [UInt8] = []
        while let chunk = try await next() {
            bytes += chunk.readableBytesView
            guard bytes.count <= limit else {
                throw S3Error(.malformedXML, "The request body is larger than the \(limit) bytes allowed here.")
            }
        }
        return bytes
    }
}
