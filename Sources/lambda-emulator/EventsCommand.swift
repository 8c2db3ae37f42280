import ArgumentParser
import Foundation
import LambdaRuntimeEmulator

/// `lambda-emulator events`.
struct Events: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List, show and generate sample events.",
        subcommands: [List.self, Show.self, GenerateEvent.self])

    /// `events list`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the sample events.")

        @Option(help: "Directory of sample events.")
        var directory = "events"

        func run() async throws {
            for name in try SampleEvents(directory: directory).names() { print(name) }
        }
    }

    /// `events show NAME`.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print one sample event.")

        @Argument(help: "The event's name, as `events list` prints it.")
        var name: String

        @Option(help: "Directory of sample events.")
        var directory = "events"

        func run() async throws {
            FileHandle.standardOutput.write(try SampleEvents(directory: directory).contents(of: name))
        }
    }
}

/// The `*.json` files of the sample event directory, named by relative path without the extension.
struct SampleEvents {
    let catalog: SampleEventCatalog

    init(directory: String) {
        catalog = SampleEventCatalog(directory: URL(fileURLWithPath: directory, isDirectory: true))
    }

    func names() throws -> [String] {
        do {
            return try catalog.names()
        } catch {
            throw ValidationError("no sample event directory at \(catalog.directory.path)")
        }
    }

    func contents(of name: String) throws -> Data {
        guard let data = try catalog.contents(of: name) else {
            throw ValidationError("no sample event named '\(name)'; see `lambda-emulator events list`")
        }
        return data
    }
}
