import ArgumentParser
import FixtureBoards
import Foundation
import LambdaRuntimeEmulator
import Logging

/// `lambda-emulator boards`: the Duunitori- and Jobly-like fixture boards standalone.
struct Boards: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the fixture job boards (Duunitori-like under /duunitori, Jobly-like under /jobly).")

    @Option(help: "Address to bind.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on; 0 picks a free one. The bound port is printed as one JSON line.")
    var port = 3002

    @Option(help: "Folder of the reference fixture pages (default: ./Fixtures/jobboards when present).")
    var fixtures: String?

    @Option(help: "Listings in the generated corpus.")
    var listings = 600

    @Option(help: "Serve the listings of DIR/listings.json instead of the generated corpus (e.g. Fixtures/ranking).")
    var corpus: String?

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard (1...100_000).contains(listings) else { throw ValidationError("--listings must be 1...100000") }
    }

    func run() async throws {
        let logger = EmulatorLogging.bootstrap()
        let shutdown = ShutdownSignal.listen()
        let boards = try await ServedBoards.start(
            host: host, port: port, fixtures: fixtures.map { URL(fileURLWithPath: $0) }, listings: listings,
            corpus: corpus.map { URL(fileURLWithPath: $0) }, logger: logger)
        FileHandle.standardOutput.write(Data("{\"boards\":\(boards.port)}\n".utf8))
        await shutdown.wait()
        await boards.stop()
    }
}

/// Fixture boards running in a task beside the emulator, and the variables that point functions at them.
struct ServedBoards {
    let port: Int
    private let task: Task<Void, Never>

    static func start(
        host: String, port: Int, fixtures: URL? = nil, listings: Int = 600, corpus: URL? = nil, logger: Logger
    ) async throws -> ServedBoards {
        let served = try corpus.map { try FixtureCorpus(directory: $0) } ?? FixtureCorpus(size: listings)
        let site = FixtureBoardsSite(corpus: served, fixtures: fixtures ?? FixtureBoardsServer.defaultFixtures())
        let server = FixtureBoardsServer(site: site, host: host, port: port)
        var quiet = logger
        quiet.logLevel = .warning
        let logger = quiet
        let (ready, announce) = AsyncStream<Int?>.makeStream()
        let task = Task {
            do {
                try await server.run(logger: logger) { announce.yield($0) }
            } catch {
                logger.error("fixture boards stopped", metadata: ["error": "\(error)"])
            }
            announce.yield(nil)
            announce.finish()
        }
        for await bound in ready {
            guard let bound else { break }
            return ServedBoards(port: bound, task: task)
        }
        task.cancel()
        throw ValidationError("the fixture boards did not start (is port \(port) in use?)")
    }

    /// `serve`'s boards: an explicit port must bind; the default port (3002) is skipped with a warning
    /// when something else holds it, so a second `serve` still starts.
    static func start(host: String, requestedPort: Int?, corpus: URL? = nil, logger: Logger) async throws
        -> ServedBoards?
    {
        guard requestedPort == nil else {
            return try await start(host: host, port: requestedPort ?? 0, corpus: corpus, logger: logger)
        }
        do {
            return try await start(host: host, port: 3002, corpus: corpus, logger: logger)
        } catch {
            logger.warning("fixture boards not started: port 3002 is busy (use --boards-port 0)")
            return nil
        }
    }

    /// Base URLs of both boards and no politeness delay (the boards are on this machine).
    var functionEnvironment: [String: String] {
        [
            "DUUNITORI_BASE_URL": "http://127.0.0.1:\(port)/duunitori",
            "JOBLY_BASE_URL": "http://127.0.0.1:\(port)/jobly",
            "SCRAPER_DELAY_SECONDS": "0",
        ]
    }

    /// Closes the boards and returns once they have.
    func stop() async {
        task.cancel()
        await task.value
    }
}

/// `serve`'s fixture boards, started by the stack after LocalDynamo and LocalS3.
struct BoardsCompanion: LocalStackCompanion {
    let requestedPort: Int?
    let corpus: URL?

    var name: String { "boards" }

    func start(host: String, logger: Logger) async throws -> StartedCompanion? {
        guard
            let boards = try await ServedBoards.start(
                host: host, requestedPort: requestedPort, corpus: corpus, logger: logger)
        else { return nil }
        return StartedCompanion(port: boards.port, functionEnvironment: boards.functionEnvironment) {
            await boards.stop()
        }
    }
}
