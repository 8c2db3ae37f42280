import ArgumentParser

/// `lambda-emulator package`.
struct Package: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Package the functions as Lambda zips (issue 9).")
    func run() async throws { throw NotImplemented(feature: "lambda-emulator package (issue 9)") }
}
