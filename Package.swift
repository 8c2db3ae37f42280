// swift-tools-version: 6.0
// The JobsAI package: two Lambda functions, their runtime client, and the offline stack that hosts them.
import PackageDescription

let package = Package(
    name: "JobsAI",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "lambda-emulator", targets: ["lambda-emulator"]),
        .executable(name: "APIFunction", targets: ["APIFunction"]),
        .executable(name: "WorkerFunction", targets: ["WorkerFunction"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
    ],
    targets: [
        // System libraries: a modulemap and a shim header each; Debian packages named as providers.
        .systemLibrary(
            name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(
            name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(
            name: "COpenSSL", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(
            name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),

        // Foundations shared by the functions and the emulator.
        .target(name: "JSONLogging", dependencies: [.product(name: "Logging", package: "swift-log")]),
        .target(name: "CurlHTTP", dependencies: ["CCurl"]),
        .target(name: "AWSSignature", dependencies: ["COpenSSL"]),
        .target(
            name: "AWSClients",
            dependencies: [
                "CurlHTTP", "AWSSignature", .product(name: "Logging", package: "swift-log"),
            ]),
        .target(
            name: "LambdaRuntime",
            dependencies: ["CurlHTTP", "JSONLogging", .product(name: "Logging", package: "swift-log")]),

        // The offline stack.
        .target(
            name: "LocalDynamo",
            dependencies: [
                "AWSSignature", "CSQLite", "JSONLogging",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]),
        .target(
            name: "LocalS3",
            dependencies: [
                "AWSSignature", "COpenSSL", "JSONLogging",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]),
        .target(
            name: "LambdaRuntimeEmulator",
            dependencies: [
                "LocalDynamo", "LocalS3", "CSQLite", "JSONLogging", "LambdaRuntime",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
        .executableTarget(
            name: "lambda-emulator",
            dependencies: [
                "LambdaRuntimeEmulator", "LocalDynamo", "LocalS3", "JSONLogging", "FixtureBoards",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]),

        // The product: the domain and the two functions. No NIO or Hummingbird here.
        .target(
            name: "JobsAI",
            dependencies: [
                "AWSClients", "CurlHTTP", "CLibXML2",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            resources: [.copy("Resources/Prompts")]),
        // Duunitori- and Jobly-like sites for tests, benchmarks and `lambda-emulator boards`.
        .target(
            name: "FixtureBoards",
            dependencies: [
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]),
        .executableTarget(name: "echo-bootstrap", dependencies: ["LambdaRuntime"]),
        .executableTarget(name: "streaming-bootstrap", dependencies: ["LambdaRuntime"]),
        .executableTarget(
            name: "APIFunction", dependencies: ["JobsAI", "LambdaRuntime", "AWSClients", "JSONLogging"]),
        .executableTarget(
            name: "WorkerFunction",
            dependencies: ["JobsAI", "LambdaRuntime", "AWSClients", "JSONLogging"]),

        // Tests: one target per source target.
        .testTarget(
            name: "CurlHTTPTests",
            dependencies: [
                "CurlHTTP", "CCurl", "COpenSSL", .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]),
        .testTarget(name: "AWSSignatureTests", dependencies: ["AWSSignature"], exclude: ["Fixtures"]),
        .testTarget(name: "AWSClientsTests", dependencies: ["AWSClients", "AWSSignature", "CurlHTTP"]),
        .testTarget(name: "JSONLoggingTests", dependencies: ["JSONLogging"]),
        .testTarget(
            name: "JobsAITests",
            dependencies: [
                "JobsAI", "CurlHTTP", "FixtureBoards", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                "AWSClients", "LocalDynamo", .product(name: "Logging", package: "swift-log"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ]),
        .testTarget(name: "LocalDynamoTests", dependencies: ["LocalDynamo"]),
        .testTarget(
            name: "LocalS3Tests",
            dependencies: ["LocalS3", "AWSSignature", .product(name: "NIOCore", package: "swift-nio")]),
        .testTarget(name: "LambdaRuntimeTests", dependencies: ["LambdaRuntime", "LambdaRuntimeEmulator", "CurlHTTP"]),
        .testTarget(
            name: "LambdaRuntimeEmulatorTests",
            dependencies: [
                "LambdaRuntimeEmulator", "LambdaRuntime",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]),
    ]
)
