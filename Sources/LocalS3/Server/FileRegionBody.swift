import NIOCore
import NIOHTTP1
import NIOHTTPTypesHTTP1

/// Sends a stored object's byte range as the body of a response whose head is already written, through
/// NIO's `FileRegion`: the kernel moves the bytes from the page cache to the socket (`sendfile`), with no
/// copy into the process and no buffer beyond the socket's, whatever the range's size.
///
/// Hummingbird's response writer carries only `ByteBuffer`s, so the region is written one step below it,
/// into the HTTP/1 encoder, which frames a file region like any other body part (the head already holds
/// the Content-Length). The write is queued on the channel's event loop after the head, in order, and
/// completes once every byte has been handed to the kernel; the end of the response follows it.
enum FileRegionBody {
    /// Writes the range; false (having written nothing) when the channel has no HTTP/1 encoder to take a
    /// file region, in which case the caller streams buffers instead.
    static func send(_ object: StoredObject, range: Range<Int64>, on channel: any Channel) async throws -> Bool {
        // The handle borrows the descriptor that `object` owns; ownership is handed back before returning.
        let handle = NIOFileHandle(_deprecatedTakingOwnershipOfDescriptor: object.file.raw)
        // Taking ownership back fails only for a handle already closed, and nothing here closes it: `object`
        // still owns the descriptor either way, so there is no error to report.
        defer { _ = try? handle.takeDescriptorOwnership() }
        let region = FileRegion(
            fileHandle: handle, readerIndex: Int(range.lowerBound), endIndex: Int(range.upperBound))
        let sent = try await channel.eventLoop.flatSubmit { () -> EventLoopFuture<Bool> in
            let codec: ChannelHandlerContext
            do {
                codec = try channel.pipeline.syncOperations.context(handlerType: HTTP1ToHTTPServerCodec.self)
            } catch ChannelPipelineError.notFound {
                return channel.eventLoop.makeSucceededFuture(false)
            } catch {
                return channel.eventLoop.makeFailedFuture(error)
            }
            return codec.writeAndFlush(NIOAny(HTTPServerResponsePart.body(.fileRegion(region)))).map { true }
        }.get()
        withExtendedLifetime(object) {}
        return sent
    }
}
