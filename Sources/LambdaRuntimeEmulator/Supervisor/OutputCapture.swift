import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Where a function's output lines go besides the invocation log (the emulator's stderr by default).
public protocol FunctionLogSink: Sendable {
    func write(function: String, line: String)
}

/// Writes `[function] line` to standard error, one `write` per line so lines never interleave.
public struct StandardErrorLogSink: FunctionLogSink {
    public init() {}

    public func write(function: String, line: String) {
        Self.writeLine("[\(function)] \(line)")
    }

    /// Writes one line to standard error in as few `write` calls as the kernel allows.
    @Sendable public static func writeLine(_ line: String) {
        let bytes = Array((line + "\n").utf8)
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(2, base + offset, buffer.count - offset)
                if written <= 0 { return }
                offset += written
            }
        }
    }
}

/// Reads a process's output pipe line by line; keeps the lines of the current invocation for `LogType: Tail`.
///
/// A line longer than `lineLimit` (CloudWatch's 256 KiB event size) is split into several, at UTF-8 character
/// boundaries, so a child writing megabytes without a newline never grows the emulator's memory.
///
/// A reader thread drains the pipe as data arrives; `drain()` lets the supervisor pull in whatever the
/// process wrote before it answered, so an invocation's log is complete when its REPORT line is written.
final class OutputCapture: Sendable {
    private let descriptor: Int32
    private let lines: Mutex<LogLines>
    /// The longest line emitted; longer ones are split.
    let lineLimit: Int

    /// CloudWatch Logs' event size limit as Lambda applies it to function output.
    static let cloudWatchEventLimit = 256 * 1024

    init(descriptor: Int32, function: String, sink: any FunctionLogSink, lineLimit: Int = cloudWatchEventLimit) {
        self.lineLimit = max(lineLimit, 4)
        self.descriptor = descriptor
        lines = Mutex(LogLines(function: function, sink: sink, lineLimit: max(lineLimit, 4)))
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
    }

    /// Starts the reader thread; it ends at end of file and closes the descriptor.
    func start() {
        let thread = Thread { [self] in
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            while true {
                let ready = poll(&poller, 1, -1)
                if ready < 0 && errno == EINTR { continue }
                if drain() { break }
            }
            close(descriptor)
        }
        thread.stackSize = 64 * 1024
        thread.start()
    }

    /// Reads everything available now; returns true at end of file.
    @discardableResult
    func drain() -> Bool {
        lines.withLock { lines in
            if lines.closed { return true }
            var buffer = [UInt8](repeating: 0, count: 16 * 1024)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count > 0 {
                    lines.consume(buffer[0..<count])
                } else if count == 0 {
                    lines.finish()
                    return true
                } else if errno == EINTR {
                    continue
                } else {
                    return false
                }
            }
        }
    }

    /// Adds an emulator line (START, END, REPORT) to the log and the sink.
    func append(line: String) {
        lines.withLock { $0.emit(Array(line.utf8)[...]) }
    }

    /// The invocation's log so far, and a fresh start for the next one.
    func takeLog() -> [UInt8] {
        lines.withLock { lines in
            let taken = lines.log
            lines.log = []
            return taken
        }
    }

    /// The largest prefix length ≤ `limit` that does not end inside a UTF-8 sequence.
    static func characterBoundary(in bytes: ArraySlice<UInt8>, atMost limit: Int) -> Int {
        var cut = min(limit, bytes.count)
        let start = bytes.startIndex
        // Step back over continuation bytes (10xxxxxx) to the start of the character that straddles the cut.
        var back = 0
        while cut < bytes.count, back < 4, cut > 0, bytes[start + cut] & 0xC0 == 0x80 {
            cut -= 1
            back += 1
        }
        return back == 4 || cut == 0 ? min(limit, bytes.count) : cut
    }
}

/// Output bytes cut into lines: each complete line goes to the sink and the invocation's log.
private struct LogLines {
    let function: String
    let sink: any FunctionLogSink
    let lineLimit: Int
    /// The log keeps at most this many trailing bytes (Tail only returns 4 KB).
    let logLimit = 64 * 1024
    var partial: [UInt8] = []
    var log: [UInt8] = []
    var closed = false

    mutating func consume(_ bytes: ArraySlice<UInt8>) {
        var start = bytes.startIndex
        for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") {
            if partial.isEmpty {
                emit(bytes[start..<index])
            } else {
                partial += bytes[start..<index]
                emit(partial[...])
                partial = []
            }
            start = index + 1
        }
        partial += bytes[start...]
        if partial.count > lineLimit {
            var rest = partial[...]
            while rest.count > lineLimit {
                let cut = OutputCapture.characterBoundary(in: rest, atMost: lineLimit)
                emit(rest.prefix(cut))
                rest = rest.dropFirst(cut)
            }
            partial = Array(rest)
        }
    }

    /// End of file: a last line without a newline still counts.
    mutating func finish() {
        if !partial.isEmpty { emit(partial[...]) }
        partial = []
        closed = true
    }

    mutating func emit(_ line: ArraySlice<UInt8>) {
        if line.count > lineLimit {
            var rest = line
            while !rest.isEmpty {
                let cut = OutputCapture.characterBoundary(in: rest, atMost: lineLimit)
                emit(rest.prefix(cut))
                rest = rest.dropFirst(cut)
            }
            return
        }
        sink.write(function: function, line: String(decoding: line, as: UTF8.self))
        log += line
        log.append(UInt8(ascii: "\n"))
        if log.count > logLimit { log.removeFirst(log.count - logLimit) }
    }
}
