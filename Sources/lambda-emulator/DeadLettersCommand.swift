import ArgumentParser

/// `lambda-emulator dead-letters`.
struct DeadLetters: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dead-letters", abstract: "Show failed asynchronous invocations (issue 5).")
    func run() async throws { throw NotImplemented(feature: "lambda-emulator dead-letters (issue 5)") }
}
