import AWSSignature
import BuildingBlocks
import CurlHTTP

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A request to an AWS service before signing: the path is already percent-encoded as sent on the wire.
struct AWSRequest: Sendable {
    var method: HTTPMethod
    /// The base URL to send to (scheme and authority, no trailing slash).
    var endpoint: String
    var path: String
    var query: [(name: String, value: String)] = []
    var headers: [(name: String, value: String)] = []
    var body: HTTPRequestBody = .none
    /// The cap on a body read into memory (nil: none, for object reads the caller sized).
    var maximumResponseBytes: Int? = HTTPRequest.defaultMaximumResponseBytes
}

/// Signs requests for one service, sends them over CurlHTTP, and retries what may succeed on another try.
struct AWSTransport: Sendable {
    let http: any HTTPExecuting
    let configuration: AWSConfiguration
    let service: AWSService
    /// The signing time; injected for tests.
    let now: @Sendable () -> Date
    let sleep: @Sendable (Duration) async throws -> Void
    /// Turns an error answer into a typed error; each protocol reads its own error shape.
    let decodeError: @Sendable (HTTPResponse) -> AWSClientError

    var signer: SigV4Signer {
        SigV4Signer(credentials: configuration.credentials, region: configuration.region, service: service.signingName)
    }

    /// Sends the request, retrying throttling, 5xx and broken connections per the configuration's policy.
    /// A non-2xx answer becomes a thrown `AWSClientError`; a 2xx answer is returned.
    func send(_ request: AWSRequest, into destination: HTTPResponseDestination = .memory) async throws(AWSClientError)
        -> HTTPResponse
    {
        let payloadHash = try Self.payloadHash(of: request.body)
        return try await configuration.retryPolicy.run { (delay: Duration) throws(AWSClientError) in
            do { try await sleep(delay) } catch { throw .transport(.cancelled) }
        } _: { (_: Int) throws(AWSClientError) -> RetryPolicy.Decision<HTTPResponse, AWSClientError> in
            let outcome: Result<HTTPResponse, AWSClientError>
            do {
                let response = try await http.execute(try signed(request, payloadHash: payloadHash), into: destination)
                outcome = response.isSuccess ? .success(response) : .failure(decodeError(response))
            } catch let error as HTTPClientError {
                outcome = .failure(.transport(error))
            } catch let error as AWSClientError {
                outcome = .failure(error)
            } catch {
                outcome = .failure(.invalidRequest("\(error)"))
            }
            if case .failure(let error) = outcome, error.isRetryable { return .retry(outcome) }
            return .finish(outcome)
        }
    }

    /// The request with SigV4 headers, as CurlHTTP sends it.
    func signed(_ request: AWSRequest, payloadHash: String) throws(AWSClientError) -> HTTPRequest {
        let host = Self.authority(of: request.endpoint)
        var headers = request.headers
        headers.append(("Host", host))
        let signable = SignableRequest(
            method: request.method.rawValue, path: request.path, query: request.query, headers: headers)
        let signedRequest: SignedRequest
        do {
            signedRequest = try signer.sign(signable, payloadHash: payloadHash, date: now())
        } catch {
            throw .invalidRequest("could not sign the request: \(error)")
        }
        let query = request.query.isEmpty ? "" : "?" + QueryString.encode(request.query)
        return HTTPRequest(
            method: request.method, url: request.endpoint + request.path + query,
            headers: HTTPHeaders(signedRequest.headers.map { ($0.name, $0.value) }), body: request.body,
            connectTimeout: .seconds(10), timeout: .seconds(120), maximumResponseBytes: request.maximumResponseBytes)
    }

    /// The hex SHA-256 of the body; a file is hashed in chunks, never read whole.
    static func payloadHash(of body: HTTPRequestBody) throws(AWSClientError) -> String {
        switch body {
        case .none: return Digest.emptySHA256Hex
        case .bytes(let bytes): return Digest.sha256Hex(bytes)
        case .data(let data): return Digest.sha256Hex(data)
        case .file(let path):
            let hasher = DigestHasher(.sha256)
            guard FileChunks.forEachChunk(of: path, { hasher.update($0) }) else {
                throw .invalidRequest("cannot read \(path)")
            }
            return hasher.finalizeHex()
        }
    }

    /// `host[:port]` of a base URL, the value of the `Host` header curl sends for it.
    static func authority(of endpoint: String) -> String {
        let withoutScheme = endpoint.split(separator: "/", omittingEmptySubsequences: true).dropFirst().first
        return withoutScheme.map(String.init) ?? endpoint
    }
}
