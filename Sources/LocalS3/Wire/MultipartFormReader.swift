import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Reads a `multipart/form-data` body as it arrives: the text fields before the file (bounded, as S3
/// bounds them), then the file part streamed out in chunks, never the whole body in memory.
struct MultipartFormReader {
    /// The file part's headers.
    struct FilePart {
        let filename: String
        let contentType: String?
    }

    private var source: any BodySource
    /// `\r\n--<boundary>`: what ends every part.
    private let delimiter: [UInt8]
    private var buffer: [UInt8] = []
    private var ended = false

    static func malformed() -> S3Error {
        S3Error(.malformedPOSTRequest, "The body of your POST request is not well-formed multipart/form-data.")
    }

    /// Nil unless `contentType` is `multipart/form-data` with a boundary.
    init?(source: any BodySource, contentType: String) {
        let parts = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.first?.lowercased() == "multipart/form-data",
            let parameter = parts.dropFirst().first(where: { $0.lowercased().hasPrefix("boundary=") })
        else { return nil }
        var boundary = String(parameter.dropFirst("boundary=".count))
        if boundary.hasPrefix("\"") && boundary.hasSuffix("\"") && boundary.count >= 2 {
            boundary = String(boundary.dropFirst().dropLast())
        }
        guard !boundary.isEmpty else { return nil }
        self.source = source
        self.delimiter = Array("\r\n--\(boundary)".utf8)
    }

    /// The fields before the file part (names as sent) and the file part's headers, nil when the form
    /// ends without a file. More than `limit` bytes before the file is MaxPostPreDataLengthExceededError.
    mutating func readFields(limit: Int) async throws -> (fields: [(name: String, value: String)], file: FilePart?) {
        // The first boundary has no CRLF before it.
        buffer = Array("\r\n".utf8)
        var consumed = 0
        var fields: [(name: String, value: String)] = []
        guard try await skip(past: delimiter, limit: limit, consumed: &consumed) != nil else { throw Self.malformed() }
        while true {
            guard let after = try await take(2, consumed: &consumed) else { throw Self.malformed() }
            if after == Array("--".utf8) { return (fields, nil) }
            guard after == Array("\r\n".utf8) else { throw Self.malformed() }
            guard let head = try await skip(past: Array("\r\n\r\n".utf8), limit: limit, consumed: &consumed) else {
                throw Self.malformed()
            }
            let headers = String(decoding: head, as: UTF8.self).components(separatedBy: "\r\n")
            var name: String?
            var filename: String?
            var contentType: String?
            for line in headers {
                guard let colon = line.firstIndex(of: ":") else { continue }
                let field = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
                let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                if field == "content-disposition" {
                    name = Self.parameter("name", in: value)
                    filename = Self.parameter("filename", in: value)
                } else if field == "content-type" {
                    contentType = value
                }
            }
            guard let name else { throw Self.malformed() }
            if name.lowercased() == "file" {
                return (fields, FilePart(filename: filename ?? "", contentType: contentType))
            }
            guard let value = try await skip(past: delimiter, limit: limit, consumed: &consumed) else {
                throw Self.malformed()
            }
            fields.append((name, String(decoding: value, as: UTF8.self)))
        }
    }

    /// Streams the file part's bytes to `write`, up to the delimiter that ends it.
    mutating func streamFile(_ write: (UnsafeRawBufferPointer) throws -> Void) async throws {
        while true {
            if let index = find(delimiter) {
                try buffer.withUnsafeBytes { try write(UnsafeRawBufferPointer(rebasing: $0[0..<index])) }
                buffer.removeFirst(index + delimiter.count)
                return
            }
            let keep = delimiter.count - 1
            if buffer.count > keep {
                let emit = buffer.count - keep
                try buffer.withUnsafeBytes { try write(UnsafeRawBufferPointer(rebasing: $0[0..<emit])) }
                buffer.removeFirst(emit)
            }
            guard try await fill() else { throw Self.malformed() }
        }
    }

    /// Reads and drops whatever follows the file (S3 ignores fields after it).
    mutating func drain() async throws {
        buffer.removeAll()
        while try await source.next() != nil {}
    }

    private mutating func fill() async throws -> Bool {
        guard !ended, let chunk = try await source.next() else {
            ended = true
            return false
        }
        buffer += chunk.readableBytesView
        return true
    }

    /// Where `needle` first occurs in the buffer: `memchr` finds candidates for its first byte, so a
    /// large file part is scanned at memory speed.
    private func find(_ needle: [UInt8]) -> Int? {
        guard let first = needle.first, buffer.count >= needle.count else { return nil }
        return buffer.withUnsafeBytes { haystack -> Int? in
            let base = haystack.baseAddress!
            var start = 0
            let last = haystack.count - needle.count
            while start <= last {
                guard let hit = memchr(base + start, Int32(first), last - start + 1) else { return nil }
                let index = UnsafeRawPointer(hit) - base
                if memcmp(base + index, needle, needle.count) == 0 { return index }
                start = index + 1
            }
            return nil
        }
    }

    /// The bytes before `marker`, consuming the marker too; nil at the end of the body.
    private mutating func skip(past marker: [UInt8], limit: Int, consumed: inout Int) async throws -> [UInt8]? {
        let tooLarge = S3Error(
            .maxPostPreDataLengthExceeded, "Your POST request fields preceeding the upload file was too large.")
        while true {
            if let index = find(marker) {
                guard consumed + index <= limit else { throw tooLarge }
                let before = Array(buffer[0..<index])
                buffer.removeFirst(index + marker.count)
                consumed += index + marker.count
                return before
            }
            guard consumed + buffer.count <= limit + marker.count else { throw tooLarge }
            guard try await fill() else { return nil }
        }
    }

    private mutating func take(_ count: Int, consumed: inout Int) async throws -> [UInt8]? {
        while buffer.count < count {
            guard try await fill() else { return nil }
        }
        let bytes = Array(buffer[0..<count])
        buffer.removeFirst(count)
        consumed += count
        return bytes
    }

    /// A `name="value"` parameter of a Content-Disposition header.
    static func parameter(_ name: String, in header: String) -> String? {
        for part in header.split(separator: ";").dropFirst() {
            let trimmed = part.trimmingCharacters(in: .whitespaces)
            guard let equals = trimmed.firstIndex(of: "="),
                trimmed[..<equals].lowercased() == name
            else { continue }
            var value = String(trimmed[trimmed.index(after: equals)...])
            if value.hasPrefix("\"") && value.hasSuffix("\"") && value.count >= 2 {
                value = String(value.dropFirst().dropLast())
            }
            return value
        }
        return nil
    }
}
