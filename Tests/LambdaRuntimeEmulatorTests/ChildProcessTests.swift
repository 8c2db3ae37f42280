import Foundation
import Testing

@testable import LambdaRuntimeEmulator

/// Spawning a bootstrap: every setup step checked, the working directory applied or the spawn refused.
@Suite struct ChildProcessTests {
    /// Spawns `script` as a bootstrap in its own code directory and collects its output until it exits 0.
    static func run(script: String) async throws -> (child: ChildProcess, directory: URL, lines: [Substring]) {
        let directory = try Fixtures.codeDirectory(script: script)
        let exited = AsyncStream.makeStream(of: ProcessExit.self)
        let child = try ChildProcess.spawn(
            executable: directory.appendingPathComponent("bootstrap").path, environment: ["PATH": "/usr/bin:/bin"],
            workingDirectory: directory.path
        ) { exited.continuation.yield($0) }
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(child.outputDescriptor, &buffer, buffer.count)
            if count <= 0 { break }
            output += buffer[..<count]
        }
        close(child.outputDescriptor)
        var iterator = exited.stream.makeAsyncIterator()
        #expect(await iterator.next() == .exited(0))
        return (child, directory, String(decoding: output, as: UTF8.self).split(separator: "\n"))
    }

    @Test func theChildStartsInItsWorkingDirectoryInItsOwnSession() async throws {
        let (child, directory, lines) = try await Self.run(script: "#!/bin/sh\npwd\ncat /proc/$$/stat\n")
        #expect(lines.first.map(String.init) == directory.resolvingSymlinksInPath().path)
        // /proc/PID/stat's sixth field is the session id: the child's own pid, as it leads a new session.
        let fields = lines.dropFirst().first.map { $0.split(separator: " ") } ?? []
        #expect(fields.count > 5 && fields[5] == "\(child.pid)")
    }

    @Test func aWorkingDirectoryThatCannotBeEnteredRefusesTheSpawn() throws {
        let directory = try Fixtures.codeDirectory()
        #expect(throws: ChildProcess.SpawnError.self) {
            _ = try ChildProcess.spawn(
                executable: directory.appendingPathComponent("bootstrap").path, environment: [:],
                workingDirectory: directory.appendingPathComponent("missing").path
            ) { _ in }
        }
    }

    @Test func theChildInheritsOnlyItsStandardDescriptors() async throws {
        // A descriptor without close-on-exec, as a listener or an event loop's epoll may be.
        let leaked = open("/dev/null", O_RDONLY)
        #expect(leaked > 2)
        defer { close(leaked) }
        let (_, _, lines) = try await Self.run(script: "#!/bin/sh\nexec ls /proc/self/fd\n")
        // 0-2, and the one `ls` opened to read its own descriptor list.
        let descriptors = lines.compactMap { Int($0) }
        #expect(!descriptors.isEmpty && !descriptors.contains(Int(leaked)))
        #expect(descriptors.allSatisfy { $0 <= 3 })
    }
}
