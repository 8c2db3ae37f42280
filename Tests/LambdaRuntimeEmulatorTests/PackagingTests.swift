import Foundation
import Testing

@testable import LambdaRuntimeEmulator

@Suite struct PackagingTests {
    static let ldd = """
        \tlinux-vdso.so.1 (0x00007ffc6c3e5000)
        \tlibcurl.so.4 => /lib/x86_64-linux-gnu/libcurl.so.4 (0x00007f0b1c9a3000)
        \tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f0b1c7c2000)
        \t/lib64/ld-linux-x86-64.so.2 (0x00007f0b1cd1e000)
        """

    @Test func lddOutputGivesTheLoaderAndEveryLibrary() throws {
        let parsed = try SharedLibraries.parse(lddOutput: Self.ldd)
        #expect(parsed.loader == "/lib64/ld-linux-x86-64.so.2")
        #expect(parsed.libraries.map(\.soname) == ["libcurl.so.4", "libc.so.6"])
        #expect(parsed.libraries.map(\.path).last == "/lib/x86_64-linux-gnu/libc.so.6")
    }

    @Test func staticExecutablesNeedNoLibrariesAndMissingOnesAreErrors() throws {
        let parsed = try SharedLibraries.parse(lddOutput: "\tnot a dynamic executable\n")
        #expect(parsed.loader == nil && parsed.libraries.isEmpty)
        #expect(throws: PackagingError.missingLibrary("libgone.so.1")) {
            try SharedLibraries.parse(lddOutput: "\tlibgone.so.1 => not found\n")
        }
    }

    @Test func librariesInASearchPathWinOverTheSystems() throws {
        // This test binary loads libcurl and, through it, libz; a copy of libz in a folder of our own must win.
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        let system = try SharedLibraries.of(executable: executable)
        let libz = try #require(system.libraries.first { $0.soname == "libz.so.1" })
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("libs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }  // a leftover temporary folder harms nothing
        try FileManager.default.copyItem(
            at: URL(fileURLWithPath: libz.path).resolvingSymlinksInPath(),
            to: folder.appendingPathComponent("libz.so.1"))
        let searched = try SharedLibraries.of(executable: executable, searchPaths: [folder.path])
        #expect(
            searched.libraries.first { $0.soname == "libz.so.1" }?.path
                == folder.appendingPathComponent("libz.so.1").path)
        #expect(searched.libraries.map(\.soname) == system.libraries.map(\.soname))
    }

    @Test func theLauncherExecsThroughTheBundledLoader() {
        let script = LauncherScript.text(binary: "APIFunction", loader: "ld-linux-x86-64.so.2")
        #expect(script.hasPrefix("#!/bin/sh\n"))
        #expect(script.contains(#"root="${LAMBDA_TASK_ROOT:-${0%/*}}""#))
        #expect(
            script.contains(
                #"exec "$root/lib/ld-linux-x86-64.so.2" --library-path "$root/lib" --argv0 "$root/bin/APIFunction" "#
                    + #""$root/bin/APIFunction" "$@""#))
        #expect(LauncherScript.text(binary: "F", loader: nil).contains(#"exec "$root/bin/F" "$@""#))
    }
}
