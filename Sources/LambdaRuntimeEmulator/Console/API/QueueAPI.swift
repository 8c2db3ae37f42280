import Foundation
import Hummingbird

/// `/_console/api/queue`: the async queue's pending events and dead letters; replay and delete.
struct QueueAPI {
    let emulator: LambdaEmulator

    struct QueueView: Encodable {
        var pending: [PendingEvent]
        var deadLetters: [DeadLetter]
    }

    struct Done: Encodable {
        var id: Int64
        var action: String
    }

    func register(_ routes: ConsoleRoutes) {
        let store = emulator.store
        routes.get("/_console/api/queue") { _, _ in
            ConsoleResponses.json(
                QueueView(
                    pending: try await read { try await store.pendingEvents() },
                    deadLetters: try await read { try await store.deadLetters() }))
        }
        routes.post("/_console/api/queue/dead-letters/:id/replay") { _, context in
            let id = try Self.id(context)
            // The queue looks for stored events every second, so the replayed one runs within a second.
            guard try await read({ try await store.replayDeadLetters(id: id) }) == [id] else {
                throw ConsoleError.notFound("no dead letter with id \(id)")
            }
            return ConsoleResponses.json(Done(id: id, action: "replayed"))
        }
        routes.delete("/_console/api/queue/dead-letters/:id") { _, context in
            let id = try Self.id(context)
            guard try await read({ try await store.deleteDeadLetter(id: id) }) else {
                throw ConsoleError.notFound("no dead letter with id \(id)")
            }
            return ConsoleResponses.json(Done(id: id, action: "deleted"))
        }
        routes.delete("/_console/api/queue/pending/:id") { _, context in
            let id = try Self.id(context)
            switch try await read({ try await store.deletePendingEvent(id: id) }) {
            case nil: throw ConsoleError.notFound("no pending event with id \(id)")
            case false?: throw ConsoleError.conflict("event \(id) is running; delete it once its attempt ends")
            case true?: return ConsoleResponses.json(Done(id: id, action: "deleted"))
            }
        }
    }

    static func id(_ context: BasicRequestContext) throws -> Int64 {
        let text = Request.parameter(context, "id")
        guard let id = Int64(text) else { throw ConsoleError.badRequest("'\(text)' is not an event id") }
        return id
    }

    /// A store call with its failure as the console's 500.
    private func read<T>(_ work: () async throws -> T) async throws -> T {
        do {
            return try await work()
        } catch {
            throw ConsoleError.internal("the async queue's store failed: \(error)")
        }
    }
}
