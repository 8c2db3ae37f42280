import ArgumentParser
import Foundation
import LambdaRuntimeEmulator

/// `lambda-emulator dead-letters`.
struct DeadLetters: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dead-letters",
        abstract: "Print asynchronous invocations that failed every attempt, one JSON object per line, or replay them.",
        discussion: """
            A replayed dead letter becomes a new queued event of its function (same request id and payload, \
            fresh attempts and age); a running `serve` picks it up within a second, otherwise the next `serve` does.
            """)

    @Option(name: .customLong("data-dir"), help: "The data directory `serve` used.")
    var dataDirectory = ".local-data"

    @Option(help: "Only this function's dead letters.")
    var function: String?

    @Option(help: "Put the dead letter with this id back in the queue.")
    var replay: Int64?

    @Flag(name: .customLong("replay-all"), help: "Put every dead letter (of --function, if given) back in the queue.")
    var replayAll = false

    func validate() throws {
        if replay != nil && replayAll { throw ValidationError("--replay and --replay-all exclude each other") }
    }

    func run() async throws {
        let path = URL(fileURLWithPath: dataDirectory).appendingPathComponent("lambda-events.sqlite").path
        guard FileManager.default.fileExists(atPath: path) else {
            if replay != nil { throw ValidationError("no dead letter \(replay ?? 0): \(path) does not exist") }
            return
        }
        let store = try AsyncEventStore(path: path)
        if replay != nil || replayAll {
            let replayed = try await store.replayDeadLetters(id: replay, function: function)
            if let replay, replayed.isEmpty { throw ValidationError("no dead letter with id \(replay)") }
            for id in replayed { print(#"{"replayed":\#(id)}"#) }
            return
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        for letter in try await store.deadLetters() where function == nil || letter.function == function {
            print(String(decoding: try encoder.encode(letter), as: UTF8.self))
        }
    }
}
