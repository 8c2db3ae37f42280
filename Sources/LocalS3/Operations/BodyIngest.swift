import AWSSignature
import Foundation

/// Receives a PutObject/UploadPart body into a staged file: removes aws-chunked framing, hashes on the
/// fly and checks every digest the client sent (payload SHA-256, Content-MD5, flexible checksums).
struct BodyIngest {
    /// The largest single PUT S3 accepts.
    static let maximumObjectSize: Int64 = 5 * 1024 * 1024 * 1024

    let staged: StagedFile
    let digests: BodyDigests.Results
    /// The verified flexible checksum, if the client sent one.
    let checksum: (algorithm: ChecksumAlgorithm, value: String)?

    static func receive(_ context: inout OperationContext) async throws -> BodyIngest {
        let headers = context.request.headers
        // The payload mode, not the `aws-chunked` token of Content-Encoding, says whether the body is framed:
        // a normally signed body with `Content-Encoding: gzip, aws-chunked` is stored as it came (S3 drops
        // the token from the stored encoding). An unsigned request is framed when it declares its decoded length.
        let encodings = (headers["content-encoding"] ?? "").lowercased()
        var chunked =
            headers["x-amz-decoded-content-length"] != nil
            && encodings.split(separator: ",").contains { $0.trimmingCharacters(in: .whitespaces) == "aws-chunked" }
        var expectedSHA256: String?
        var checker: (any ChunkSignatureChecker)?
        switch context.auth.payload {
        case .unsigned: break
        case .sha256(let hex):
            expectedSHA256 = hex.lowercased()
            chunked = false
        case .streamingSigned(let signatureChecker):
            chunked = true
            checker = signatureChecker
        case .streamingUnsigned: chunked = true
        }

        let headerChecksum = ChecksumAlgorithm.allCases.compactMap { algorithm in
            headers[algorithm.headerName].map { (algorithm, $0) }
        }.first
        var trailerAlgorithm: ChecksumAlgorithm?
        if let trailer = headers["x-amz-trailer"] {
            guard let algorithm = ChecksumAlgorithm(headerName: trailer.trimmingCharacters(in: .whitespaces)) else {
                throw S3Error(.invalidRequest, "The value specified in the x-amz-trailer header is not supported")
            }
            trailerAlgorithm = algorithm
        }
        if let sdk = headers["x-amz-sdk-checksum-algorithm"], let named = ChecksumAlgorithm(headerValue: sdk),
            let given = trailerAlgorithm ?? headerChecksum?.0, given != named
        {
            throw S3Error(.invalidRequest, "Value for x-amz-sdk-checksum-algorithm header is invalid.")
        }
        let algorithm = headerChecksum?.0 ?? trailerAlgorithm
        let digests = try BodyDigests(sha256: expectedSHA256 != nil, checksum: algorithm)
        let staged = try context.store.stage(digests)

        var decoder: AwsChunkedDecoder?
        if chunked {
            decoder = AwsChunkedDecoder(upstream: context.body, checker: checker)
            context.body = EmptyBody()
        }
        while let chunk = try await (decoder != nil ? decoder!.next() : context.body.next()) {
            try await staged.append(chunk)
            if digests.byteCount > maximumObjectSize {
                throw S3Error(.entityTooLarge, "Your proposed upload exceeds the maximum allowed size")
            }
        }
        let results = digests.finish()

        if chunked, let declared = headers["x-amz-decoded-content-length"], Int64(declared) != results.byteCount {
            throw S3Error(.incompleteBody, "The request body terminated unexpectedly")
        }
        if let expectedSHA256, expectedSHA256 != results.sha256Hex {
            throw S3Error(
                .xAmzContentSHA256Mismatch,
                "The provided 'x-amz-content-sha256' header does not match what was computed.",
                details: [
                    .init("ClientComputedContentSHA256", expectedSHA256),
                    .init("S3ComputedContentSHA256", results.sha256Hex ?? ""),
                ])
        }
        if let md5 = headers["content-md5"] {
            guard let given = Base64.decode(md5.trimmingCharacters(in: .whitespaces)), given.count == 16 else {
                throw S3Error(.invalidDigest, "The Content-MD5 you specified is not valid.")
            }
            guard ConstantTime.equals(given, results.md5) else {
                throw S3Error(
                    .badDigest, "The Content-MD5 you specified did not match what we received.",
                    details: [.init("ExpectedDigest", md5), .init("CalculatedDigest", results.md5Base64)])
            }
        }
        var verified: (ChecksumAlgorithm, String)?
        if let algorithm, let computed = results.checksumBase64 {
            var given = headerChecksum?.1
            if given == nil, let decoder {
                given = decoder.trailers.first { $0.name == algorithm.headerName }?.value
                guard given != nil else {
                    throw S3Error(
                        .malformedTrailer,
                        "The request contained trailing data that was not well-formed or did not conform to our published schema."
                    )
                }
            }
            guard let given, given == computed else {
                throw S3Error(
                    .badDigest, "The \(algorithm.rawValue) you specified did not match the calculated checksum.")
            }
            verified = (algorithm, computed)
        }
        return BodyIngest(staged: staged, digests: results, checksum: verified)
    }
}

extension StoredHeaders {
    /// The limit on user metadata (names and values together), in bytes.
    static let maximumUserMetadataSize = 2048

    /// The headers S3 keeps with an object, read from a PUT, Copy (REPLACE) or CreateMultipartUpload.
    static func from(_ headers: HeaderList) throws -> StoredHeaders {
        var stored = StoredHeaders()
        stored.contentType = headers["content-type"] ?? "binary/octet-stream"
        if let encoding = headers["content-encoding"] {
            let kept = encoding.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty && $0.lowercased() != "aws-chunked" }
            stored.contentEncoding = kept.isEmpty ? nil : kept.joined(separator: ", ")
        }
        stored.contentDisposition = headers["content-disposition"]
        stored.contentLanguage = headers["content-language"]
        stored.cacheControl = headers["cache-control"]
        stored.expires = headers["expires"]
        stored.websiteRedirectLocation = headers["x-amz-website-redirect-location"]
        var size = 0
        for (name, value) in headers.fields {
            let lower = name.lowercased()
            guard lower.hasPrefix("x-amz-meta-") else { continue }
            let short = String(lower.dropFirst("x-amz-meta-".count))
            let value = MetadataEncoding.decode(value)
            stored.userMetadata[short] = stored.userMetadata[short].map { $0 + "," + value } ?? value
            size += short.utf8.count + value.utf8.count
        }
        guard size <= maximumUserMetadataSize else {
            throw S3Error(.metadataTooLarge, "Your metadata headers exceed the maximum allowed metadata size.")
        }
        return stored
    }
}
