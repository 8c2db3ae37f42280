/// Reads a `ResponseStream`'s parts from one place at a time: the request handler until the response head is
/// known, then the response body writer, never both at once (which is what makes the unchecked `Sendable` safe).
final class ResponseStreamReader: @unchecked Sendable {
    private var iterator: AsyncStream<ResponseStream.Part>.Iterator

    init(_ stream: ResponseStream) {
        iterator = stream.parts.makeAsyncIterator()
    }

    func next() async -> ResponseStream.Part? {
        await iterator.next()
    }
}
