import CCurl
import Synchronization

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Drives every transfer of one client through a curl multi handle on one dedicated thread.
///
/// The multi handle owns the connection and DNS caches, so any request to a host reuses a kept-alive
/// connection. Callers only touch the locked inbox and wake the thread with `curl_multi_wakeup`.
final class TransferEngine: @unchecked Sendable {
    // @unchecked: `multi`, `active` and `idleHandles` are used only on the transfer thread (inside `run`);
    // the inbox is locked; `setup` is immutable.
    private struct Inbox {
        var submitted: [Transfer] = []
        var cancelled: [Transfer] = []
        var stopping = false
    }

    /// Reset easy handles kept for the next transfers (their allocations, not connections).
    private static let maximumIdleHandles = 16

    private let multi: UnsafeMutableRawPointer
    private let inbox = Mutex(Inbox())
    private let setup: EasyHandleSetup
    private var active: [UnsafeMutableRawPointer: Transfer] = [:]
    private var idleHandles: [UnsafeMutableRawPointer] = []

    init(configuration: HTTPClientConfiguration) throws(HTTPClientError) {
        let initResult = CurlHTTP.globalInitResult
        guard initResult == CURLE_OK else {
            throw .other(code: Int(initResult.rawValue), message: "curl_global_init failed")
        }
        guard let multi = curl_multi_init() else { throw .other(code: 0, message: "curl_multi_init failed") }
        self.multi = multi
        setup = EasyHandleSetup(configuration: configuration)
    }

    /// Starts the thread that runs every transfer until `stop`.
    func startThread() {
        DedicatedThread.start { [self] in run() }
    }

    /// Queues a transfer; `completion` is called exactly once, on the transfer thread.
    func submit(_ transfer: Transfer, completion: @escaping Transfer.Completion) {
        transfer.completion = completion
        inbox.withLock { $0.submitted.append(transfer) }
        curl_multi_wakeup(multi)
    }

    /// Aborts a transfer if it is still queued or running; it completes with `.cancelled`.
    func cancel(_ transfer: Transfer) {
        transfer.cancelRequested.withLock { $0 = true }
        inbox.withLock { $0.cancelled.append(transfer) }
        curl_multi_wakeup(multi)
    }

    /// Ends the thread after cancelling whatever is left.
    func stop() {
        inbox.withLock { $0.stopping = true }
        curl_multi_wakeup(multi)
    }

    private func run() {
        while true {
            let work = inbox.withLock { inbox in
                defer { inbox.submitted = []; inbox.cancelled = [] }
                return inbox
            }
            work.submitted.forEach(start)
            work.cancelled.forEach { abort($0, with: .cancelled) }
            if work.stopping { break }
            var running: Int32 = 0
            curl_multi_perform(multi, &running)
            finishCompletedTransfers()
            curl_multi_poll(multi, nil, 0, 1000, nil)
        }
        active.values.forEach { abort($0, with: .cancelled) }
        idleHandles.forEach { curl_easy_cleanup($0) }
        curl_multi_cleanup(multi)
    }

    private func start(_ transfer: Transfer) {
        if transfer.cancelRequested.withLock({ $0 }) { return complete(transfer, with: .failure(.cancelled)) }
        guard let easy = idleHandles.popLast() ?? curl_easy_init() else {
            return complete(transfer, with: .failure(.other(code: 0, message: "curl_easy_init failed")))
        }
        transfer.easy = easy
        let code = setup.apply(to: easy, for: transfer)
        guard code == CURLE_OK else {
            return release(
                transfer, with: .failure(HTTPClientError(curlCode: code, message: transfer.message(for: code))))
        }
        let added = curl_multi_add_handle(multi, easy)
        guard added == CURLM_OK else {
            let message = String(cString: curl_multi_strerror(added))
            return release(transfer, with: .failure(.other(code: Int(added.rawValue), message: message)))
        }
        active[easy] = transfer
    }

    private func abort(_ transfer: Transfer, with error: HTTPClientError) {
        guard let easy = transfer.easy, active.removeValue(forKey: easy) != nil else { return }
        curl_multi_remove_handle(multi, easy)
        transfer.sink.abandon()
        release(transfer, with: .failure(error))
    }

    private func finishCompletedTransfers() {
        var remaining: Int32 = 0
        while let message = curl_multi_info_read(multi, &remaining) {
            guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle,
                let transfer = active.removeValue(forKey: easy)
            else { continue }
            let code = ccurl_msg_result(message)
            curl_multi_remove_handle(multi, easy)
            release(transfer, with: TransferOutcome.result(of: transfer, code: code))
        }
    }

    /// Returns the easy handle to the pool (reset, so it keeps no pointer into the transfer) and completes.
    /// A handle whose transfer failed is freed instead: libcurl keeps state past `curl_easy_reset` after a
    /// failure (a failed DNS lookup makes the next `CURLOPT_BUFFERSIZE` answer CURLE_BAD_FUNCTION_ARGUMENT).
    private func release(_ transfer: Transfer, with result: Result<HTTPResponse, HTTPClientError>) {
        if let easy = transfer.easy {
            transfer.easy = nil
            var reusable = idleHandles.count < Self.maximumIdleHandles
            if case .failure = result { reusable = false }
            if reusable {
                curl_easy_reset(easy)
                idleHandles.append(easy)
            } else {
                curl_easy_cleanup(easy)
            }
        }
        complete(transfer, with: result)
    }

    private func complete(_ transfer: Transfer, with result: Result<HTTPResponse, HTTPClientError>) {
        transfer.source?.close()
        let completion = transfer.completion
        transfer.completion = nil
        completion?(result)
    }
}
