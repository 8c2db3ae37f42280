import BuildingBlocks
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// `…/2019-09-25/functions/{name}/event-invoke-config`: Put (replace), Update (merge), Get, Delete and List of a
/// function's asynchronous invocation settings, in the shapes boto3 sends and reads.
enum EventInvokeConfigRoute {
    static func register(on router: Router<BasicRequestContext>, emulator: LambdaEmulator) {
        let path = "/2019-09-25/functions/:name/event-invoke-config"
        router.put(RouterPath(path)) { request, context in
            await respond { () async throws(InvokeAPIError) in
                try await write(request, context: context, emulator: emulator, merging: false)
            }
        }
        router.post(RouterPath(path)) { request, context in
            await respond { () async throws(InvokeAPIError) in
                try await write(request, context: context, emulator: emulator, merging: true)
            }
        }
        router.get(RouterPath(path)) { request, context in
            await respond { () async throws(InvokeAPIError) in
                let function = try resolve(request, context: context, emulator: emulator)
                guard let config = await emulator.eventInvokeConfigs.config(for: function.name) else {
                    throw missing(function)
                }
                return json(document(config, function: function))
            }
        }
        router.get(RouterPath(path + "/list")) { request, context in
            await respond { () async throws(InvokeAPIError) in
                let function = try resolve(request, context: context, emulator: emulator)
                // Only $LATEST exists, so the list holds its configuration or nothing (no NextMarker).
                let config = await emulator.eventInvokeConfigs.config(for: function.name)
                let items = config.map { String(decoding: document($0, function: function), as: UTF8.self) }
                return json(Array(#"{"FunctionEventInvokeConfigs":[\#(items ?? "")]}"#.utf8))
            }
        }
        router.delete(RouterPath(path)) { request, context in
            await respond { () async throws(InvokeAPIError) in
                let function = try resolve(request, context: context, emulator: emulator)
                guard await emulator.eventInvokeConfigs.delete(for: function.name) else { throw missing(function) }
                return Response(status: .noContent)
            }
        }
    }

    private static func respond(_ body: () async throws(InvokeAPIError) -> Response) async -> Response {
        do {
            return try await body()
        } catch {
            return InvokeOperation.errorResponse(error)
        }
    }

    private static func resolve(_ request: Request, context: BasicRequestContext, emulator: LambdaEmulator)
        throws(InvokeAPIError) -> FunctionConfiguration
    {
        let raw = context.parameters.get("name") ?? ""
        let qualifier = request.uri.queryParameters["Qualifier"].map { String($0) }
        return try emulator.resolve(raw.removingPercentEncoding ?? raw, qualifier: qualifier).function
    }

    private static func write(
        _ request: Request, context: BasicRequestContext, emulator: LambdaEmulator, merging: Bool
    ) async throws(InvokeAPIError) -> Response {
        let function = try resolve(request, context: context, emulator: emulator)
        let body: [UInt8]
        do {
            (body, _) = try await RequestBodies.collect(request.body, keepingAtMost: 1 << 16)
        } catch {
            throw .invalidContent("Could not read the request body")
        }
        let existing = merging ? await emulator.eventInvokeConfigs.config(for: function.name) : nil
        var config = try EventInvokeConfigRequest.parse(
            body, over: existing ?? EventInvokeConfig(), knownFunctions: Set(emulator.functions.keys))
        config.lastModified = Date()
        await emulator.eventInvokeConfigs.put(config, for: function.name)
        return json(document(config, function: function))
    }

    private static func missing(_ function: FunctionConfiguration) -> InvokeAPIError {
        InvokeAPIError(
            status: 404, code: "ResourceNotFoundException",
            message: "The function \(function.arn):$LATEST doesn't have an EventInvokeConfig")
    }

    /// `FunctionEventInvokeConfig`: unset destinations are empty objects, as Lambda returns them.
    static func document(_ config: EventInvokeConfig, function: FunctionConfiguration) -> [UInt8] {
        let modified = (config.lastModified.timeIntervalSince1970 * 1000).rounded() / 1000
        var text = #"{"LastModified":\#(modified),"FunctionArn":\#(JSONText.quote(function.arn + ":$LATEST"))"#
        if let retries = config.maximumRetryAttempts { text += #","MaximumRetryAttempts":\#(retries)"# }
        if let age = config.maximumEventAgeInSeconds { text += #","MaximumEventAgeInSeconds":\#(age)"# }
        func destination(_ arn: String?) -> String {
            arn.map { #"{"Destination":\#(JSONText.quote($0))}"# } ?? "{}"
        }
        text += #","DestinationConfig":{"OnSuccess":\#(destination(config.onSuccess))"#
        text += #","OnFailure":\#(destination(config.onFailure))}}"#
        return Array(text.utf8)
    }

    private static func json(_ bytes: [UInt8]) -> Response {
        Response(
            status: .ok, headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
