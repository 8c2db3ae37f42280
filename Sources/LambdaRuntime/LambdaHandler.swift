#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// What a handler hands back: the bytes for `/response` and their content type.
public struct LambdaResponse: Sendable, Equatable {
    public var body: [UInt8]
    public var contentType: String

    public init(body: [UInt8], contentType: String = "application/json") {
        self.body = body
        self.contentType = contentType
    }
}

/// The primitive every handler reduces to: event bytes in, response bytes out.
public protocol ByteLambdaHandler: Sendable {
    func handle(_ event: [UInt8], context: LambdaContext) async throws -> LambdaResponse
}

/// A handler working on `Codable` values; `CodableLambdaAdapter` turns it into a `ByteLambdaHandler`.
public protocol LambdaHandler: Sendable {
    associatedtype Event: Decodable & Sendable
    associatedtype Output: Encodable & Sendable
    func handle(_ event: Event, context: LambdaContext) async throws -> Output
}

/// Decodes the event as JSON, calls the typed handler, encodes its output as JSON.
public struct CodableLambdaAdapter<Handler: LambdaHandler>: ByteLambdaHandler {
    public let handler: Handler

    public init(_ handler: Handler) {
        self.handler = handler
    }

    public func handle(_ event: [UInt8], context: LambdaContext) async throws -> LambdaResponse {
        let decoded: Handler.Event
        do {
            decoded = try JSONDecoder().decode(Handler.Event.self, from: Data(event))
        } catch {
            throw LambdaFunctionError.unmarshal(String(describing: error))
        }
        let output = try await handler.handle(decoded, context: context)
        do {
            return LambdaResponse(body: Array(try JSONEncoder().encode(output)))
        } catch {
            throw LambdaFunctionError.marshal(String(describing: error))
        }
    }
}

/// A byte handler made from a closure.
public struct ClosureByteHandler: ByteLambdaHandler {
    let body: @Sendable ([UInt8], LambdaContext) async throws -> LambdaResponse

    public init(_ body: @escaping @Sendable ([UInt8], LambdaContext) async throws -> LambdaResponse) {
        self.body = body
    }

    public func handle(_ event: [UInt8], context: LambdaContext) async throws -> LambdaResponse {
        try await body(event, context)
    }
}

/// A typed handler made from a closure.
public struct ClosureLambdaHandler<Event: Decodable & Sendable, Output: Encodable & Sendable>: LambdaHandler {
    let body: @Sendable (Event, LambdaContext) async throws -> Output

    public init(_ body: @escaping @Sendable (Event, LambdaContext) async throws -> Output) {
        self.body = body
    }

    public func handle(_ event: Event, context: LambdaContext) async throws -> Output {
        try await body(event, context)
    }
}
