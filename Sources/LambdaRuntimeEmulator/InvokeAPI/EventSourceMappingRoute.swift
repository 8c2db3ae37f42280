import Foundation
import HTTPTypes
import Hummingbird
import LocalDynamo
import NIOCore

/// `/2015-03-31/event-source-mappings`: Create (202), List, Get, Update (202) and Delete (202) of DynamoDB stream
/// event source mappings, in the shapes boto3 sends and reads.
enum EventSourceMappingRoute {
    static let path = "/2015-03-31/event-source-mappings"

    static func register(on router: Router<BasicRequestContext>, emulator: LambdaEmulator) {
        // The router matches the path with and without its trailing slash.
        router.post(RouterPath(path)) { request, _ in
            await respond { () async throws(InvokeAPIError) in try await create(request, emulator: emulator) }
        }
        router.get(RouterPath(path)) { request, _ in
            await respond { () async throws(InvokeAPIError) in try await list(request, emulator: emulator) }
        }
        router.get(RouterPath(path + "/:uuid")) { _, context in
            await respond { () async throws(InvokeAPIError) in
                let mappings = emulator.eventSourceMappings
                let mapping = try await mappings.mapping(context.parameters.get("uuid") ?? "")
                return try await document(mapping, mappings, status: .ok)
            }
        }
        router.put(RouterPath(path + "/:uuid")) { request, context in
            await respond { () async throws(InvokeAPIError) in
                try await update(request, uuid: context.parameters.get("uuid") ?? "", emulator: emulator)
            }
        }
        router.delete(RouterPath(path + "/:uuid")) { _, context in
            await respond { () async throws(InvokeAPIError) in
                let mappings = emulator.eventSourceMappings
                let deleted = try await mappings.delete(context.parameters.get("uuid") ?? "")
                return try await document(deleted, mappings, status: .accepted, state: "Deleting")
            }
        }
    }

    private static func create(_ request: Request, emulator: LambdaEmulator) async throws(InvokeAPIError) -> Response {
        let members = try await body(request)
        guard let arn = try EventSourceMappingRequest.string(members, "EventSourceArn") else {
            throw InvokeAPIError.validation(
                "Value null at 'eventSourceArn' failed to satisfy constraint: Member must not be null")
        }
        guard let reference = try EventSourceMappingRequest.string(members, "FunctionName") else {
            throw InvokeAPIError.validation(
                "Value null at 'functionName' failed to satisfy constraint: Member must not be null")
        }
        let function = try emulator.resolve(reference, qualifier: nil).function
        guard let position = try EventSourceMappingRequest.string(members, "StartingPosition") else {
            throw .invalidParameter("StartingPosition is required for DynamoDB stream event sources")
        }
        guard EventSourceMapping.startingPositions.contains(position) else {
            if position == "AT_TIMESTAMP" {
                throw .invalidParameter("Unsupported starting position for DynamoDB stream event sources: AT_TIMESTAMP")
            }
            throw InvokeAPIError.validation(
                "Value '\(position)' at 'startingPosition' failed to satisfy constraint: Member must satisfy enum value set: [TRIM_HORIZON, LATEST, AT_TIMESTAMP]"
            )
        }
        if members["StartingPositionTimestamp"] != nil {
            throw .invalidParameter("StartingPositionTimestamp is only valid with the AT_TIMESTAMP starting position")
        }
        var mapping = EventSourceMapping(
            uuid: UUID().uuidString.lowercased(), functionName: function.name, eventSourceArn: arn,
            startingPosition: position)
        try EventSourceMappingRequest.apply(members, to: &mapping)
        let mappings = emulator.eventSourceMappings
        let created = try await mappings.create(mapping)
        return try await document(created, mappings, status: .accepted, state: "Creating")
    }

    private static func list(_ request: Request, emulator: LambdaEmulator) async throws(InvokeAPIError) -> Response {
        let query = request.uri.queryParameters
        var function: String?
        if let reference = query["FunctionName"].map(String.init) {
            function = try emulator.resolve(reference, qualifier: nil).function.name
        }
        var maxItems = 100
        if let text = query["MaxItems"].map(String.init) {
            guard let value = Int(text) else { throw .invalidParameter("MaxItems must be an integer") }
            try InvokeAPIError.checkRange(value, member: "maxItems", 1...10000)
            maxItems = value
        }
        let mappings = emulator.eventSourceMappings
        var matching = await mappings.list(
            eventSourceArn: query["EventSourceArn"].map(String.init), functionName: function)
        if let marker = query["Marker"].map(String.init) {
            matching = Array(matching.drop { $0.uuid <= marker })
        }
        var documents: [JSON] = []
        for mapping in matching.prefix(maxItems) {
            documents.append(
                EventSourceMappingDocument.json(
                    mapping, functionArn: await mappings.functionArn(mapping.functionName),
                    lastResult: await mappings.lastResult(mapping.uuid)))
        }
        var answer: [String: JSON] = ["EventSourceMappings": .array(documents)]
        if matching.count > maxItems, let last = matching.prefix(maxItems).last {
            answer["NextMarker"] = .string(last.uuid)
        }
        return json(.object(answer), status: .ok)
    }

    private static func update(_ request: Request, uuid: String, emulator: LambdaEmulator) async throws(InvokeAPIError)
        -> Response
    {
        let members = try await body(request)
        let reference = try EventSourceMappingRequest.string(members, "FunctionName")
        let function = try reference.map { (reference: String) throws(InvokeAPIError) -> String in
            try emulator.resolve(reference, qualifier: nil).function.name
        }
        let mappings = emulator.eventSourceMappings
        let updated = try await mappings.update(uuid) { (mapping: inout EventSourceMapping) throws(InvokeAPIError) in
            if let function { mapping.functionName = function }
            try EventSourceMappingRequest.apply(members, to: &mapping)
        }
        return try await document(updated, mappings, status: .accepted, state: "Updating")
    }

    private static func body(_ request: Request) async throws(InvokeAPIError) -> [String: JSON] {
        let bytes: [UInt8]
        let total: Int
        do {
            (bytes, total) = try await RequestBodies.collect(request.body, keepingAtMost: 1 << 20)
        } catch {
            throw .invalidContent("Could not read the request body")
        }
        guard total <= 1 << 20 else { throw .tooLarge(bytes: total, limit: 1 << 20) }
        return try EventSourceMappingRequest.members(bytes)
    }

    private static func document(
        _ mapping: EventSourceMapping, _ mappings: EventSourceMappings, status: HTTPResponse.Status,
        state: String? = nil
    ) async throws(InvokeAPIError) -> Response {
        json(
            EventSourceMappingDocument.json(
                mapping, functionArn: await mappings.functionArn(mapping.functionName),
                lastResult: await mappings.lastResult(mapping.uuid), state: state),
            status: status)
    }

    private static func json(_ document: JSON, status: HTTPResponse.Status) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(bytes: document.serialized())))
    }

    private static func respond(_ body: () async throws(InvokeAPIError) -> Response) async -> Response {
        do {
            return try await body()
        } catch {
            return InvokeOperation.errorResponse(error)
        }
    }
}
