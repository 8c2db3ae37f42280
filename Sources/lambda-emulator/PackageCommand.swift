import ArgumentParser
import Foundation
import LambdaRuntimeEmulator

/// `lambda-emulator package`: release builds with the static Swift standard library, each packed with the
/// shared libraries it loads into `.build/lambda/<Function>.zip`.
struct Package: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the functions in release mode and pack each into .build/lambda/<Function>.zip.")

    @Option(name: .customLong("product"), help: "An executable product to package (repeatable).")
    var products: [String] = ["APIFunction", "WorkerFunction"]

    @Option(help: "Directory the zips are written to.")
    var output = ".build/lambda"

    @Option(
        name: .customLong("swift-sdk"),
        help: "Build with this Swift SDK (e.g. the static Linux SDK, see `swift sdk list`) for a fully static binary.")
    var swiftSDK: String?

    @Option(help: "The swift executable.")
    var swift = "swift"

    @Flag(name: .customLong("skip-build"), help: "Package what the last release build left.")
    var skipBuild = false

    @Flag(
        name: .customLong("zip-only"),
        help: "Write only the zips; by default <output>/<Function>/ also receives the package's files (sam deploy).")
    var zipOnly = false

    func run() async throws {
        func swiftBuild(_ arguments: [String]) throws -> String {
            var command = [swift, "build", "-c", "release"]
            // A static SDK links everything statically; otherwise only the Swift runtime and Foundation are.
            command += swiftSDK.map { ["--swift-sdk", $0] } ?? ["--static-swift-stdlib"]
            return try PackagingProcess.run("/usr/bin/env", command + arguments)
        }
        if !skipBuild {
            for product in products { _ = try swiftBuild(["--product", product]) }
        }
        let binaries = try swiftBuild(["--show-bin-path"]).trimmingCharacters(in: .whitespacesAndNewlines)
        // Resource bundles (e.g. JobsAI's prompts) travel with every package.
        let bundles = try FileManager.default.contentsOfDirectory(atPath: binaries).filter {
            $0.hasSuffix(".resources")
        }
        .map { URL(fileURLWithPath: binaries).appendingPathComponent($0) }
        for product in products {
            let report = try FunctionPackager.package(
                executable: URL(fileURLWithPath: binaries).appendingPathComponent(product), name: product,
                output: URL(fileURLWithPath: output).appendingPathComponent("\(product).zip"),
                directory: zipOnly ? nil : URL(fileURLWithPath: output).appendingPathComponent(product),
                resourceBundles: bundles)
            print(report.summary)
        }
    }
}
