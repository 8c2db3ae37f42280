/// Checks what libcurl would otherwise send blindly, and renders headers in curl's list syntax.
enum RequestValidation {
    /// The header lines for `CURLOPT_HTTPHEADER`, plus an empty `Expect:` that turns off curl's
    /// `Expect: 100-continue` wait (unless the caller chose an `Expect` header).
    static func headerLines(for request: HTTPRequest) throws(HTTPClientError) -> [String] {
        guard isToken(request.method.rawValue) else {
            throw .invalidRequest("method \"\(request.method.rawValue)\" is not an HTTP token")
        }
        guard !request.url.utf8.contains(where: { $0 < 0x21 || $0 == 0x7F }) else {
            throw .malformedURL("URL contains a space or a control character: \(request.url.debugDescription)")
        }
        if request.method == .head, hasBody(request.body) {
            throw .invalidRequest("a HEAD request cannot carry a body")
        }
        var lines: [String] = []
        for field in request.headers {
            guard isToken(field.name) else { throw .invalidRequest("header name \(field.name.debugDescription)") }
            guard !field.value.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A || $0 == 0 }) else {
                throw .invalidRequest("header \(field.name) has a line break or NUL in its value")
            }
            // "Name:" would tell curl to remove the header; "Name;" sends it with an empty value.
            lines.append(field.value.isEmpty ? field.name + ";" : field.name + ": " + field.value)
        }
        if !request.headers.contains("Expect") { lines.append("Expect:") }
        return lines
    }

    static func hasBody(_ body: HTTPRequestBody) -> Bool {
        if case .none = body { return false }
        return true
    }

    /// RFC 9110 token: visible ASCII except separators.
    private static func isToken(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy(isTokenByte)
    }

    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: ","), UInt8(ascii: "/"),
            UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "<"), UInt8(ascii: "="), UInt8(ascii: ">"),
            UInt8(ascii: "?"), UInt8(ascii: "@"), UInt8(ascii: "["), UInt8(ascii: "\\"), UInt8(ascii: "]"),
            UInt8(ascii: "{"), UInt8(ascii: "}"):
            return false
        default:
            return (0x21...0x7E).contains(byte)
        }
    }
}
