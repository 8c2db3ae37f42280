/// Collects response header lines as libcurl delivers them, keeping only the final response's block.
struct ResponseHeaderParser {
    private(set) var headers = HTTPHeaders()

    /// Takes one raw header line (with its CRLF). A status line starts a new block, which drops the
    /// headers of a `100 Continue` or of a followed redirect.
    mutating func consume(_ line: UnsafeRawBufferPointer) {
        var text = Substring(String(decoding: line, as: UTF8.self))
        while let last = text.last, last.isNewline { text = text.dropLast() }
        if text.hasPrefix("HTTP/") {
            headers = HTTPHeaders()
            return
        }
        guard let colon = text.firstIndex(of: ":") else { return }
        let name = text[..<colon].trimmingWhitespace()
        guard !name.isEmpty else { return }
        headers.add(String(name), String(text[text.index(after: colon)...].trimmingWhitespace()))
    }
}

extension Substring {
    fileprivate func trimmingWhitespace() -> Substring {
        var result = self
        while let first = result.first, first == " " || first == "\t" { result = result.dropFirst() }
        while let last = result.last, last == " " || last == "\t" { result = result.dropLast() }
        return result
    }
}
