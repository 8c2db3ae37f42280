import ArgumentParser
import Foundation
import LambdaRuntimeEmulator

/// `lambda-emulator package`: release builds with the static Swift standard library (in their own build folder),
/// each packed with the shared libraries it loads into `.build/lambda/<Function>.zip`, then started once.
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

    @Option(
        name: .customLong("scratch-path"),
        help: "Build folder for the packages, kept apart from .build so packaging never relinks the development build.")
    var scratchPath = ".build-lambda"

    @Flag(
        name: .customLong("no-start-check"),
        help:
            "Do not run each package's bootstrap once with only Lambda's variables (for packages built for another machine)."
    )
    var noStartCheck = false

    @Option(
        name: .customLong("library-path"),
        help: ArgumentHelp(
            "A folder whose shared libraries are packed instead of the system's (repeatable).",
            discussion: "Default: .build-deps/libcurl/lib when it exists, the HTTP-and-HTTPS-only libcurl that "
                + "scripts/build-libcurl.sh (run by make deps) builds; pass an empty value for the system's."))
    var libraryPaths: [String] = []

    @Flag(
        name: .customLong("zip-only"),
        help: "Write only the zips; by default <output>/<Function>/ also receives the package's files (sam deploy).")
    var zipOnly = false

    func run() async throws {
        func swiftBuild(_ arguments: [String]) throws -> String {
            var command = [swift, "build", "-c", "release", "--scratch-path", scratchPath]
            // A static SDK links everything statically; otherwise only the Swift runtime and Foundation are.
            command += swiftSDK.map { ["--swift-sdk", $0] } ?? ["--static-swift-stdlib"]
            return try PackagingProcess.run("/usr/bin/env", command + arguments)
        }
        if !skipBuild {
            for product in products { _ = try swiftBuild(["--product", product]) }
        }
        let binaries = URL(
            fileURLWithPath: try swiftBuild(["--show-bin-path"]).trimmingCharacters(in: .whitespacesAndNewlines))
        let bundles = try FileManager.default.contentsOfDirectory(atPath: binaries.path).filter {
            $0.hasSuffix(".resources")
        }
        .map { binaries.appendingPathComponent($0) }
        let logger = EmulatorLogging.bootstrap()
        let searchPaths = librarySearchPaths()
        if !searchPaths.isEmpty { print("libraries from \(searchPaths.joined(separator: ", ")) win over the system's") }
        for product in products {
            let executable = binaries.appendingPathComponent(product)
            let folder = URL(fileURLWithPath: output).appendingPathComponent(product)
            let report = try FunctionPackager.package(
                executable: executable, name: product,
                output: URL(fileURLWithPath: output).appendingPathComponent("\(product).zip"),
                directory: zipOnly ? nil : folder,
                resourceBundles: try ResourceBundles.used(by: executable, among: bundles),
                librarySearchPaths: searchPaths)
            print(report.summary)
            if !noStartCheck && !zipOnly {
                try await PackageStartCheck.verify(function: product, directory: folder, logger: logger)
                print("  \(product): starts with only Lambda's variables set")
            }
        }
    }

    /// The `--library-path` folders (absolute, empty values dropped), else the minimal libcurl's when built.
    func librarySearchPaths() -> [String] {
        let given =
            libraryPaths.isEmpty
            ? [Self.minimalLibcurl].filter { FileManager.default.fileExists(atPath: $0) } : libraryPaths
        return given.filter { !$0.isEmpty }.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
    }

    static let minimalLibcurl = ".build-deps/libcurl/lib"
}
