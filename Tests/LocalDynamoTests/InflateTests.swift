import Foundation
import Testing

@testable import LocalDynamo

@Suite struct InflateTests {
    func bytes(_ base64: String) -> [UInt8] { [UInt8](Data(base64Encoded: base64) ?? Data()) }

    let text =
        "{\"TableName\":\"jobs\",\"Item\":{\"pk\":{\"S\":\"" + String(repeating: "abcabcabc", count: 50) + "\"}}}"

    @Test func gzipZlibAndRawDeflate() throws {
        let gzip = bytes("H4sIAAAAAAACA6tWCklMykn1S8xNVbJSyspPKlbSUfIsSc1VsqpWKsgGkcFAicSk5FE0pJFSbW0tAIqwoD7tAQAA")
        #expect(String(decoding: try Inflate.gunzip(gzip, limit: 1 << 20), as: UTF8.self) == text)
        let zlib = bytes("eJyrVgpJTMpJ9UvMTVWyUsrKTypW0lHyLEnNVbKqVirIBpHBQInEpORRNKSRUm1tLQBqS7mt")
        #expect(String(decoding: try Inflate.zlibOrRaw(zlib, limit: 1 << 20), as: UTF8.self) == text)
        let raw = bytes("q1YKSUzKSfVLzE1VslLKyk8qVtJR8ixJzVWyqlYqyAaRwUCJxKTkUTSkkVJtbS0A")
        #expect(String(decoding: try Inflate.zlibOrRaw(raw, limit: 1 << 20), as: UTF8.self) == text)
        let stored = bytes("eAEBEQDu/3N0b3JlZCBibG9jayBib2R5O+cGiw==")
        #expect(String(decoding: try Inflate.zlibOrRaw(stored, limit: 1 << 20), as: UTF8.self) == "stored block body")
    }

    @Test func dynamicHuffmanBlock() throws {
        let compressed = bytes(
            [
                "eNpVkk1uxDAIhe8yN2i74wbdsOlcIJWy8ozkxXQ2iLv3wfMPkZIY2+GDB9jH55fej9/HqcfzFOzex+PvxPr9Op9YessDV7M0VHO5",
                "/dyWly1LcdxbeK6jRDieycUvfGasHT0ce1v7vDXHr/EqXUTJwNcEWKwbEHcjdcPqHla8icpP7DJQVQAOc2IGpPQ2I0J8api0qFlv",
                "FolFlIIRkbUjkUUjSadzRKMwsGUFmkbVBGYiJHrDImaCveGGe6fLjlys9PKqbN1Bldsl3aJPxK7NybrZ7JkbeWpyQcp0r6fUSRWj",
                "mexh6t1jNEYtChT9nvsokQ1uNtRCuxoxYa/G7kF0/KQcxzEQUoSPMoolVy+uVvtZhhYTYFHppP4DvE0XIA==",
            ].joined())
        let expected = bytes(
            [
                "ezEyM05UYWJsZU5hbWU6MTIzdmFsdWUxMjNJdGVtMTIzcGt2YWx1ZX1Oe3t2YWx1ZU5OdmFsdWUiUyJUYWJsZU5hbWV7VGFibGVO",
                "YW1lTiJTInBrSXRlbVRhYmxlTmFtZTEyM3BrfXBrfXZhbHVlMTIzIlMiIlMiIlMiMTIzdmFsdWVUYWJsZU5hbWU6SXRlbXBrVGFi",
                "bGVOYW1ldmFsdWV7fSJTIn0iUyJOIlMiMTIzOk4xMjMiUyIxMjN7OnBrfTEyM1RhYmxlTmFtZTpOMTIzMTIzSXRlbXsxMjN9fUl0",
                "ZW1JdGVtdmFsdWV2YWx1ZUl0ZW06SXRlbSJTIlRhYmxlTmFtZXBrfSJTIiJTIkl0ZW1wazEyMzEyM3BrIlMiMTIzOk59Tntwa31w",
                "a0l0ZW1JdGVtMTIzTnBreyJTIn0xMjN9VGFibGVOYW1lcGs6OjpUYWJsZU5hbWUiUyIiUyJ2YWx1ZU4iUyIxMjNOSXRlbTEyM059",
                "IlMie30iUyJ9Tn1OOnBrIlMiMTIzOnBrIlMiMTIzMTIzVGFibGVOYW1lcGs6dmFsdWU6OjEyM312YWx1ZXBrMTIzcGtwazp9dmFs",
                "dWV9MTIzMTIzOlRhYmxlTmFtZTpUYWJsZU5hbWU6OjEyM319IlMiSXRlbXBrMTIzVGFibGVOYW1lfU57fXs6VGFibGVOYW1lIlMi",
                "SXRlbUl0ZW0xMjM6Ont2YWx1ZVRhYmxlTmFtZUl0ZW06ezEyM3ZhbHVlfXtJdGVtcGtOezoxMjNUYWJsZU5hbWV9Okl0ZW0xMjM6",
                "MTIzVGFibGVOYW1lIlMifU59dmFsdWU6IlMifSJTIjEyMyJTInBrIlMiVGFibGVOYW1le3BrdmFsdWUxMjNOIlMiTntwa3ZhbHVl",
                "Tn1OOntJdGVtMTIzfUl0ZW17cGtwa057IlMiMTIzcGtwa3ZhbHVlSXRlbVRhYmxlTmFtZU59e3BrTk4iUyJwazEyM0l0ZW06VGFi",
                "bGVOYW1lfU52YWx1ZXBrOnt7SXRlbU5JdGVtVGFibGVOYW1le31UYWJsZU5hbWVwa3ZhbHVlMTIzIlMicGt9e30xMjNOTiJTIg==",
            ].joined())
        #expect(expected.count == 823)
        #expect(try Inflate.zlibOrRaw(compressed, limit: 1 << 20) == expected)
    }

    @Test func corruptAndOversizedInputFail() {
        #expect(throws: Inflate.Failure.self) {
            try Inflate.gunzip(Array("not gzip at all, not at all".utf8), limit: 100)
        }
        let zlib = bytes("eJyrVgpJTMpJ9UvMTVWyUsrKTypW0lHyLEnNVbKqVirIBpHBQInEpORRNKSRUm1tLQBqS7mt")
        #expect(throws: Inflate.Failure.self) { try Inflate.zlibOrRaw(zlib, limit: 100) }
        #expect(throws: Inflate.Failure.self) { try Inflate.zlibOrRaw(Array(zlib.prefix(20)), limit: 1 << 20) }
    }
}
