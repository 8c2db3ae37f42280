// swift-tools-version: 6.0
// The JobsAI package: two Lambda functions, their runtime client, and the offline stack that hosts them.
import PackageDescription

let package = Package(
    name: "JobsAI",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "lambda-emulator", targets: ["lambda-emulator"]),
        .executable(name: "APIFunction", targets: ["APIFunction"]),
        .executable(name: "WorkerFunction", targets: ["WorkerFunction"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
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
            name: "CLibZ", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(
            name: "CGumbo", pkgConfig: "gumbo", providers: [.apt(["libgumbo-dev"])]),
        // glibc's process-spawning extensions (behind _GNU_SOURCE) as plain C functions.
        .target(name: "CSpawn"),
        // renameat2's atomic exchange (behind _GNU_SOURCE) as a plain C function.
        .target(name: "CFileExchange"),

        // Foundations shared by the functions and the emulator.
        // Small building blocks shared by the functions and the emulator, with no dependencies: one JSON value,
        // XML reading.
        .target(name: "BuildingBlocks"),
        .target(name: "ClockTestSupport", dependencies: ["BuildingBlocks"]),
        // One SQLite connection type (statement cache, transactions, savepoints, busy timeout) for LocalDynamo
        // and the emulator's stores.
        .target(name: "SQLiteSupport", dependencies: ["CSQLite", .product(name: "Logging", package: "swift-log")]),
        .target(
            name: "JSONLogging", dependencies: ["BuildingBlocks", .product(name: "Logging", package: "swift-log")]),
        .target(name: "CurlHTTP", dependencies: ["CCurl"]),
        .target(name: "AWSSignature", dependencies: ["BuildingBlocks", "COpenSSL"]),
        .target(
            name: "AWSClients",
            dependencies: [
                "BuildingBlocks", "CurlHTTP", "AWSSignature", .product(name: "Logging", package: "swift-log"),
            ]),
        .target(
            name: "LambdaRuntime",
            dependencies: [
                "BuildingBlocks", "CurlHTTP", "JSONLogging", .product(name: "Logging", package: "swift-log"),
            ]),

        // The offline stack.
        .target(
            name: "LocalDynamo",
            dependencies: [
                "AWSSignature", "BuildingBlocks", "SQLiteSupport", "JSONLogging",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]),
        .target(
            name: "LocalS3",
            dependencies: [
                "AWSSignature", "BuildingBlocks", "CFileExchange", "COpenSSL", "JSONLogging",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "NIOHTTPTypesHTTP1", package: "swift-nio-extras"),
            ]),
        .target(
            name: "LambdaRuntimeEmulator",
            dependencies: [
                "BuildingBlocks", "LocalDynamo", "LocalS3", "SQLiteSupport", "CSpawn", "JSONLogging", "LambdaRuntime",
                "AWSSignature",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
        .executableTarget(
            name: "lambda-emulator",
            dependencies: [
                "BuildingBlocks", "LambdaRuntimeEmulator", "LocalDynamo", "LocalS3", "JSONLogging", "FixtureBoards",
                "AWSSignature",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]),

        // The product. The core is the domain and knows nothing of AWS, HTTP or HTML; adapters implement its
        // protocols. No NIO or Hummingbird in any of these.
        .target(
            name: "JobsAI",
            dependencies: [
                "BuildingBlocks", "CLibZ", .product(name: "Logging", package: "swift-log"),
            ]),
        // DynamoDB job store and rate limiter, S3 documents and links, the Lambda worker invoker, health.
        .target(name: "JobsAIAWS", dependencies: ["JobsAI", "AWSClients"]),
        // The boards over HTTP with the HTML parser, and the OpenAI-compatible writer.
        .target(
            name: "JobsAILive",
            dependencies: ["BuildingBlocks", "JobsAI", "CurlHTTP", "CGumbo"],
            resources: [
                .embedInCode("Resources/Prompts/letter-system.txt"), .embedInCode("Resources/Prompts/letter-user.txt"),
                .embedInCode("Resources/Prompts/letter-repair.txt"), .embedInCode("Resources/Prompts/styles.txt"),
            ]),
        // In-memory doubles of the core's protocols, for tests and benchmarks; never linked by a function.
        .target(
            name: "JobsAITestSupport",
            dependencies: [
                "BuildingBlocks", "ClockTestSupport", "JobsAI", .product(name: "Logging", package: "swift-log"),
            ]),
        // Duunitori- and Jobly-like sites for tests, benchmarks and `lambda-emulator boards`.
        .target(
            name: "FixtureBoards",
            dependencies: [
                "BuildingBlocks", .product(name: "Logging", package: "swift-log"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]),
        .executableTarget(name: "echo-bootstrap", dependencies: ["LambdaRuntime"]),
        .executableTarget(name: "streaming-bootstrap", dependencies: ["LambdaRuntime"]),
        // The event sources sample (Fixtures/event-sources): a stream-triggered auditor and a bucket-triggered indexer.
        .executableTarget(name: "event-sources-sample", dependencies: ["LambdaRuntime", "AWSClients", "CurlHTTP"]),
        .executableTarget(
            name: "APIFunction",
            dependencies: [
                "JobsAI", "JobsAIAWS", "LambdaRuntime", "AWSClients", "CurlHTTP",
                .product(name: "Logging", package: "swift-log"),
            ]),
        .executableTarget(
            name: "WorkerFunction",
            dependencies: [
                "BuildingBlocks", "JobsAI", "JobsAIAWS", "JobsAILive", "LambdaRuntime", "AWSClients", "CurlHTTP",
                .product(name: "Logging", package: "swift-log"),
            ]),

        // Tests: one target per source target.
        .testTarget(
            name: "CurlHTTPTests",
            dependencies: [
                "CurlHTTP", "CCurl", "COpenSSL", .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            exclude: ["Fixtures"]),
        .testTarget(name: "AWSSignatureTests", dependencies: ["AWSSignature"], exclude: ["Fixtures"]),
        .testTarget(
            name: "AWSClientsTests", dependencies: ["AWSClients", "AWSSignature", "BuildingBlocks", "CurlHTTP"]),
        .testTarget(
            name: "JSONLoggingTests", dependencies: ["JSONLogging", .product(name: "Logging", package: "swift-log")]),
        .testTarget(name: "BuildingBlocksTests", dependencies: ["BuildingBlocks", "ClockTestSupport"]),
        .testTarget(
            name: "JobsAITests",
            dependencies: [
                "BuildingBlocks", "ClockTestSupport", "JobsAI", "JobsAIAWS", "JobsAILive", "JobsAITestSupport",
                "CurlHTTP", "FixtureBoards",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                "AWSClients", "LocalDynamo", .product(name: "Logging", package: "swift-log"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]),
        .testTarget(
            name: "LocalDynamoTests",
            dependencies: [
                "LocalDynamo", "SQLiteSupport", "BuildingBlocks", "ClockTestSupport",
                .product(name: "Logging", package: "swift-log"),
            ]),
        .testTarget(
            name: "LocalS3Tests",
            dependencies: [
                "LocalS3", "AWSSignature", "BuildingBlocks", "ClockTestSupport",
                .product(name: "NIOCore", package: "swift-nio"),
            ]),
        .testTarget(
            name: "LambdaRuntimeTests",
            dependencies: [
                "LambdaRuntime", "LambdaRuntimeEmulator", "CurlHTTP", .product(name: "Logging", package: "swift-log"),
            ]),
        .testTarget(
            name: "LambdaRuntimeEmulatorTests",
            dependencies: [
                "LambdaRuntimeEmulator", "LambdaRuntime", "LocalDynamo", "LocalS3",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]),
    ]
)
