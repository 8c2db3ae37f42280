import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The console page: files of the `console/` folder, read when asked (edit and reload), never from outside it.
struct StaticFiles {
    let directory: URL?
    let io: SerialIOThread

    /// The page loads only its own files and talks only to its own origin.
    static let contentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; "
        + "frame-ancestors 'none'; base-uri 'none'; form-action 'none'"

    func register(_ routes: ConsoleRoutes) {
        for path: RouterPath in ["/", "/**"] {
            routes.get(path) { request, _ in try await serve(request.uri.path) }
        }
    }

    func serve(_ requestPath: String) async throws -> Response {
        guard let directory else {
            throw ConsoleError.notFound(
                "the console's page was not found: run serve from the project folder or pass --console-dir")
        }
        guard let relative = Self.relativePath(requestPath) else {
            throw ConsoleError.notFound("no file at \(requestPath)")
        }
        let file = directory.appendingPathComponent(relative.isEmpty ? "index.html" : relative)
        let data = try await io.run { () -> Data? in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory), !isDirectory.boolValue
            else { return nil }
            return try Data(contentsOf: file)
        }
        guard let data else { throw ConsoleError.notFound("no file at \(requestPath)") }
        var headers = ConsoleResponses.baseHeaders
        headers[.contentType] = SiteContentTypes.forFile(file.lastPathComponent)
        headers[.cacheControl] = "no-cache"
        headers[HTTPField.Name("Content-Security-Policy")!] = Self.contentSecurityPolicy
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// The path below the folder, or nil for anything that could leave it (`..`, hidden names, bad escapes).
    static func relativePath(_ path: String) -> String? {
        guard let decoded = path.removingPercentEncoding else { return nil }
        let parts = decoded.split(separator: "/", omittingEmptySubsequences: true)
        guard parts.allSatisfy({ !$0.hasPrefix(".") && !$0.contains("\0") && !$0.contains("\\") }) else { return nil }
        return parts.joined(separator: "/")
    }
}
