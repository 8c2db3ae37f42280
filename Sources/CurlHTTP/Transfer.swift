import CCurl
import Synchronization

/// One request in flight: its body source, response sink, and the state libcurl's callbacks update.
final class Transfer: @unchecked Sendable {
    // @unchecked: the caller builds it; once submitted, only the transfer thread touches the mutable
    // state, except `cancelRequested`, which is locked.
    typealias Completion = @Sendable (Result<HTTPResponse, HTTPClientError>) -> Void

    let request: HTTPRequest
    let headerLines: [String]
    /// nil when the request sends no body at all (GET, HEAD, DELETE without a body).
    let source: RequestBodySource?
    let sink: ResponseBodySink
    var headerParser = ResponseHeaderParser()
    /// A failure found by a callback; it explains curl's resulting `CURLE_WRITE_ERROR` or abort.
    var failure: HTTPClientError?
    var easy: UnsafeMutableRawPointer?
    var headerList: UnsafeMutablePointer<curl_slist>?
    let errorBuffer: UnsafeMutablePointer<CChar>
    var completion: Completion?
    let cancelRequested = Mutex(false)

    /// Validates the request and opens a file body, so bad input fails before anything is sent.
    init(request: HTTPRequest, destination: HTTPResponseDestination) throws(HTTPClientError) {
        self.request = request
        headerLines = try RequestValidation.headerLines(for: request)
        let sendsBody = RequestValidation.hasBody(request.body) || request.method.alwaysSendsBody
        source = sendsBody ? try RequestBodySource(request.body) : nil
        sink = ResponseBodySink(destination, memoryLimit: request.maximumResponseBytes)
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(to: 0)
    }

    deinit {
        errorBuffer.deallocate()
        curl_slist_free_all(headerList)
    }

    /// The pointer handed to libcurl's callbacks; valid while the engine holds the transfer.
    var callbackPointer: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    static func from(_ pointer: UnsafeMutableRawPointer?) -> Transfer? {
        pointer.map { Unmanaged<Transfer>.fromOpaque($0).takeUnretainedValue() }
    }

    /// The status libcurl has parsed so far (0 before the status line).
    var currentStatus: Int {
        var status = 0
        if let easy { _ = ccurl_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &status) }
        return status
    }

    /// curl's detailed message for a failed transfer, else its generic text for `code`.
    func message(for code: CURLcode) -> String {
        let detail = String(cString: errorBuffer)
        return detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
    }
}
