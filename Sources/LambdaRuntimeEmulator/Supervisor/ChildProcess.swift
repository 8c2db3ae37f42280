import CSpawn
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A spawned bootstrap: its own session (so the whole group can be signalled), output on one pipe.
final class ChildProcess: Sendable {
    /// Why a process could not be started.
    enum SpawnError: Error, CustomStringConvertible {
        case notExecutable(String)
        case spawnFailed(path: String, errno: Int32)
        case pipeFailed(Int32)
        case setupFailed(step: String, errno: Int32)

        var description: String {
            switch self {
            case .notExecutable(let path): return "no executable bootstrap at \(path)"
            case .spawnFailed(let path, let code): return "could not start \(path): \(String(cString: strerror(code)))"
            case .pipeFailed(let code): return "could not create an output pipe: \(String(cString: strerror(code)))"
            case .setupFailed(let step, let code):
                return "could not prepare the process (\(step)): \(String(cString: strerror(code)))"
            }
        }
    }

    let pid: pid_t
    /// Read end of the pipe carrying the child's stdout and stderr.
    let outputDescriptor: Int32
    /// `/proc/<pid>/status`, opened once at spawn and re-read from its start after each invocation (-1 if it
    /// could not be opened). Bound to this process: once it is gone, reads fail instead of finding a reused pid.
    private let statusDescriptor: Int32

    private init(pid: pid_t, outputDescriptor: Int32) {
        self.pid = pid
        self.outputDescriptor = outputDescriptor
        self.statusDescriptor = open("/proc/\(pid)/status", O_RDONLY | O_CLOEXEC)
    }

    deinit {
        if statusDescriptor >= 0 { close(statusDescriptor) }
    }

    /// Starts `executable` in `workingDirectory` with exactly `environment`; `onExit` runs once on exit.
    static func spawn(
        executable: String, arguments: [String] = [], environment: [String: String], workingDirectory: String,
        onExit: @escaping @Sendable (ProcessExit) -> Void
    ) throws -> ChildProcess {
        guard access(executable, X_OK) == 0 else { throw SpawnError.notExecutable(executable) }
        var fds: [Int32] = [0, 0]
        guard cspawn_pipe_cloexec(&fds) == 0 else { throw SpawnError.pipeFailed(errno) }
        let (readEnd, writeEnd) = (fds[0], fds[1])
        var pipeHandedOver = false
        defer {
            close(writeEnd)
            if !pipeHandedOver { close(readEnd) }
        }

        var actions = posix_spawn_file_actions_t()
        try check("file actions", posix_spawn_file_actions_init(&actions))
        defer { posix_spawn_file_actions_destroy(&actions) }
        try check("stdin", posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0))
        try check("stdout", posix_spawn_file_actions_adddup2(&actions, writeEnd, 1))
        try check("stderr", posix_spawn_file_actions_adddup2(&actions, writeEnd, 2))
        // Descriptors without close-on-exec (listeners, event loops' epoll and eventfd) must not reach the
        // function: an orphaned runtime would keep the emulator's ports bound after the emulator died.
        try check("inherited descriptors", cspawn_file_actions_addclosefrom(&actions, 3))
        // A directory that cannot be entered fails the spawn itself, so the bootstrap never starts elsewhere.
        try check("working directory", cspawn_file_actions_addchdir(&actions, workingDirectory))

        var attributes = posix_spawnattr_t()
        try check("attributes", posix_spawnattr_init(&attributes))
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGTERM, SIGINT, SIGHUP, SIGCHLD] { sigaddset(&defaults, signal) }
        try check("signal defaults", posix_spawnattr_setsigdefault(&attributes, &defaults))
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        try check("signal mask", posix_spawnattr_setsigmask(&attributes, &emptyMask))
        let flags = Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK) | cspawn_setsid_flag()
        try check("flags", posix_spawnattr_setflags(&attributes, flags))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard status == 0 else { throw SpawnError.spawnFailed(path: executable, errno: status) }
        pipeHandedOver = true
        let child = ChildProcess(pid: pid, outputDescriptor: readEnd)
        let waiter = Thread { [pid] in
            var raw: Int32 = 0
            while waitpid(pid, &raw, 0) == -1 && errno == EINTR {}
            let exit: ProcessExit = (raw & 0x7f) == 0 ? .exited((raw >> 8) & 0xff) : .signaled(raw & 0x7f)
            onExit(exit)
        }
        waiter.stackSize = 64 * 1024
        waiter.start()
        return child
    }

    /// posix_spawn's setup calls answer 0 or an error number.
    private static func check(_ step: String, _ result: Int32) throws {
        guard result == 0 else { throw SpawnError.setupFailed(step: step, errno: result) }
    }

    /// Sends `signal` to the process group.
    func signal(_ signal: Int32) {
        kill(-pid, signal)
    }

    /// Whether any process of the group is still alive (the leader is reaped by the waiter thread).
    var isGroupAlive: Bool { kill(-pid, 0) == 0 }

    /// Peak resident set size so far (`VmHWM`), in kilobytes; nil once the process is gone.
    /// Read after every invocation, so it stays off Foundation: one `pread` into a stack buffer, no Strings.
    func peakResidentKilobytes() -> Int? {
        guard statusDescriptor >= 0 else { return nil }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4096) { buffer in
            var filled = 0
            while filled < buffer.count {
                let wanted = buffer.count - filled
                let count = pread(statusDescriptor, buffer.baseAddress! + filled, wanted, off_t(filled))
                if count <= 0 { break }
                filled += count
                if count < wanted { break }  // the whole file came: /proc renders it in one read
            }
            return Self.peakKilobytes(status: UnsafeBufferPointer(rebasing: buffer[..<filled]))
        }
    }

    /// The `VmHWM:` figure of a `/proc/<pid>/status` text, in kilobytes.
    static func peakKilobytes(status: some Collection<UInt8>) -> Int? {
        let label = Array("VmHWM:".utf8)
        var lineStart = status.startIndex
        while lineStart != status.endIndex {
            let lineEnd = status[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? status.endIndex
            let line = status[lineStart..<lineEnd]
            if line.starts(with: label) {
                let digits = line.dropFirst(label.count).drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
                    .prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
                guard !digits.isEmpty else { return nil }
                return digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
            }
            lineStart = lineEnd == status.endIndex ? lineEnd : status.index(after: lineEnd)
        }
        return nil
    }
}
