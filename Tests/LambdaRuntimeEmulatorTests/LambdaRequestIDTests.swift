import Foundation
import Testing

@testable import LambdaRuntimeEmulator

@Suite struct LambdaRequestIDTests {
    @Test func requestIDsAreDistinctLowerCaseVersion4UUIDs() throws {
        let ids = (0..<1000).map { _ in LambdaRequestID.make() }
        #expect(Set(ids).count == ids.count)
        for id in ids.prefix(50) {
            let parsed = try #require(UUID(uuidString: id))
            #expect(parsed.uuidString.lowercased() == id)
            let characters = Array(id)
            #expect(characters[14] == "4")
            #expect("89ab".contains(characters[19]))
        }
    }

    @Test func traceIDsHaveLambdasShape() {
        let trace = TraceID.make(now: Date(timeIntervalSince1970: 0x6570_0000))
        #expect(trace.wholeMatch(of: /Root=1-65700000-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0/) != nil)
        #expect(TraceID.make() != TraceID.make())
    }
}
