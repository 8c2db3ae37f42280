import Foundation

/// The shared libraries a dynamically linked executable loads, as `ldd` lists them.
public struct SharedLibraries: Sendable, Equatable {
    /// The dynamic loader (`/lib64/ld-linux-x86-64.so.2`); nil for a static executable.
    public var loader: String?
    /// Soname → the file the build machine resolves it to, in `ldd` order (the loader excluded).
    public var libraries: [(soname: String, path: String)]

    public static func == (lhs: SharedLibraries, rhs: SharedLibraries) -> Bool {
        lhs.loader == rhs.loader && lhs.libraries.map(\.soname) == rhs.libraries.map(\.soname)
            && lhs.libraries.map(\.path) == rhs.libraries.map(\.path)
    }

    /// Parses `ldd` output. `linux-vdso.so.1` (in the kernel) is skipped; an unresolved library
    /// (`libx.so => not found`) is an error, since the package would not start.
    public static func parse(lddOutput: String) throws(PackagingError) -> SharedLibraries {
        var result = SharedLibraries(loader: nil, libraries: [])
        for rawLine in lddOutput.split(separator: "\n") {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.contains("statically linked") || line.contains("not a dynamic executable") {
                continue
            }
            if let arrow = line.range(of: " => ") {
                let soname = String(line[..<arrow.lowerBound])
                let target = line[arrow.upperBound...]
                if target.hasPrefix("not found") { throw .missingLibrary(soname) }
                guard let path = target.split(separator: " ").first, path.hasPrefix("/") else { continue }
                result.libraries.append((soname, String(path)))
            } else if let path = line.split(separator: " ").first, path.hasPrefix("/") {
                result.loader = String(path)
            }
        }
        return result
    }

    /// Runs `ldd` on `executable`; libraries found in `searchPaths` (first) win over the system's, as with
    /// `LD_LIBRARY_PATH`.
    public static func of(executable: String, searchPaths: [String] = []) throws -> SharedLibraries {
        let environment = searchPaths.isEmpty ? [] : ["LD_LIBRARY_PATH=" + searchPaths.joined(separator: ":")]
        let output = try PackagingProcess.run(
            "/usr/bin/env", environment + ["/usr/bin/ldd", executable], allowFailure: true)
        return try parse(lddOutput: output)
    }
}
