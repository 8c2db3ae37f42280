import ArgumentParser
import Foundation

/// The `lambda-emulator` command line: thin parsing in front of the emulator's components.
@main
struct LambdaEmulatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lambda-emulator",
        abstract: "Run JobsAI's Lambda functions, DynamoDB and S3 on one machine, offline.",
        subcommands: [
            Serve.self, Invoke.self, Dynamo.self, S3.self, Package.self, Events.self, DeadLetters.self, Boards.self,
        ]
    )
}
