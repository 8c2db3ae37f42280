import Foundation
import Testing

@testable import LambdaRuntimeEmulator

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct OutputCaptureTests {
    /// Writes `text` into a pipe, closes it, and returns the lines an `OutputCapture` with `lineLimit` emits.
    static func capture(_ chunks: [String], lineLimit: Int) -> [String] {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        let sink = RecordingSink()
        let capture = OutputCapture(descriptor: fds[0], function: "f", sink: sink, lineLimit: lineLimit)
        for chunk in chunks {
            let bytes = Array(chunk.utf8)
            _ = bytes.withUnsafeBytes { write(fds[1], $0.baseAddress, $0.count) }
            capture.drain()
        }
        close(fds[1])
        while !capture.drain() {}
        return sink.lines.map { String($0.dropFirst("[f] ".count)) }
    }

    @Test func longLinesAreSplitAtTheLimit() {
        let lines = Self.capture(["abcdefghij", "klmnopqrstuvwxyz\nshort\n", "tail"], lineLimit: 8)
        #expect(lines == ["abcdefgh", "ijklmnop", "qrstuvwx", "yz", "short", "tail"])
    }

    @Test func splitsNeverCutACharacter() {
        // "é" is two bytes: a cut after byte 5 would fall inside the third one.
        let lines = Self.capture(["aéééé\n"], lineLimit: 6)
        #expect(lines == ["aéé", "éé"])
        #expect(lines.allSatisfy { !$0.contains("\u{FFFD}") })
    }

    @Test func aHugeLineWithoutNewlineIsBoundedByTheLimit() {
        let chunk = String(repeating: "x", count: 64 * 1024)
        let lines = Self.capture(Array(repeating: chunk, count: 16), lineLimit: 256 * 1024)
        #expect(lines.count == 4)
        #expect(lines.allSatisfy { $0.utf8.count == 256 * 1024 })
    }
}
