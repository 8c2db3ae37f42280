import ArgumentParser

/// `lambda-emulator dynamo`.
struct Dynamo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run LocalDynamo standalone (issue 3).")
    func run() async throws { throw NotImplemented(feature: "lambda-emulator dynamo (issue 3)") }
}
