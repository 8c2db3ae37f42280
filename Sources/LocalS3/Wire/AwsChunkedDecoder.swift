import AWSSignature
import Foundation
import NIOCore

/// Checks the signatures of an `aws-chunked` body (STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER]).
public protocol ChunkSignatureChecker: AnyObject {
    /// Verifies the next chunk's signature given the SHA-256 (hex) of its data; advances the chain.
    func verifyChunk(signature: String, dataSHA256Hex: String) -> Bool
    /// Verifies the trailer signature over the trailer text (`name:value\n` lines).
    func verifyTrailer(signature: String, trailerText: String) -> Bool
}

/// Removes `aws-chunked` framing from a body as it streams, checking chunk signatures when given a
/// checker, and collecting trailing headers (e.g. `x-amz-checksum-crc32`). Memory stays bounded: data
/// chunks pass through as they arrive and framing lines are capped.
public struct AwsChunkedDecoder: BodySource {
    private enum State {
        case chunkHeader
        case data(remaining: Int)
        case dataEnd
        case trailer
        case done
    }

    static let maximumLineLength = 8 * 1024

    private var upstream: any BodySource
    private var pending = ByteBuffer()
    private var state = State.chunkHeader
    private let checker: (any ChunkSignatureChecker)?
    private var chunkHasher: DigestHasher?
    private var chunkSignature = ""
    private var upstreamFinished = false
    /// Trailing headers received after the last chunk, names lower-cased.
    public private(set) var trailers: [(name: String, value: String)] = []
    private var trailerText = ""
    /// Decoded bytes so far.
    public private(set) var decodedLength: Int64 = 0

    public init(upstream: any BodySource, checker: (any ChunkSignatureChecker)?) {
        self.upstream = upstream
        self.checker = checker
    }

    public mutating func next() async throws -> ByteBuffer? {
        while true {
            switch state {
            case .done:
                return nil
            case .chunkHeader:
                guard let line = try await readLine() else { throw Self.incomplete() }
                let parts = line.split(separator: ";", maxSplits: 1)
                guard let sizeText = parts.first,
                    let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16),
                    size >= 0
                else {
                    throw S3Error(.invalidRequest, "The aws-chunked body has a malformed chunk header.")
                }
                if checker != nil {
                    let extensionText = parts.count > 1 ? String(parts[1]) : ""
                    let prefix = "chunk-signature="
                    guard extensionText.hasPrefix(prefix) else {
                        throw S3Error(.signatureDoesNotMatch, "The chunk is missing its chunk-signature.")
                    }
                    chunkSignature = String(extensionText.dropFirst(prefix.count))
                    chunkHasher = DigestHasher(.sha256)
                }
                if size == 0 {
                    try verifyChunk()
                    state = .trailer
                } else {
                    state = .data(remaining: size)
                }
            case .data(let remaining):
                if pending.readableBytes == 0 {
                    guard try await fill() else { throw Self.incomplete() }
                }
                let take = min(remaining, pending.readableBytes)
                guard let slice = pending.readSlice(length: take) else { throw Self.incomplete() }
                slice.withUnsafeReadableBytes { chunkHasher?.update($0) }
                decodedLength += Int64(take)
                state = take == remaining ? .dataEnd : .data(remaining: remaining - take)
                return slice
            case .dataEnd:
                guard let line = try await readLine(), line.isEmpty else {
                    throw S3Error(.incompleteBody, "The request body terminated unexpectedly")
                }
                try verifyChunk()
                state = .chunkHeader
            case .trailer:
                guard let line = try await readLine(), !line.isEmpty else {
                    state = .done
                    continue
                }
                guard let colon = line.firstIndex(of: ":") else {
                    throw S3Error(
                        .malformedTrailer,
                        "The request contained trailing data that was not well-formed or did not conform to our published schema."
                    )
                }
                let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
                let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                if name == "x-amz-trailer-signature" {
                    if let checker, !checker.verifyTrailer(signature: value, trailerText: trailerText) {
                        throw S3Error(
                            .signatureDoesNotMatch,
                            "The request signature we calculated does not match the signature you provided.")
                    }
                } else {
                    trailers.append((name, value))
                    trailerText += "\(name):\(value)\n"
                }
            }
        }
    }

    private mutating func verifyChunk() throws {
        guard let checker, let hasher = chunkHasher else { return }
        chunkHasher = nil
        guard checker.verifyChunk(signature: chunkSignature, dataSHA256Hex: hasher.finalizeHex()) else {
            throw S3Error(
                .signatureDoesNotMatch,
                "The request signature we calculated does not match the signature you provided. Check your key and signing method."
            )
        }
    }

    /// Pulls one more upstream chunk into `pending`; false at the end of the body.
    private mutating func fill() async throws -> Bool {
        guard !upstreamFinished, var chunk = try await upstream.next() else {
            upstreamFinished = true
            return false
        }
        if pending.readableBytes == 0 {
            pending = chunk
        } else {
            pending.discardReadBytes()
            pending.writeBuffer(&chunk)
        }
        return true
    }

    /// The next CRLF-terminated line without its terminator; nil at the end of the body.
    private mutating func readLine() async throws -> String? {
        while true {
            if let index = pending.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) {
                let length = index - pending.readerIndex
                guard var bytes = pending.readBytes(length: length + 1) else { return nil }
                bytes.removeLast()
                if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
                return String(decoding: bytes, as: UTF8.self)
            }
            guard pending.readableBytes < Self.maximumLineLength else {
                throw S3Error(.invalidRequest, "An aws-chunked framing line is longer than allowed.")
            }
            guard try await fill() else {
                if pending.readableBytes == 0 { return nil }
                let bytes = pending.readBytes(length: pending.readableBytes) ?? []
                return String(decoding: bytes, as: UTF8.self)
            }
        }
    }

    private static func incomplete() -> S3Error {
        S3Error(.incompleteBody, "The request body terminated unexpectedly")
    }
}
