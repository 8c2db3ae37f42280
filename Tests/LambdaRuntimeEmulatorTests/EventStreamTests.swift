import Foundation
import Testing

@testable import LambdaRuntimeEmulator

@Suite struct EventStreamTests {
    @Test func crc32IsZlibs() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([]) == 0)
    }

    @Test func messagesCarryLengthsHeadersAndBothChecksums() {
        let message = EventStreamMessage.event(
            "PayloadChunk", contentType: "application/octet-stream", payload: [1, 2]
        )
        .encoded
        func word(_ offset: Int) -> UInt32 { message[offset..<offset + 4].reduce(0) { $0 << 8 | UInt32($1) } }
        #expect(Int(word(0)) == message.count)
        let headersLength = Int(word(4))
        #expect(word(8) == CRC32.checksum(Array(message[0..<8])))
        #expect(word(message.count - 4) == CRC32.checksum(Array(message[0..<(message.count - 4)])))
        #expect(Array(message[(12 + headersLength)..<(message.count - 4)]) == [1, 2])
        // First header: name length, ":event-type", type 7 (string), value length, "PayloadChunk".
        #expect(message[12] == 11)
        #expect(String(decoding: message[13..<24], as: UTF8.self) == ":event-type")
        #expect(message[24] == 7)
        #expect(String(decoding: message[27..<39], as: UTF8.self) == "PayloadChunk")
    }

    @Test func aFunctionErrorIsReportedOnlyInInvokeComplete() throws {
        let failed = InvocationResult(
            requestID: "r", outcome: .functionError(body: ErrorDocument.make(type: "Boom", message: "bad")),
            function: try Fixtures.function(), log: [])
        let stream = InvokeStreamRoute.eventStream(failed, log: nil)
        let text = String(decoding: stream, as: UTF8.self)
        #expect(!text.contains("PayloadChunk"))
        #expect(text.contains(#""ErrorCode":"Boom""#))
    }
}
