import ArgumentParser
import Foundation
import LambdaRuntimeEmulator

/// `lambda-emulator dead-letters`.
struct DeadLetters: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dead-letters",
        abstract: "Print asynchronous invocations that failed every attempt, one JSON object per line.")

    @Option(name: .customLong("data-dir"), help: "The data directory `serve` used.")
    var dataDirectory = ".local-data"

    @Option(help: "Only this function's dead letters.")
    var function: String?

    func run() async throws {
        let path = URL(fileURLWithPath: dataDirectory).appendingPathComponent("lambda-events.sqlite").path
        guard FileManager.default.fileExists(atPath: path) else { return }
        let store = try AsyncEventStore(path: path)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        for letter in try await store.deadLetters() where function == nil || letter.function == function {
            print(String(decoding: try encoder.encode(letter), as: UTF8.self))
        }
    }
}
