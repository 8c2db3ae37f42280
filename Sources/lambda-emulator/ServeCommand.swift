import ArgumentParser

/// `lambda-emulator serve`.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the whole stack (issue 5).")
    func run() async throws { throw NotImplemented(feature: "lambda-emulator serve (issue 5)") }
}
