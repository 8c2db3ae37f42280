import ArgumentParser

/// `lambda-emulator invoke`.
struct Invoke: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Invoke one function once (issue 5).")
    func run() async throws { throw NotImplemented(feature: "lambda-emulator invoke (issue 5)") }
}
