import BuildingBlocks
import ClockTestSupport
import Foundation
import Testing

@Suite struct WallClockTests {
    @Test func systemClockAgreesWithFoundationsDate() {
        let before = Date().timeIntervalSince1970
        let now = SystemWallClock().now.secondsSinceEpoch
        let after = Date().timeIntervalSince1970
        #expect(now >= before - 0.001 && now <= after + 0.001)
    }

    @Test func instantsConvertToDatesAndWholeSeconds() {
        let instant = UnixInstant(secondsSinceEpoch: 1_700_000_000.75)
        #expect(instant.wholeSecondsSinceEpoch == 1_700_000_000)
        #expect(UnixInstant(instant.date) == instant)
        #expect(UnixInstant(secondsSinceEpoch: -0.5).wholeSecondsSinceEpoch == -1)
        #expect(instant.advanced(by: .seconds(2)).secondsSinceEpoch == 1_700_000_002.75)
    }

    @Test func manualClockJumpsToTheDeadlineOfEachSleepAndRecordsIt() async throws {
        let clock = ManualWallClock(secondsSinceEpoch: 100)
        try await clock.sleep(seconds: 2.5)
        try await clock.sleep(for: .seconds(1))
        try await clock.sleep(seconds: 0)
        #expect(clock.now.secondsSinceEpoch == 103.5)
        #expect(clock.sleeps == [.seconds(2.5), .seconds(1)])
        clock.advance(seconds: 10)
        #expect(clock.now.secondsSinceEpoch == 113.5)
    }

    @Test func aCancelledSleepThrows() async {
        let task = Task {
            try await SystemWallClock().sleep(seconds: 3600)
        }
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
    }
}
