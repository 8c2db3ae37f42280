import Testing

@testable import AWSSignature

@Suite struct DigestTests {
    @Test func sha256KnownValues() {
        #expect(Digest.sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(Digest.sha256Hex("") == Digest.emptySHA256Hex)
        #expect(Digest.sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Digest.sha256(Array("abc".utf8)).count == 32)
    }

    @Test func sha1KnownValues() {
        #expect(Digest.sha1Hex(Array("".utf8)) == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        #expect(Digest.sha1Hex(Array("abc".utf8)) == "a9993e364706816aba3e25717850c26c9cd0d89d")
    }

    @Test func md5KnownValues() {
        #expect(Digest.md5Hex(Array("".utf8)) == "d41d8cd98f00b204e9800998ecf8427e")
        #expect(Digest.md5Hex(Array("abc".utf8)) == "900150983cd24fb0d6963f7d28e17f72")
    }

    @Test func sha512KnownValues() {
        #expect(
            Hex.encode(Digest.sha512(Array("abc".utf8)))
                == "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f")
        #expect(Digest.sha512([UInt8]()).count == 64)
    }

    @Test(arguments: DigestAlgorithm.allCases)
    func incrementalEqualsOneShot(algorithm: DigestAlgorithm) {
        let data = (0..<100_003).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        let hasher = DigestHasher(algorithm)
        var offset = 0
        var step = 1
        while offset < data.count {
            let end = min(data.count, offset + step)
            hasher.update(data[offset..<end])
            offset = end
            step = step * 3 + 1
        }
        let incremental = hasher.finalize()
        #expect(incremental == Digest.hash(algorithm, data))
        #expect(incremental.count == algorithm.byteCount)
        // finalize resets: the hasher now digests from scratch.
        hasher.update("abc")
        #expect(hasher.finalize() == Digest.hash(algorithm, Array("abc".utf8)))
    }

    @Test func rawBufferAndNonContiguousInputsAgree() {
        let hasher = DigestHasher(.sha256)
        Array("ab".utf8).withUnsafeBytes { hasher.update($0) }
        hasher.update(["c"].lazy.flatMap { $0.utf8 })
        #expect(hasher.finalizeHex() == Digest.sha256Hex("abc"))
    }

    @Test func hmacSHA256RFC4231() {
        let mac = HMAC.sha256(key: Array("Jefe".utf8), message: "what do ya want for nothing?")
        #expect(Hex.encode(mac) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        let key = [UInt8](repeating: 0x0b, count: 20)
        #expect(
            Hex.encode(HMAC.sha256(key: key, message: "Hi There"))
                == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
    }

    @Test func hmacSHA1RFC2202() {
        let mac = HMAC.sha1(key: Array("Jefe".utf8), message: "what do ya want for nothing?")
        #expect(Hex.encode(mac) == "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79")
    }

    @Test func hmacWithKeysLongerThanABlock() {
        let message = "Test Using Larger Than Block-Size Key - Hash Key First"
        #expect(
            Hex.encode(HMAC.sha256(key: [UInt8](repeating: 0xaa, count: 131), message: message))
                == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
        #expect(
            Hex.encode(HMAC.sha1(key: [UInt8](repeating: 0xaa, count: 80), message: message))
                == "aa4ae5e15272d00e95705637ce8a3b55ed402112")
    }

    @Test func hmacWithEmptyKey() {
        #expect(
            Hex.encode(HMAC.sha256(key: [UInt8](), message: ""))
                == "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad")
        #expect(Hex.encode(HMAC.sha1(key: [UInt8](), message: "")) == "fbdb1d1b18aa6c08324b7d64b71fb76370690e1d")
    }
}

@Suite struct EncodingTests {
    @Test func hexRoundTrip() {
        let bytes: [UInt8] = [0x00, 0x01, 0x7f, 0x80, 0xab, 0xff]
        #expect(Hex.encode(bytes) == "00017f80abff")
        #expect(Hex.decode("00017F80ABff") == bytes)
        #expect(Hex.decode("") == [])
    }

    @Test func hexRejectsMalformed() {
        #expect(Hex.decode("abc") == nil)
        #expect(Hex.decode("zz") == nil)
        #expect(Hex.decode("0g") == nil)
    }

    @Test func base64RoundTrip() {
        #expect(Base64.encode(Array("hello".utf8)) == "aGVsbG8=")
        #expect(Base64.encode([UInt8]()) == "")
        #expect(Base64.decode("aGVsbG8=") == Array("hello".utf8))
        #expect(Base64.decode("not base64!") == nil)
    }

    @Test func constantTimeEquality() {
        #expect(ConstantTime.equals([1, 2, 3], [1, 2, 3]))
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2, 4]))
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2]))
        #expect(ConstantTime.equals([UInt8](), [UInt8]()))
        #expect(ConstantTime.equals("aeeed9bb", "aeeed9bb"))
        #expect(!ConstantTime.equals("aeeed9bb", "aeeed9bc"))
        #expect(!ConstantTime.equals("", "a"))
    }
}
