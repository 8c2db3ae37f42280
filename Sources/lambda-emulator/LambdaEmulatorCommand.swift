import ArgumentParser
import Foundation

/// The `lambda-emulator` command line: thin parsing in front of the emulator's components.
@main
struct LambdaEmulatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lambda-emulator",
        abstract: "Run JobsAI's Lambda functions, DynamoDB and S3 on one machine, offline.",
        subcommands: [Serve.self, Invoke.self, Dynamo.self, S3.self, Package.self, Events.self, DeadLetters.self]
    )
}

/// Raised by a subcommand whose component has not been built yet.
struct NotImplemented: Error, CustomStringConvertible {
    let feature: String
    var description: String { "not implemented: \(feature)" }
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the whole stack (issue 5).")
    func run() async throws { throw NotImplemented(feature: "lambda-emulator serve (issue 5)") }
}

struct Invoke: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Invoke one function once (issue 5).")
    func run() async throws { throw NotImplemented(feature: "lambda-emulator invoke (issue 5)") }
}

struct Dynamo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run LocalDynamo standalone (issue 3).")
    func run() async throws { throw NotImplemented(feature: "lambda-emulator dynamo (issue 3)") }
}

struct S3: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run LocalS3 standalone (issue 4).")
    func run() async throws { throw NotImplemented(feature: "lambda-emulator s3 (issue 4)") }
}

struct Package: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Package the functions as Lambda zips (issue 9).")
    func run() async throws { throw NotImplemented(feature: "lambda-emulator package (issue 9)") }
}

struct Events: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List and show sample events (issue 5).")
    func run() async throws { throw NotImplemented(feature: "lambda-emulator events (issue 5)") }
}

struct DeadLetters: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dead-letters", abstract: "Show failed asynchronous invocations (issue 5).")
    func run() async throws { throw NotImplemented(feature: "lambda-emulator dead-letters (issue 5)") }
}
