import CCurl

/// The libcurl HTTP client (being built in issue 2).
public enum CurlHTTP {
    /// The libcurl version string this binary is linked against.
    public static var libcurlVersion: String { String(cString: curl_version()) }
}
