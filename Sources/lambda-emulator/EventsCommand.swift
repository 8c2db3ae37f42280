import ArgumentParser
import Foundation

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
    let directory: URL

    init(directory: String) {
        self.directory = URL(fileURLWithPath: directory, isDirectory: true).standardizedFileURL
    }

    func names() throws -> [String] {
        guard let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else {
            throw ValidationError("no sample event directory at \(directory.path)")
        }
        let prefix = directory.path + "/"
        return walker.compactMap { $0 as? URL }
            .filter { $0.pathExtension == "json" }
            .map { String($0.standardizedFileURL.deletingPathExtension().path.dropFirst(prefix.count)) }
            .sorted()
    }

    func contents(of name: String) throws -> Data {
        guard try names().contains(name) else {
            throw ValidationError("no sample event named '\(name)'; see `lambda-emulator events list`")
        }
        return try Data(contentsOf: directory.appendingPathComponent(name + ".json"))
    }
}
