import CCurl

/// Applies one transfer's options to a fresh (or reset) easy handle.
struct EasyHandleSetup {
    let configuration: HTTPClientConfiguration

    /// Returns the first option libcurl refused, or `CURLE_OK`.
    func apply(to easy: UnsafeMutableRawPointer, for transfer: Transfer) -> CURLcode {
        let request = transfer.request
        var options = OptionWriter(easy: easy)
        options.set(CURLOPT_URL, request.url)
        options.set(CURLOPT_PROTOCOLS_STR, "http,https")
        options.set(CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        options.set(CURLOPT_NOSIGNAL, 1)
        options.set(CURLOPT_TCP_NODELAY, 1)
        options.set(CURLOPT_BUFFERSIZE, 128 * 1024)
        options.set(CURLOPT_USERAGENT, configuration.userAgent)
        if let caBundle = configuration.caBundlePath { options.set(CURLOPT_CAINFO, caBundle) }
        options.set(CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(request.connectTimeout))
        options.set(CURLOPT_TIMEOUT_MS, Self.milliseconds(request.timeout))
        if request.followRedirects {
            options.set(CURLOPT_FOLLOWLOCATION, 1)
            options.set(CURLOPT_MAXREDIRS, 10)
        }
        if request.bypassProxy { options.set(CURLOPT_PROXY, "") }
        if request.acceptCompressedResponse { options.set(CURLOPT_ACCEPT_ENCODING, "") }
        setMethodAndBody(&options, transfer)

        for line in transfer.headerLines {
            guard let list = curl_slist_append(transfer.headerList, line) else {
                options.check(CURLE_OUT_OF_MEMORY)
                break
            }
            transfer.headerList = list
        }
        options.check(ccurl_setopt_slist(easy, CURLOPT_HTTPHEADER, transfer.headerList))

        let pointer = transfer.callbackPointer
        options.check(ccurl_setopt_write(easy, CurlCallbacks.write))
        options.set(CURLOPT_WRITEDATA, pointer)
        options.check(ccurl_setopt_header(easy, CurlCallbacks.header))
        options.set(CURLOPT_HEADERDATA, pointer)
        options.check(ccurl_setopt_ptr(easy, CURLOPT_ERRORBUFFER, transfer.errorBuffer))
        return options.result
    }

    /// HEAD asks for no body; a body (or POST/PUT/PATCH) is an upload of known size through the read
    /// callback, which never adds curl's form `Content-Type` or chunked encoding; other methods are named.
    private func setMethodAndBody(_ options: inout OptionWriter, _ transfer: Transfer) {
        let method = transfer.request.method
        if method == .head {
            options.set(CURLOPT_NOBODY, 1)
        } else if let source = transfer.source {
            options.set(CURLOPT_UPLOAD, 1)
            options.check(ccurl_setopt_off(options.easy, CURLOPT_INFILESIZE_LARGE, source.length))
            options.check(ccurl_setopt_read(options.easy, CurlCallbacks.read))
            options.set(CURLOPT_READDATA, transfer.callbackPointer)
            options.check(ccurl_setopt_seek(options.easy, CurlCallbacks.seek))
            options.set(CURLOPT_SEEKDATA, transfer.callbackPointer)
            if method != .put { options.set(CURLOPT_CUSTOMREQUEST, method.rawValue) }
        } else if method != .get {
            options.set(CURLOPT_CUSTOMREQUEST, method.rawValue)
        }
    }

    /// Duration to whole milliseconds for curl; nil, zero or negative means "no limit" (0).
    static func milliseconds(_ duration: Duration?) -> Int {
        guard let duration, duration > .zero else { return 0 }
        let (seconds, attoseconds) = duration.components
        let total = seconds.multipliedReportingOverflow(by: 1000)
        guard !total.overflow else { return Int.max }
        return max(1, Int(total.partialValue) + Int(attoseconds / 1_000_000_000_000_000))
    }
}

/// Sets options one after another, remembering the first failure.
private struct OptionWriter {
    let easy: UnsafeMutableRawPointer
    var result = CURLE_OK

    mutating func check(_ code: CURLcode) {
        if result == CURLE_OK { result = code }
    }

    mutating func set(_ option: CURLoption, _ value: Int) { check(ccurl_setopt_long(easy, option, value)) }

    mutating func set(_ option: CURLoption, _ value: String) { check(ccurl_setopt_string(easy, option, value)) }

    mutating func set(_ option: CURLoption, _ value: UnsafeMutableRawPointer) {
        check(ccurl_setopt_ptr(easy, option, value))
    }
}
