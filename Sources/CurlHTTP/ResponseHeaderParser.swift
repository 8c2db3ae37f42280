/// Collects response header lines as libcurl delivers them, keeping only the final response's block.
struct ResponseHeaderParser {
    private(set) var headers = HTTPHeaders()

    /// Takes one raw header line (with its CRLF). A status line starts a new block, which drops the
    /// headers of a `100 Continue` or of a followed redirect. Works on the bytes: only the name and the
    /// value become strings.
    mutating func consume(_ line: UnsafeRawBufferPointer) {
        var end = line.count
        while end > 0, line[end - 1] == UInt8(ascii: "\r") || line[end - 1] == UInt8(ascii: "\n") { end -= 1 }
        if end >= 5, line[0] == UInt8(ascii: "H"), line[1] == UInt8(ascii: "T"), line[2] == UInt8(ascii: "T"),
            line[3] == UInt8(ascii: "P"), line[4] == UInt8(ascii: "/")
        {
            headers = HTTPHeaders()
            return
        }
        guard let colon = line[..<end].firstIndex(of: UInt8(ascii: ":")) else { return }
        let name = Self.trimmed(line, 0, colon)
        guard !name.isEmpty else { return }
        let value = Self.trimmed(line, colon + 1, end)
        headers.add(
            String(decoding: UnsafeRawBufferPointer(rebasing: line[name]), as: UTF8.self),
            String(decoding: UnsafeRawBufferPointer(rebasing: line[value]), as: UTF8.self))
    }

    /// `start..<end` without leading and trailing spaces and tabs.
    private static func trimmed(_ line: UnsafeRawBufferPointer, _ start: Int, _ end: Int) -> Range<Int> {
        var start = start
        var end = end
        while start < end, line[start] == UInt8(ascii: " ") || line[start] == UInt8(ascii: "\t") { start += 1 }
        while end > start, line[end - 1] == UInt8(ascii: " ") || line[end - 1] == UInt8(ascii: "\t") { end -= 1 }
        return start..<end
    }
}
