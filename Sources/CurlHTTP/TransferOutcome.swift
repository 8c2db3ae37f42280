import CCurl

/// Turns a finished transfer into the caller's response or error.
enum TransferOutcome {
    /// Called on the transfer thread while the easy handle still holds the transfer's info.
    static func result(of transfer: Transfer, code: CURLcode) -> Result<HTTPResponse, HTTPClientError> {
        if let failure = transfer.failure {
            transfer.sink.abandon()
            return .failure(failure)
        }
        guard code == CURLE_OK else {
            transfer.sink.abandon()
            return .failure(HTTPClientError(curlCode: code, message: transfer.message(for: code)))
        }
        let status = transfer.currentStatus
        if let error = transfer.sink.finish(status: status) {
            transfer.sink.abandon()
            return .failure(error)
        }
        return .success(
            HTTPResponse(
                status: status, headers: transfer.headerParser.headers, body: transfer.sink.memory,
                httpVersion: httpVersion(of: transfer)))
    }

    private static func httpVersion(of transfer: Transfer) -> String {
        var version = 0
        if let easy = transfer.easy { _ = ccurl_getinfo_long(easy, CURLINFO_HTTP_VERSION, &version) }
        switch version {
        case CURL_HTTP_VERSION_1_0: return "1.0"
        case CURL_HTTP_VERSION_2_0: return "2"
        case CURL_HTTP_VERSION_3: return "3"
        default: return "1.1"
        }
    }
}
