/// One HTTP request: method, URL, ordered headers, body and per-request transfer settings.
public struct HTTPRequest: Sendable {
    public var method: HTTPMethod
    /// An absolute `http://` or `https://` URL.
    public var url: String
    /// Sent in order. An empty value is sent as an empty header (not as a removal).
    public var headers: HTTPHeaders
    public var body: HTTPRequestBody
    /// Limit on establishing the connection; nil or zero means curl's default (300 s; the kernel gives up sooner).
    public var connectTimeout: Duration?
    /// Limit on the whole transfer; nil or zero means none (the Runtime API's `/next` long-poll needs that).
    public var timeout: Duration?
    /// Follow up to 10 redirects. Meant for GETs (scrapers); a request with a body is re-sent, body and
    /// method unchanged, on 307/308, while curl's handling of 301/302/303 for such requests is not relied on.
    public var followRedirects: Bool
    /// Ignore `http_proxy`/`https_proxy`/`all_proxy` for this request (for loopback services such as the Runtime API).
    public var bypassProxy: Bool
    /// Ask for a compressed response and decode it (`Accept-Encoding` with every encoding curl supports).
    public var acceptCompressedResponse: Bool
    /// The most body bytes a `.memory` destination keeps, counted after decompression; a longer body aborts
    /// the transfer with `responseTooLarge`. nil means no cap (only for peers whose answers are trusted and
    /// bounded). Files and streams are not capped: their caller decides what to keep.
    public var maximumResponseBytes: Int?

    /// The cap a `.memory` body gets unless the request sets another: 10 MB.
    public static let defaultMaximumResponseBytes = 10_000_000

    public init(
        method: HTTPMethod = .get, url: String, headers: HTTPHeaders = [], body: HTTPRequestBody = .none,
        connectTimeout: Duration? = nil, timeout: Duration? = nil, followRedirects: Bool = false,
        bypassProxy: Bool = false, acceptCompressedResponse: Bool = false,
        maximumResponseBytes: Int? = HTTPRequest.defaultMaximumResponseBytes
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.connectTimeout = connectTimeout
        self.timeout = timeout
        self.followRedirects = followRedirects
        self.bypassProxy = bypassProxy
        self.acceptCompressedResponse = acceptCompressedResponse
        self.maximumResponseBytes = maximumResponseBytes
    }
}
