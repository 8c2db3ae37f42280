import CCurl

extension HTTPClientError {
    /// Maps a libcurl result code (with curl's detailed message) to the error a caller can act on.
    init(curlCode code: CURLcode, message: String) {
        switch code {
        case CURLE_COULDNT_CONNECT: self = .connectionRefused(message)
        case CURLE_OPERATION_TIMEDOUT: self = .timedOut(message)
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL: self = .malformedURL(message)
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY: self = .couldNotResolveHost(message)
        case CURLE_SEND_ERROR, CURLE_SEND_FAIL_REWIND: self = .sendFailed(message)
        case CURLE_RECV_ERROR, CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE, CURLE_HTTP2, CURLE_HTTP2_STREAM,
            CURLE_HTTP3, CURLE_WEIRD_SERVER_REPLY:
            self = .receiveFailed(message)
        case _ where Self.tlsCodes.contains(code): self = .tlsFailure(message)
        default: self = .other(code: Int(code.rawValue), message: message)
        }
    }

    private static let tlsCodes: [CURLcode] = [
        CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
        CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED, CURLE_SSL_ENGINE_INITFAILED,
        CURLE_SSL_SHUTDOWN_FAILED, CURLE_SSL_CRL_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH,
        CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CLIENTCERT, CURLE_USE_SSL_FAILED,
    ]
}
