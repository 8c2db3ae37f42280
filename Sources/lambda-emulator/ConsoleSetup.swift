import ArgumentParser
import Foundation
import LambdaRuntimeEmulator

/// `serve`'s console options, and the console configuration made from them.
struct ConsoleOptions: ParsableArguments {
    @Option(
        name: .customLong("console-port"),
        help: "Console port (default 3003, skipped with a warning when busy; 0 picks a free one).")
    var port: Int?

    @Flag(name: .customLong("no-console"), help: "Serve no console and record no invocations.")
    var disabled = false

    @Option(name: .customLong("console-history"), help: "Invocations the console keeps (the newest).")
    var history = 1000

    @Option(
        name: .customLong("console-dir"),
        help:
            "The console's page (default: ./console, else the console folder of the checkout the binary was built in).")
    var directory: String?

    @Option(
        name: .customLong("events-dir"),
        help: "Sample events the console offers (default: ./events, found as the page is).")
    var eventsDirectory: String?

    func validate() throws {
        guard history > 0 else { throw ValidationError("--console-history must be positive") }
    }

    /// The console `serve` runs; nil with `--no-console` (nothing is recorded).
    func configuration() throws -> LocalStackConfiguration.Console? {
        guard !disabled else { return nil }
        return LocalStackConfiguration.Console(
            port: port, historyCapacity: history,
            staticDirectory: try ConsoleSetup.locate("console", explicit: directory, marker: "index.html"),
            eventsDirectory: try ConsoleSetup.locate("events", explicit: eventsDirectory, marker: nil))
    }
}

/// Finds the console's folders: as given, in the working directory, or in the checkout the binary was built in
/// (`.build/<configuration>/lambda-emulator` lives three levels below it).
enum ConsoleSetup {
    static func locate(_ name: String, explicit: String?, marker: String?) throws -> URL? {
        let fileManager = FileManager.default
        func holds(_ folder: URL) -> Bool {
            var isDirectory: ObjCBool = false
            let path = marker.map { folder.appendingPathComponent($0).path } ?? folder.path
            return fileManager.fileExists(atPath: path, isDirectory: &isDirectory)
                && isDirectory.boolValue == (marker == nil)
        }
        if let explicit {
            let folder = URL(fileURLWithPath: explicit, isDirectory: true).standardizedFileURL
            guard holds(folder) else {
                throw ValidationError(
                    "--\(name == "console" ? "console-dir" : "events-dir") \(explicit) is not a \(name) folder")
            }
            return folder
        }
        var candidates = [URL(fileURLWithPath: fileManager.currentDirectoryPath, isDirectory: true)]
        let executable = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        var ancestor = executable.resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            ancestor.deleteLastPathComponent()
            candidates.append(ancestor)
        }
        return candidates.map { $0.appendingPathComponent(name, isDirectory: true).standardizedFileURL }.first(
            where: holds)
    }
}
