import ArgumentParser

/// `lambda-emulator events`.
struct Events: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List and show sample events (issue 5).")
    func run() async throws { throw NotImplemented(feature: "lambda-emulator events (issue 5)") }
}
