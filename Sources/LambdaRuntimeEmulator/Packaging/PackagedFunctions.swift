import Foundation
import ZIPFoundation

/// Functions run from their packages, as Lambda runs them: each `<CodeUri>.zip` (what `package` writes beside
/// the build layout, `.build/lambda/<Function>.zip`) unzipped into a fresh temporary directory that becomes
/// its code directory. A package that still needs something from the build tree fails here first.
public struct PackagedFunctions: Sendable {
    public let functions: [FunctionConfiguration]
    /// The directory holding every unzipped package; `remove()` deletes it.
    public var root: URL { scratch.url }
    private let scratch: ScratchDirectory

    init(functions: [FunctionConfiguration], scratch: ScratchDirectory) {
        self.functions = functions
        self.scratch = scratch
    }

    /// The zip a function's code directory is packaged as: the directory's path plus `.zip`.
    public static func packagePath(for function: FunctionConfiguration) -> URL {
        let directory = function.codeDirectory.standardizedFileURL.path
        let trimmed = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        return URL(fileURLWithPath: trimmed + ".zip")
    }

    public static func unpack(_ functions: [FunctionConfiguration]) throws -> PackagedFunctions {
        let fileManager = FileManager.default
        let scratch = ScratchDirectory(prefix: "lambda-packaged")
        let root = scratch.url
        var unpacked: [FunctionConfiguration] = []
        do {
            for function in functions {
                let zip = packagePath(for: function)
                guard fileManager.fileExists(atPath: zip.path) else {
                    throw PackagingError.missingPackage(function: function.name, path: zip.path)
                }
                let directory = root.appendingPathComponent(function.name)
                try fileManager.createDirectory(at: directory, withIntermediateDirectories: true)
                try fileManager.unzipItem(at: zip, to: directory)
                var copy = function
                copy.codeDirectory = directory
                unpacked.append(copy)
            }
        } catch {
            scratch.remove()
            throw error
        }
        return PackagedFunctions(functions: unpacked, scratch: scratch)
    }

    public func remove() { scratch.remove() }
}
