import Testing

@testable import AWSSignature

/// s3-contract.md 1.9.3 and 1.9.4: aws-chunked chunk and trailer signatures.
@Suite struct StreamingVectorTests {
    static let credentials = AWSCredentials(
        accessKeyID: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
    static let date = AmzDate("20130524T000000Z")!
    static let chunks: [[UInt8]] = [
        [UInt8](repeating: UInt8(ascii: "a"), count: 65_536), [UInt8](repeating: UInt8(ascii: "a"), count: 1024), [],
    ]
    let signer = SigV4Signer(credentials: credentials, region: "us-east-1", service: "s3")

    @Test func signedChunks() throws {
        let request = SignableRequest(
            method: "PUT", path: "/examplebucket/chunkObject.txt",
            headers: [
                ("Host", "s3.amazonaws.com"), ("Content-Encoding", "aws-chunked"), ("Content-Length", "66824"),
                ("x-amz-decoded-content-length", "66560"), ("x-amz-storage-class", "REDUCED_REDUNDANCY"),
            ])
        let signed = try signer.sign(request, payloadHash: PayloadHash.streamingSigned, date: Self.date.date)
        #expect(
            signed.signature.canonicalRequest.headers.signedHeaders
                == "content-encoding;content-length;host;x-amz-content-sha256;x-amz-date;"
                + "x-amz-decoded-content-length;x-amz-storage-class")
        #expect(signed.signature.signature == "4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9")

        var chain = ChunkSignatureChain(seed: signed.signature)
        let expected = [
            "ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648",
            "0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497",
            "b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9",
        ]
        var encodedLength = 0
        for (chunk, signature) in zip(Self.chunks, expected) {
            let computed = chain.sign(chunk: chunk)
            #expect(computed == signature)
            encodedLength += "\(String(chunk.count, radix: 16));chunk-signature=\(signature)\r\n".utf8.count
            encodedLength += chunk.count + 2
        }
        #expect(encodedLength == 66_824)
    }

    @Test func verifierChainRejectsAlteredChunkAndDoesNotAdvance() {
        let scope = CredentialScope(date: Self.date, region: "us-east-1", service: "s3")
        var chain = ChunkSignatureChain(
            seedSignature: "4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9",
            signingKey: SigningKey(secretAccessKey: Self.credentials.secretAccessKey, scope: scope), date: Self.date,
            scope: scope)
        let first = "ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648"
        var altered = Self.chunks[0]
        altered[0] = UInt8(ascii: "b")
        let alteredAccepted = chain.verify(chunkSHA256: Digest.sha256Hex(altered), provided: first)
        #expect(!alteredAccepted)
        #expect(chain.previousSignature == "4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9")
        let originalAccepted = chain.verify(chunkSHA256: Digest.sha256Hex(Self.chunks[0]), provided: first)
        #expect(originalAccepted)
        #expect(chain.previousSignature == first)
    }

    @Test func signedChunksWithTrailer() throws {
        let request = SignableRequest(
            method: "PUT", path: "/examplebucket/chunkObject.txt",
            headers: [
                ("Host", "s3.amazonaws.com"), ("Content-Encoding", "aws-chunked"),
                ("x-amz-decoded-content-length", "66560"), ("x-amz-storage-class", "REDUCED_REDUNDANCY"),
                ("x-amz-trailer", "x-amz-checksum-crc32c"),
            ])
        let signed = try signer.sign(request, payloadHash: PayloadHash.streamingSignedTrailer, date: Self.date.date)
        #expect(
            signed.signature.canonicalRequest.headers.signedHeaders
                == "content-encoding;host;x-amz-content-sha256;x-amz-date;x-amz-decoded-content-length;"
                + "x-amz-storage-class;x-amz-trailer")
        #expect(signed.signature.signature == "106e2a8a18243abcf37539882f36619c00e2dfc72633413f02d3b74544bfeb8e")

        var chain = ChunkSignatureChain(seed: signed.signature)
        var checksum = Checksum(.crc32c)
        let expected = [
            "b474d8862b1487a5145d686f57f013e54db672cee1c953b3010fb58501ef5aa2",
            "1c1344b170168f8e65b41376b44b20fe354e373826ccbbe2c1d40a8cae51e5c7",
            "2ca2aba2005185cf7159c6277faf83795951dd77a3a99e6e65d5c9f85863f992",
        ]
        for (chunk, signature) in zip(Self.chunks, expected) {
            checksum.update(chunk)
            let accepted = chain.verify(chunkSHA256: Digest.sha256Hex(chunk), provided: signature)
            #expect(accepted)
        }
        let trailer = "x-amz-checksum-crc32c:\(checksum.base64)\n"
        #expect(trailer == "x-amz-checksum-crc32c:sOO8/Q==\n")
        let trailerSignature = "d81f82fc3505edab99d459891051a732e8730629a2e4a59689829ca17fe2e435"
        #expect(chain.trailerSignature(trailer: Array(trailer.utf8)) == trailerSignature)
        #expect(chain.verifyTrailer(Array(trailer.utf8), provided: trailerSignature))
        #expect(!chain.verifyTrailer(Array("x-amz-checksum-crc32c:AAAAAA==\n".utf8), provided: trailerSignature))
    }
}
