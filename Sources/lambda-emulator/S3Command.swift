import ArgumentParser

/// `lambda-emulator s3`.
struct S3: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run LocalS3 standalone (issue 4).")
    func run() async throws { throw NotImplemented(feature: "lambda-emulator s3 (issue 4)") }
}
