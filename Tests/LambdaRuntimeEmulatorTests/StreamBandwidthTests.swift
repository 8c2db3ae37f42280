import Testing

@testable import LambdaRuntimeEmulator

@Suite struct StreamBandwidthTests {
    @Test func theFirstSixMegabytesAreUncappedThenTwoMegabytesASecond() {
        let megabyte = 1024 * 1024
        #expect(StreamBandwidth.wait(total: 6 * megabyte, elapsedOverCap: .zero) == .zero)
        #expect(StreamBandwidth.wait(total: 8 * megabyte, elapsedOverCap: .zero) == .seconds(1))
        #expect(StreamBandwidth.wait(total: 8 * megabyte, elapsedOverCap: .milliseconds(400)) == .milliseconds(600))
        #expect(StreamBandwidth.wait(total: 8 * megabyte, elapsedOverCap: .seconds(2)) == .zero)
    }
}
