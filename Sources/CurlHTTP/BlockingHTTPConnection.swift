import CCurl
import Synchronization

/// One libcurl easy handle driven on the calling thread (`curl_easy_perform`), keeping its connection alive
/// between requests. For a caller that owns its thread and makes one request at a time, such as a Lambda
/// runtime loop: no transfer thread, so no thread hop per request. Never call it from Swift's cooperative
/// pool (it blocks); `HTTPClient` is the client for async code.
public final class BlockingHTTPConnection: Sendable {
    private let easy: Mutex<EasyHandle>
    private let setup: EasyHandleSetup

    /// Fails only if libcurl cannot initialise.
    public init(configuration: HTTPClientConfiguration = HTTPClientConfiguration()) throws(HTTPClientError) {
        let initResult = CurlHTTP.globalInitResult
        guard initResult == CURLE_OK else {
            throw .other(code: Int(initResult.rawValue), message: "curl_global_init failed")
        }
        easy = Mutex(try EasyHandle())
        setup = EasyHandleSetup(configuration: configuration)
    }

    /// Performs `request`, blocking the calling thread until the response has arrived or the transfer failed.
    /// Concurrent callers take turns.
    public func perform(_ request: HTTPRequest, into destination: HTTPResponseDestination = .memory)
        throws(HTTPClientError) -> HTTPResponse
    {
        let transfer = try Transfer(request: request, destination: destination)
        defer { transfer.source?.close() }
        return try easy.withLock { (handle: inout EasyHandle) throws(HTTPClientError) -> HTTPResponse in
            try handle.perform(transfer, setup: setup)
        }
    }
}

/// The easy handle of a `BlockingHTTPConnection`; replaced after a failed transfer, because libcurl keeps
/// state past `curl_easy_reset` after some failures (see `TransferEngine.release`).
private struct EasyHandle: ~Copyable, @unchecked Sendable {
    // @unchecked: the pointer is only used under the connection's mutex.
    private var pointer: UnsafeMutableRawPointer

    init() throws(HTTPClientError) {
        guard let pointer = curl_easy_init() else { throw .other(code: 0, message: "curl_easy_init failed") }
        self.pointer = pointer
    }

    deinit { curl_easy_cleanup(pointer) }

    mutating func perform(_ transfer: Transfer, setup: EasyHandleSetup) throws(HTTPClientError) -> HTTPResponse {
        transfer.easy = pointer
        defer { transfer.easy = nil }
        var code = setup.apply(to: pointer, for: transfer)
        if code == CURLE_OK { code = curl_easy_perform(pointer) }
        let result = TransferOutcome.result(of: transfer, code: code)
        if case .failure = result, let fresh = curl_easy_init() {
            curl_easy_cleanup(pointer)
            pointer = fresh
        } else {
            curl_easy_reset(pointer)
        }
        return try result.get()
    }
}
