import Testing

@testable import AWSSignature

@Suite struct ChecksumTests {
    @Test func crc32CheckValue() {
        #expect(Checksum.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(Checksum.crc32([UInt8]()) == 0)
    }

    @Test func crc32cCheckValue() {
        #expect(Checksum.crc32c(Array("123456789".utf8)) == 0xE306_9283)
        #expect(Checksum.crc32c([UInt8]()) == 0)
    }

    @Test func s3HeaderValues() {
        var crc32 = Checksum(.crc32)
        crc32.update("hello world".utf8)
        #expect(crc32.base64 == "DUoRhQ==")
        #expect(crc32.bigEndianBytes == [0x0d, 0x4a, 0x11, 0x85])
        var crc32c = Checksum(.crc32c)
        crc32c.update([UInt8](repeating: UInt8(ascii: "a"), count: 66_560))
        #expect(crc32c.base64 == "sOO8/Q==")
        #expect(Checksum.Algorithm.crc32c.s3HeaderName == "x-amz-checksum-crc32c")
    }

    @Test(arguments: Checksum.Algorithm.allCases)
    func incrementalEqualsOneShot(algorithm: Checksum.Algorithm) {
        let data = (0..<70_001).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 17) }
        let oneShot = algorithm == .crc32 ? Checksum.crc32(data) : Checksum.crc32c(data)
        for step in [1, 3, 7, 8, 9, 1000, 65_536] {
            var checksum = Checksum(algorithm)
            var offset = 0
            while offset < data.count {
                let end = min(data.count, offset + step)
                if step == 9 {
                    data[offset..<end].withUnsafeBytes { checksum.update($0) }
                } else {
                    checksum.update(data[offset..<end])
                }
                offset = end
            }
            #expect(checksum.value == oneShot, "step \(step)")
        }
    }

    @Test func nonContiguousInputMatches() {
        var checksum = Checksum(.crc32)
        checksum.update("1234".utf8.lazy.map { $0 })
        checksum.update("56789".utf8)
        #expect(checksum.value == 0xCBF4_3926)
    }
}
