import Foundation
import ZIPFoundation

/// Packs one built executable into a Lambda zip: `bootstrap` (the launcher), `bin/<name>`, and under `lib/`
/// every shared library `ldd` lists, the C library and the dynamic loader included.
public enum FunctionPackager {
    /// What a package holds.
    public struct Report: Sendable, Equatable {
        public var zip: URL
        public var zipBytes: Int
        /// Entry path → uncompressed size, sorted by path.
        public var entries: [String: Int]

        /// One line per entry, then the total, for the CLI.
        public var summary: String {
            var lines = ["\(zip.path): \(zipBytes) bytes zipped"]
            for (path, size) in entries.sorted(by: { $0.key < $1.key }) { lines.append("  \(size)\t\(path)") }
            lines.append("  \(entries.values.reduce(0, +))\ttotal unzipped")
            return lines.joined(separator: "\n")
        }
    }

    /// Writes `output` (replacing it) from `executable`, named `name` inside the package; with `directory`, the
    /// same files also replace that folder (what `sam deploy` zips for a `CodeUri` folder).
    /// `resourceBundles` (SwiftPM's `<Package>_<Target>.resources` folders) go beside the binary and beside the
    /// loader: `Bundle.main` is the folder of the process's executable, which is the loader when it runs the binary.
    /// A library found in `librarySearchPaths` is packed instead of the system's (a minimal libcurl).
    public static func package(
        executable: URL, name: String, output: URL, directory: URL? = nil, resourceBundles: [URL] = [],
        librarySearchPaths: [String] = []
    ) throws -> Report {
        let fileManager = FileManager.default
        guard fileManager.isExecutableFile(atPath: executable.path) else {
            throw PackagingError.missingExecutable(executable.path)
        }
        let libraries = try SharedLibraries.of(executable: executable.path, searchPaths: librarySearchPaths)
        let scratch = ScratchDirectory(prefix: "lambda-package")
        defer { scratch.remove() }
        let staging = scratch.url
        try fileManager.createDirectory(at: staging.appendingPathComponent("bin"), withIntermediateDirectories: true)
        try fileManager.createDirectory(at: staging.appendingPathComponent("lib"), withIntermediateDirectories: true)

        var files = ["bootstrap", "bin/\(name)"]
        try copy(executable, to: staging.appendingPathComponent("bin/\(name)"), mode: 0o755)
        try stripSymbols(
            of: staging.appendingPathComponent("bin/\(name)"),
            keepingDebugInfoIn: output.deletingPathExtension().appendingPathExtension("debug"))
        var loaderName: String?
        if let loader = libraries.loader {
            let fileName = URL(fileURLWithPath: loader).lastPathComponent
            try copy(URL(fileURLWithPath: loader), to: staging.appendingPathComponent("lib/\(fileName)"), mode: 0o755)
            files.append("lib/\(fileName)")
            loaderName = fileName
        }
        for library in libraries.libraries where !files.contains("lib/\(library.soname)") {
            let target = staging.appendingPathComponent("lib/\(library.soname)")
            try copy(URL(fileURLWithPath: library.path), to: target, mode: 0o644)
            // The symbols a loader needs stay; the rest only helps a debugger, which never runs on Lambda.
            if fileManager.isExecutableFile(atPath: strip) {
                _ = try PackagingProcess.run(strip, ["--strip-unneeded", target.path])
            }
            files.append("lib/\(library.soname)")
        }
        for bundle in resourceBundles {
            for folder in ["bin", "lib"] {
                let target = staging.appendingPathComponent("\(folder)/\(bundle.lastPathComponent)")
                try fileManager.copyItem(at: bundle.resolvingSymlinksInPath(), to: target)
                files += try filesBelow(target, relativeTo: staging)
            }
        }
        let launcher = staging.appendingPathComponent("bootstrap")
        try Data(LauncherScript.text(binary: name, loader: loaderName).utf8).write(to: launcher)
        try fileManager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: launcher.path)

        try fileManager.removeItemIfPresent(at: output)
        try fileManager.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
        let archive = try Archive(url: output, accessMode: .create)
        var entries: [String: Int] = [:]
        for file in files.sorted() {
            try archive.addEntry(with: file, relativeTo: staging, compressionMethod: .deflate)
            let size = try fileManager.attributesOfItem(atPath: staging.appendingPathComponent(file).path)[.size]
            entries[file] = (size as? NSNumber)?.intValue ?? 0
        }
        if let directory {
            try fileManager.removeItemIfPresent(at: directory)
            try fileManager.copyItem(at: staging, to: directory)
        }
        let zipBytes = (try fileManager.attributesOfItem(atPath: output.path)[.size] as? NSNumber)?.intValue ?? 0
        let largest = entries.sorted { $0.value > $1.value }.map { "\($0.key) (\($0.value / 1_000_000) MB)" }
        if zipBytes > zipLimit {
            throw PackagingError.tooLarge(function: name, bytes: zipBytes, limit: zipLimit, largest: largest)
        }
        let unzipped = entries.values.reduce(0, +)
        if unzipped > unzippedLimit {
            throw PackagingError.tooLarge(function: name, bytes: unzipped, limit: unzippedLimit, largest: largest)
        }
        return Report(zip: output, zipBytes: zipBytes, entries: entries)
    }

    /// Lambda's limits: a zip uploaded directly, and a function's unzipped code.
    public static let zipLimit = 50 * 1_000_000
    public static let unzippedLimit = 250 * 1_000_000

    static let strip = "/usr/bin/strip"
    static let objcopy = "/usr/bin/objcopy"

    /// Moves the binary's debug information into `debugFile` (for `gdb`/`lldb` with the package's core dumps)
    /// and strips it, leaving a debug link; symbols are of no use on Lambda and are most of the binary.
    static func stripSymbols(of binary: URL, keepingDebugInfoIn debugFile: URL) throws {
        let fileManager = FileManager.default
        guard fileManager.isExecutableFile(atPath: strip) else { return }
        if fileManager.isExecutableFile(atPath: objcopy) {
            if fileManager.fileExists(atPath: debugFile.path) { try fileManager.removeItem(at: debugFile) }
            try fileManager.createDirectory(
                at: debugFile.deletingLastPathComponent(), withIntermediateDirectories: true)
            _ = try PackagingProcess.run(objcopy, ["--only-keep-debug", binary.path, debugFile.path])
        }
        _ = try PackagingProcess.run(strip, ["--strip-all", binary.path])
        if fileManager.fileExists(atPath: debugFile.path) {
            _ = try PackagingProcess.run(objcopy, ["--add-gnu-debuglink=\(debugFile.path)", binary.path])
        }
    }

    /// The regular files under `folder`, as paths relative to `root`.
    static func filesBelow(_ folder: URL, relativeTo root: URL) throws -> [String] {
        let base = root.standardizedFileURL.path + "/"
        var found: [String] = []
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        for case let relative as String in walker {
            let path = folder.appendingPathComponent(relative).standardizedFileURL.path
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                found.append(String(path.dropFirst(base.count)))
            }
        }
        return found
    }

    /// Copies the file a path resolves to (a library's soname is usually a symlink) and sets its mode.
    static func copy(_ source: URL, to destination: URL, mode: Int) throws {
        try FileManager.default.copyItem(at: source.resolvingSymlinksInPath(), to: destination)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: destination.path)
    }
}
