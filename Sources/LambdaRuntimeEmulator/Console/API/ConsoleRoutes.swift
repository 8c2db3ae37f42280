import Foundation
import HTTPTypes
import Hummingbird
import Synchronization

/// Registers the console's routes so that every one passes `ConsoleRequestGuard` first and turns a thrown
/// `ConsoleError` into its JSON answer.
struct ConsoleRoutes {
    typealias Handler = @Sendable (Request, BasicRequestContext) async throws -> Response

    let router: Router<BasicRequestContext>
    let requestGuard: ConsoleRequestGuard
    /// The bound port, known once the listener runs (0 until then: every request is refused).
    let port: BoundPort

    func on(_ path: RouterPath, method: HTTPRequest.Method, _ handler: @escaping Handler) {
        let requestGuard = requestGuard
        let port = port
        router.on(path, method: method) { request, context in
            let hosts = (request.head.authority.map { [$0] } ?? []) + request.headers[values: .hostHeader]
            if let refusal = requestGuard.refusal(
                hosts: hosts, origins: request.headers[values: .origin],
                fetchSite: request.headers[HTTPField.Name("Sec-Fetch-Site")!], port: port.value)
            {
                return ConsoleResponses.failure(.forbidden(refusal))
            }
            do {
                return try await handler(request, context)
            } catch let error as ConsoleError {
                return ConsoleResponses.failure(error)
            } catch {
                return ConsoleResponses.failure(.internal("\(error)"))
            }
        }
    }

    func get(_ path: RouterPath, _ handler: @escaping Handler) { on(path, method: .get, handler) }
    func post(_ path: RouterPath, _ handler: @escaping Handler) { on(path, method: .post, handler) }
    func delete(_ path: RouterPath, _ handler: @escaping Handler) { on(path, method: .delete, handler) }
}

/// A port learnt after the router was built.
final class BoundPort: Sendable {
    private let port = Mutex(0)

    var value: Int {
        get { port.withLock { $0 } }
        set { port.withLock { $0 = newValue } }
    }
}

extension Request {
    /// A query parameter, percent-decoded.
    func query(_ name: String) -> String? {
        uri.queryParameters[Substring(name)].map { String($0) }
    }

    /// A path parameter, percent-decoded.
    static func parameter(_ context: BasicRequestContext, _ name: String) -> String {
        let raw = context.parameters.get(name) ?? ""
        return raw.removingPercentEncoding ?? raw
    }

    /// The whole body, refused beyond `limit` bytes.
    func bodyBytes(limit: Int) async throws -> [UInt8] {
        let (bytes, total) = try await RequestBodies.collect(body, keepingAtMost: limit)
        guard total <= limit else { throw ConsoleError.badRequest("the body exceeds \(limit) bytes") }
        return bytes
    }
}

extension HTTPField.Name {
    /// `Host` as received: HTTP/1 servers move the first one into the request's authority, a second stays here.
    static let hostHeader = HTTPField.Name("Host")!
}
