import Hummingbird

/// `/_console/api/overview`: the stack's ports and which services the console can show.
struct OverviewAPI {
    let sources: ConsoleSources

    struct Overview: Encodable {
        var ports: [String: Int]
        var functions: Int
        var historyCapacity: Int
        var dynamo: Bool
        var s3: Bool
        var gatewayFunction: String?
    }

    func register(_ routes: ConsoleRoutes) {
        routes.get("/_console/api/overview") { _, _ in
            ConsoleResponses.json(
                Overview(
                    ports: sources.ports, functions: sources.emulator.functions.count,
                    historyCapacity: sources.history.capacity, dynamo: sources.dynamo != nil, s3: sources.s3 != nil,
                    gatewayFunction: sources.gatewayFunction))
        }
        for method: HTTPRequest.Method in [.get, .post, .delete, .put, .patch] {
            routes.on("/_console/api/**", method: method) { request, _ in
                throw ConsoleError.notFound("no console API at \(request.method) \(request.uri.path)")
            }
        }
    }
}
