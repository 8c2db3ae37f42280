import CCurl

/// Facts about the libcurl this module runs on, and its one-time global initialisation.
public enum CurlHTTP {
    /// The libcurl version string this binary is linked against.
    public static var libcurlVersion: String { String(cString: curl_version()) }

    /// The default `User-Agent`.
    public static let defaultUserAgent =
        "swift-curlhttp/1.0 " + (libcurlVersion.split(separator: " ").first.map(String.init) ?? "libcurl")

    /// `curl_global_init` runs exactly once, on first use: a global `let` is initialised atomically.
    static let globalInitResult: CURLcode = curl_global_init(Int(CURL_GLOBAL_ALL))
}
